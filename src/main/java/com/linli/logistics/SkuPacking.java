package com.linli.logistics;

import com.linli.catalog.StorageTemperature;

/**
 * How many units of a SKU fill a crate: the one entered for it, or the default from its temperature zone and
 * weight ({@code custom} false).
 */
public record SkuPacking(long skuId, String skuName, StorageTemperature storage, int unitsPerCrate,
		int defaultUnitsPerCrate, boolean custom) {

	/**
	 * Units per crate when none was entered: a crate holds up to 15 kg ambient, 12 kg chilled and 10 kg frozen
	 * (insulated crates are smaller), at most 40 units and at least one.
	 */
	public static int defaultUnitsPerCrate(StorageTemperature storage, int weightGrams) {
		int limit = switch (storage) {
			case AMBIENT -> 15_000;
			case CHILLED -> 12_000;
			case FROZEN -> 10_000;
		};
		if (weightGrams <= 0) {
			return 40;
		}
		return Math.max(1, Math.min(40, limit / weightGrams));
	}
}
