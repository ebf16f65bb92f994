package com.linli.marketing.internal.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How the storefront words a cutoff and a pickup day, in the region's zone. */
class WordingTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	/** 2026-03-09 10:00 in Shanghai. */
	static final Instant NOW = Instant.parse("2026-03-09T02:00:00Z");

	static Instant shanghai(String localDateTime) {
		return java.time.LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
	}

	@Test
	void anEveningCutoffTodayReadsTonight() {
		var text = Wording.cutoff(shanghai("2026-03-09T23:00"), NOW, SHANGHAI);
		assertThat(text.key()).isEqualTo("shop.cutoff.tonight");
		assertThat(text.args()).containsExactly("23:00");
	}

	@Test
	void anAfternoonCutoffTodayReadsToday() {
		assertThat(Wording.cutoff(shanghai("2026-03-09T15:30"), NOW, SHANGHAI).key()).isEqualTo("shop.cutoff.today");
	}

	@Test
	void theLastHourCountsMinutes() {
		var text = Wording.cutoff(NOW.plusSeconds(25 * 60), NOW, SHANGHAI);
		assertThat(text.key()).isEqualTo("shop.cutoff.minutes");
		assertThat(text.args()).containsExactly(25L);
		assertThat(Wording.cutoffSoon(NOW.plusSeconds(25 * 60), NOW)).isTrue();
		assertThat(Wording.cutoffSoon(NOW.plusSeconds(5 * 3600), NOW)).isFalse();
	}

	@Test
	void laterDaysReadTomorrowOrTheDate() {
		assertThat(Wording.cutoff(shanghai("2026-03-10T23:00"), NOW, SHANGHAI).key()).isEqualTo("shop.cutoff.tomorrow");
		var later = Wording.cutoff(shanghai("2026-03-12T23:00"), NOW, SHANGHAI);
		assertThat(later.key()).isEqualTo("shop.cutoff.date");
		assertThat(later.args()).containsExactly(3, 12, "23:00");
	}

	@Test
	void theDayIsTheRegionsDay() {
		// 16:00 UTC is already midnight of the 10th in Shanghai: a 04:00 cutoff is "today" there, "tonight" in UTC
		Instant lateNight = Instant.parse("2026-03-09T16:00:00Z");
		assertThat(Wording.cutoff(Instant.parse("2026-03-09T20:00:00Z"), lateNight, SHANGHAI).key())
			.isEqualTo("shop.cutoff.today");
		assertThat(Wording.cutoff(Instant.parse("2026-03-09T20:00:00Z"), lateNight, ZoneId.of("UTC")).key())
			.isEqualTo("shop.cutoff.tonight");
	}

	@Test
	void aPassedCutoffReadsClosed() {
		assertThat(Wording.cutoff(NOW, NOW, SHANGHAI).key()).isEqualTo("shop.cutoff.closed");
	}

	@Test
	void pickupDaysAreRelativeToToday() {
		LocalDate today = LocalDate.of(2026, 3, 9);
		assertThat(Wording.pickupDay(today, today).key()).isEqualTo("shop.pickup.today");
		assertThat(Wording.pickupDay(today.plusDays(1), today).key()).isEqualTo("shop.pickup.tomorrow");
		assertThat(Wording.pickupDay(today.plusDays(3), today).args()).containsExactly(3, 12);
		assertThat(Wording.relativeDay(today.plusDays(1), today).key()).isEqualTo("shop.day.tomorrow");
		assertThat(Wording.relativeDay(today.plusDays(2), today)).isNull();
	}
}
