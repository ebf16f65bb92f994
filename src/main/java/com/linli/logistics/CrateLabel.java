package com.linli.logistics;

import java.time.LocalDate;

/**
 * One crate of a plan, as its label shows it: where it goes (pickup point, route, stop), its temperature zone,
 * crate {@code index} of {@code count} for that stop and zone, the pickup date, and the code in its QR
 * ({@code LLC:<planId>:<stopId>:<zone>:<index>}).
 */
public record CrateLabel(String code, long planId, long routeId, int routeNo, long stopId, int seq, long pickupPointId,
		String pickupPointName, String address, String zone, int index, int count, LocalDate pickupDate) {

	static final String PREFIX = "LLC";

	public static String code(long planId, long stopId, String zone, int index) {
		return PREFIX + ":" + planId + ":" + stopId + ":" + zone + ":" + index;
	}
}
