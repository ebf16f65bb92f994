package com.linli.supply;

import com.linli.catalog.SkuId;
import com.linli.shared.Money;

/** The terms on which a supplier delivers a SKU (added or changed). */
public record NewSupplierSku(SkuId skuId, Money price, int leadTimeDays, int moq, boolean active) {
}
