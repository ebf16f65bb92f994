package com.linli.network;

/** Distances on the earth's surface for WGS84 coordinates. */
public final class Geo {

	/** Mean earth radius in metres (IUGG). */
	public static final double EARTH_RADIUS_METERS = 6_371_008.8;

	private Geo() {
	}

	/** Haversine distance in metres: good to a few metres at city scale, which is all we need. */
	public static double distanceMeters(double lat1, double lng1, double lat2, double lng2) {
		double dLat = Math.toRadians(lat2 - lat1);
		double dLng = Math.toRadians(lng2 - lng1);
		double a = Math.pow(Math.sin(dLat / 2), 2)
				+ Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLng / 2), 2);
		return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
	}

	/** True for a valid WGS84 latitude. */
	public static boolean isLatitude(double value) {
		return Double.isFinite(value) && value >= -90 && value <= 90;
	}

	/** True for a valid WGS84 longitude. */
	public static boolean isLongitude(double value) {
		return Double.isFinite(value) && value >= -180 && value <= 180;
	}
}
