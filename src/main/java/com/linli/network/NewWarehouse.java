package com.linli.network;

/** What it takes to register a warehouse in a region. */
public record NewWarehouse(RegionId regionId, WarehouseKind kind, String name, String address, double latitude,
		double longitude) {
}
