package com.linli.logistics;

import java.time.LocalTime;

/**
 * What one pickup point receives from its grid warehouse after a cutoff: its load (crates per temperature
 * zone and kilograms, from the sorting lists), where it is, its delivery window and service time, and its
 * orders. A point without coordinates has latitude and longitude 0.
 */
public record DropLoad(long pickupPointId, String name, String address, double latitude, double longitude,
		LocalTime windowStart, LocalTime windowEnd, int serviceMinutes, Load load, int orders) {

	/** The point has a position (0/0 means none was entered). */
	public boolean located() {
		return !(Math.abs(latitude) < 1e-9 && Math.abs(longitude) < 1e-9) && Double.isFinite(latitude)
				&& Double.isFinite(longitude);
	}
}
