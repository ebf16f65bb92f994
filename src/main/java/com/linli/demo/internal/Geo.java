package com.linli.demo.internal;

/** Small-distance geometry on WGS84 coordinates: enough for a city. */
public final class Geo {

	private static final double EARTH_RADIUS_KM = 6371.0;

	private Geo() {
	}

	/** Great-circle distance in kilometres (haversine). */
	public static double km(double lat1, double lng1, double lat2, double lng2) {
		double dLat = Math.toRadians(lat2 - lat1);
		double dLng = Math.toRadians(lng2 - lng1);
		double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
				* Math.cos(Math.toRadians(lat2)) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
		return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
	}

	/** Degrees of latitude for a distance northwards. */
	public static double latDegrees(double km) {
		return km / 111.195;
	}

	/** Degrees of longitude for a distance eastwards at a latitude. */
	public static double lngDegrees(double km, double atLatitude) {
		return km / (111.195 * Math.cos(Math.toRadians(atLatitude)));
	}

	/** Rounds a coordinate to 6 decimals (about 10 cm), as a map would give it. */
	public static double round6(double degrees) {
		return Math.round(degrees * 1_000_000d) / 1_000_000d;
	}
}
