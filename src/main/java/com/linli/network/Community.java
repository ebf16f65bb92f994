package com.linli.network;

/** A housing community (小区) of a region, with the number of households it has. */
public record Community(CommunityId id, RegionId regionId, String name, String district, String address,
		double latitude, double longitude, int households) {
}
