package com.linli.network;

import java.time.LocalTime;

/**
 * An edit of a pickup point: its community stays; the grid warehouse serving it may change (another
 * GRID warehouse of the same region), and it may be closed ({@code active = false}) or reopened.
 */
public record PickupPointChange(WarehouseId gridWarehouseId, String name, String address, double latitude,
		double longitude, LocalTime opensAt, LocalTime closesAt, boolean active) {
}
