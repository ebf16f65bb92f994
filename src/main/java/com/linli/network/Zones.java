package com.linli.network;

import java.time.ZoneId;

import com.linli.shared.InvalidInputException;
import com.linli.shared.Text;

/** IANA time zones, as a region's clock. Offsets such as {@code +08:00} are refused: they know no daylight saving. */
public final class Zones {

	private Zones() {
	}

	/** Parses an IANA zone id such as {@code Asia/Shanghai}; anything else is an input error on field {@code zone}. */
	public static ZoneId parse(String id) {
		if (id == null || id.isBlank()) {
			throw new InvalidInputException("zone", Text.of("network.problem.required"));
		}
		String trimmed = id.strip();
		if (!isKnown(trimmed)) {
			throw unknown(trimmed);
		}
		return ZoneId.of(trimmed);
	}

	static ZoneId check(ZoneId zone) {
		if (zone == null) {
			throw new InvalidInputException("zone", Text.of("network.problem.required"));
		}
		if (!isKnown(zone.getId())) {
			throw unknown(zone.getId());
		}
		return zone;
	}

	private static boolean isKnown(String id) {
		return ZoneId.getAvailableZoneIds().contains(id);
	}

	private static InvalidInputException unknown(String id) {
		return new InvalidInputException("zone", Text.of("network.problem.unknownZone", id));
	}
}
