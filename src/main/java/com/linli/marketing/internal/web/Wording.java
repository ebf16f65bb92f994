package com.linli.marketing.internal.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * How the storefront words a cutoff or a pickup day relative to now, as a message key and its
 * arguments: "今晚 23:00 截单", "还剩 25 分钟截单", "明天自提". Times in the region's zone.
 */
final class Wording {

	static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

	/** From this hour on, "today" reads "tonight". */
	static final int EVENING = 18;

	private Wording() {
	}

	record Text(String key, Object... args) {
	}

	static Text cutoff(Instant cutoff, Instant now, ZoneId zone) {
		if (!cutoff.isAfter(now)) {
			return new Text("shop.cutoff.closed");
		}
		long minutes = Duration.between(now, cutoff).toMinutes();
		if (minutes < 60) {
			return new Text("shop.cutoff.minutes", Math.max(minutes, 1));
		}
		ZonedDateTime at = cutoff.atZone(zone);
		LocalDate today = now.atZone(zone).toLocalDate();
		String time = HH_MM.format(at);
		if (at.toLocalDate().equals(today)) {
			return new Text(at.getHour() >= EVENING ? "shop.cutoff.tonight" : "shop.cutoff.today", time);
		}
		if (at.toLocalDate().equals(today.plusDays(1))) {
			return new Text("shop.cutoff.tomorrow", time);
		}
		return new Text("shop.cutoff.date", at.getMonthValue(), at.getDayOfMonth(), time);
	}

	/** Is the cutoff close enough to urge residents (less than three hours)? */
	static boolean cutoffSoon(Instant cutoff, Instant now) {
		return cutoff.isAfter(now) && Duration.between(now, cutoff).toHours() < 3;
	}

	/** "今天" or "明天" when the date is that near, else null. */
	static Text relativeDay(LocalDate date, LocalDate today) {
		if (date.equals(today)) {
			return new Text("shop.day.today");
		}
		return date.equals(today.plusDays(1)) ? new Text("shop.day.tomorrow") : null;
	}

	static Text pickupDay(LocalDate pickupDate, LocalDate today) {
		if (pickupDate.equals(today)) {
			return new Text("shop.pickup.today");
		}
		if (pickupDate.equals(today.plusDays(1))) {
			return new Text("shop.pickup.tomorrow");
		}
		return new Text("shop.pickup.date", pickupDate.getMonthValue(), pickupDate.getDayOfMonth());
	}
}
