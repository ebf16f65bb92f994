package com.linli.network;

/** What it takes to register a community in a region. */
public record NewCommunity(RegionId regionId, String name, String district, String address, double latitude,
		double longitude, int households) {
}
