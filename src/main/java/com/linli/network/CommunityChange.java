package com.linli.network;

/** An edit of a community: its region stays. */
public record CommunityChange(String name, String district, String address, double latitude, double longitude,
		int households) {
}
