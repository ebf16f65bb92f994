package com.linli.inventory;

import java.time.LocalDate;
import java.util.List;

import com.linli.catalog.SkuId;
import com.linli.network.RegionId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The stored outlook read as a prediction from tomorrow, day by day, whatever days are missing. */
class ReplenishmentOutlookTests {

	static final LocalDate TOMORROW = LocalDate.of(2026, 12, 8);

	static DemandOutlook.Day day(int ahead, double units) {
		return new DemandOutlook.Day(TOMORROW.plusDays(ahead), units, units, units + 1, units + 2);
	}

	@Test
	void aMissingDayInBetweenCountsAsNoneAndDaysBeforeTomorrowAreLeftOut() {
		var outlook = new DemandOutlook(new RegionId(1), new SkuId(2), TOMORROW.minusDays(1), "linli",
				List.of(day(-1, 9), day(0, 4), day(2, 6)));
		var p = ReplenishmentManagement.prediction(outlook, TOMORROW);
		assertThat(p.mean()).containsExactly(4, 0, 6);
		assertThat(p.p95()).containsExactly(6, 0, 8);
	}

	@Test
	void noForecastFromTomorrowOnIsNoPrediction() {
		assertThat(ReplenishmentManagement.prediction(null, TOMORROW)).isNull();
		assertThat(ReplenishmentManagement.prediction(new DemandOutlook(new RegionId(1), new SkuId(2), TOMORROW, "linli",
				List.of(day(-2, 3))), TOMORROW)).isNull();
	}
}
