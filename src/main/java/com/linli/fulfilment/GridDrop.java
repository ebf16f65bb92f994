package com.linli.fulfilment;

import java.util.List;

import com.linli.catalog.SkuId;
import com.linli.network.PickupPointId;

/**
 * What a cutoff run sends from a grid warehouse to one pickup point: its orders and the units per SKU
 * (net of what the sorting found short), as the sorting lists have them. Logistics turns this into crates
 * per temperature zone and kilograms.
 */
public record GridDrop(PickupPointId pickupPointId, String pickupPointName, String address, int orders,
		List<SkuUnits> skus) {

	public record SkuUnits(SkuId skuId, String skuName, String spec, String unit, long units) {
	}
}
