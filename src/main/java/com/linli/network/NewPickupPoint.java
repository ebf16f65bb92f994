package com.linli.network;

import java.time.LocalTime;

/**
 * What it takes to open a pickup point: the community it is in and the grid warehouse (of the
 * community's region) that delivers to it. Its region is the community's.
 */
public record NewPickupPoint(CommunityId communityId, WarehouseId gridWarehouseId, String name, String address,
		double latitude, double longitude, LocalTime opensAt, LocalTime closesAt) {
}
