package com.linli.logistics;

import com.linli.catalog.StorageTemperature;

/**
 * How many units of a SKU fill a crate: the one entered for it, or the default of its temperature zone
 * ({@code custom} false).
 */
public record SkuPacking(long skuId, String skuName, StorageTemperature storage, int unitsPerCrate,
		int defaultUnitsPerCrate, boolean custom) {

	/** Units per crate when none was entered: ambient goods pack densest, frozen ones least (insulated boxes). */
	public static int defaultUnitsPerCrate(StorageTemperature storage) {
		return switch (storage) {
			case AMBIENT -> 20;
			case CHILLED -> 12;
			case FROZEN -> 10;
		};
	}
}
