package com.linli.supply;

import com.linli.catalog.SkuId;
import com.linli.shared.Money;
import com.linli.shared.SupplierId;

/** A SKU a supplier delivers: purchase price, lead time in days, minimum order quantity. */
public record SupplierSku(long id, SupplierId supplierId, SkuId skuId, String skuName, Money price, int leadTimeDays,
		int moq, boolean active) {

	/** {@code units} rounded up to a multiple of the minimum order quantity. */
	public long roundToMoq(long units) {
		if (units <= 0) {
			return 0;
		}
		return ((units + moq - 1) / moq) * moq;
	}
}
