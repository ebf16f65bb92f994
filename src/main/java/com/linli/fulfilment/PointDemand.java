package com.linli.fulfilment;

import com.linli.catalog.SkuId;
import com.linli.network.PickupPointId;

/** Units of one SKU ordered at one pickup point in a cutoff run (what the residents ordered, shortages included). */
public record PointDemand(PickupPointId pickupPointId, SkuId skuId, long units) {
}
