package com.linli.network;

import java.time.LocalTime;

/**
 * A pickup point (自提点) in a community, served by one grid warehouse of the same region; residents
 * collect their goods here between {@code opensAt} and {@code closesAt}.
 */
public record PickupPoint(PickupPointId id, RegionId regionId, CommunityId communityId, String communityName,
		WarehouseId gridWarehouseId, String name, String address, double latitude, double longitude,
		LocalTime opensAt, LocalTime closesAt, boolean active) {

	/** Great-circle (haversine) distance in metres from this point to a position. */
	public double distanceMetersTo(double latitude, double longitude) {
		return Geo.distanceMeters(this.latitude, this.longitude, latitude, longitude);
	}
}
