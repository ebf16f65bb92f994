package com.linli.inventory;

import com.linli.catalog.SkuId;

/** A SKU with demand in a region recently, and the units it sold over that time. */
public record ForecastSku(SkuId skuId, String skuName, long units) {
}
