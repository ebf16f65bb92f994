package com.linli.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When the demo's listings sell: they open today at 10:00 (or now, if later) for pickup tomorrow, with
 * the region's default cutoff of 23:00 today. Started late in the evening, when hardly any time would
 * be left to order, the demo sells for the day after tomorrow instead.
 */
public record ListingWindow(LocalDate pickupDate, Instant opensAt) {

	static final LocalTime OPENING = LocalTime.of(10, 0);

	/** After this, today's session is too short to be worth showing: sell for the day after tomorrow. */
	static final LocalTime LATEST_START = LocalTime.of(22, 30);

	public static ListingWindow next(ZoneId zone, Instant now) {
		ZonedDateTime local = now.atZone(zone);
		LocalDate today = local.toLocalDate();
		if (!local.toLocalTime().isBefore(LATEST_START)) {
			return new ListingWindow(today.plusDays(2), now);
		}
		Instant opening = today.atTime(OPENING).atZone(zone).toInstant();
		return new ListingWindow(today.plusDays(1), now.isAfter(opening) ? now : opening);
	}

	/** The default cutoff the listings get: 23:00 region time the day before pickup. */
	public Instant cutoffAt(ZoneId zone) {
		return pickupDate.minusDays(1).atTime(23, 0).atZone(zone).toInstant();
	}
}
