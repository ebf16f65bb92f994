package com.linli.inventory;

import com.linli.catalog.StorageTemperature;

/**
 * How a SKU's purchases are sized: a newsvendor for fresh goods (what is left over may expire), a reorder
 * point with a service level for ambient goods (what is left over sells later).
 */
public enum ReplenishmentPolicy {

	FRESH_NEWSVENDOR, AMBIENT_REORDER_POINT;

	/** Shelf lives up to this many days count as fresh whatever the storage. */
	public static final int FRESH_SHELF_LIFE_DAYS = 30;

	/** Chilled goods, and anything that keeps at most {@value #FRESH_SHELF_LIFE_DAYS} days, are fresh. */
	public static ReplenishmentPolicy of(StorageTemperature storage, int shelfLifeDays) {
		return storage == StorageTemperature.CHILLED || shelfLifeDays <= FRESH_SHELF_LIFE_DAYS ? FRESH_NEWSVENDOR
				: AMBIENT_REORDER_POINT;
	}
}
