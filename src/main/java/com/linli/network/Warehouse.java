package com.linli.network;

/** A warehouse of a region, central or grid, with its position. */
public record Warehouse(WarehouseId id, RegionId regionId, WarehouseKind kind, String name, String address,
		double latitude, double longitude, boolean active) {
}
