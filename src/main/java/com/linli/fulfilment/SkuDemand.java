package com.linli.fulfilment;

import com.linli.catalog.SkuId;

/** Total units of one SKU ordered for a region and pickup date, in {@code lines} order lines. */
public record SkuDemand(SkuId skuId, String skuName, String spec, String unit, int lines, long units) {
}
