package com.linli.supply.internal.vmi;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.linli.inventory.DemandOutlook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The VMI suggestion rule on hand-computed weeks. */
class VmiSuggestionTests {

	static List<DemandOutlook.Day> week(double mean, double p95) {
		List<DemandOutlook.Day> days = new ArrayList<>();
		for (int i = 1; i <= 7; i++) {
			days.add(new DemandOutlook.Day(LocalDate.of(2026, 3, i), mean, mean, (mean + p95) / 2, p95));
		}
		return days;
	}

	@Test
	void theWeeksSpreadAddsTheDailySpreadsInQuadrature() {
		// 7 × 10 = 70; √(7 × 3²) = √63 = 7.937; cover ⌈77.937⌉ = 78
		var days = week(10, 13);
		assertThat(VmiSuggestion.spread(days)).isCloseTo(7.937, within(0.001));
		assertThat(VmiSuggestion.cover(days)).isEqualTo(78);
	}

	@Test
	void suggestedNetsAvailableAndOnOrderAndRoundsUpToThePack() {
		// 78 − 30 − 12 = 36, a multiple of 6 already; with packs of 10: 40
		assertThat(VmiSuggestion.suggested(78, 30, 12, 6)).isEqualTo(36);
		assertThat(VmiSuggestion.suggested(78, 30, 12, 10)).isEqualTo(40);
		// 78 − 77 = 1 → one pack of 12
		assertThat(VmiSuggestion.suggested(78, 70, 7, 12)).isEqualTo(12);
	}

	@Test
	void nothingIsSuggestedWhenStockAndOrdersCoverTheWeek() {
		assertThat(VmiSuggestion.suggested(78, 60, 18, 6)).isZero();
		assertThat(VmiSuggestion.suggested(78, 100, 0, 6)).isZero();
	}

	@Test
	void aCertainForecastNeedsNoSpreadAndAnEmptyOneNothing() {
		// two days of 2.5 with p95 = mean: cover exactly 5
		var days = List.of(new DemandOutlook.Day(LocalDate.of(2026, 3, 1), 2.5, 2.5, 2.5, 2.5),
				new DemandOutlook.Day(LocalDate.of(2026, 3, 2), 2.5, 2.5, 2.5, 2.5));
		assertThat(VmiSuggestion.cover(days)).isEqualTo(5);
		assertThat(VmiSuggestion.cover(List.of())).isZero();
	}
}
