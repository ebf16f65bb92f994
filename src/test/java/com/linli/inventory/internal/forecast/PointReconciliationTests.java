package com.linli.inventory.internal.forecast;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Point forecasts reconciled with the region's: hand-computed splits that always add up. */
class PointReconciliationTests {

	static Prediction flat(double mean, double p50, double p80, double p95, String method) {
		return new Prediction(new double[] { mean }, new double[] { p50 }, new double[] { p80 }, new double[] { p95 }, method);
	}

	@Test
	void directPointsShareTheirPartByTheirOwnForecastsAndTheOthersTakeTheirShare() {
		// region: 20 expected; shares 6 : 3 : 1 of 10; the direct points forecast 12 and 6 on their own
		Prediction region = flat(20, 18, 25, 30, "linli");
		var result = PointReconciliation.reconcile(region, List.of(
				new PointReconciliation.Point(6, flat(12, 11, 14, 16, "linli")),
				new PointReconciliation.Point(3, flat(6, 5, 7, 9, "linli")),
				new PointReconciliation.Point(1, null)));
		// direct part 20 × 9/10 = 18 split 12 : 6, factor 1
		assertThat(result.get(0).mean()[0]).isEqualTo(12, within(1e-12));
		assertThat(result.get(1).mean()[0]).isEqualTo(6, within(1e-12));
		assertThat(result.get(0).p95()[0]).isEqualTo(16, within(1e-12));
		// the share point: 20 × 1/10 = 2; quantiles 2 + (q − 20) × √0.1, p50 floored at 0
		double root = Math.sqrt(0.1);
		assertThat(result.get(2).mean()[0]).isEqualTo(2, within(1e-12));
		assertThat(result.get(2).p50()[0]).isEqualTo(2 - 2 * root, within(1e-12));
		assertThat(result.get(2).p80()[0]).isEqualTo(2 + 5 * root, within(1e-12));
		assertThat(result.get(2).p95()[0]).isEqualTo(2 + 10 * root, within(1e-12));
		assertThat(result.get(2).method()).isEqualTo(PointReconciliation.SHARE);
		assertThat(result.stream().mapToDouble(p -> p.mean()[0]).sum()).isEqualTo(20, within(1e-12));
	}

	@Test
	void directForecastsAboveTheirPartAreScaledDownQuantilesAlike() {
		// direct points say 15 + 15, their part is 20 × 8/10 = 16: factor 16/30
		Prediction region = flat(20, 20, 24, 28, "linli");
		var result = PointReconciliation.reconcile(region, List.of(
				new PointReconciliation.Point(4, flat(15, 15, 18, 21, "linli")),
				new PointReconciliation.Point(4, flat(15, 15, 18, 21, "linli")),
				new PointReconciliation.Point(2, null)));
		assertThat(result.get(0).mean()[0]).isEqualTo(8, within(1e-12));
		assertThat(result.get(0).p80()[0]).isEqualTo(18 * 16 / 30.0, within(1e-12));
		assertThat(result.get(2).mean()[0]).isEqualTo(4, within(1e-12));
		assertThat(result.stream().mapToDouble(p -> p.mean()[0]).sum()).isEqualTo(20, within(1e-12));
	}

	@Test
	void pointsWithVolumeAreForecastDirectlyTheRestByShare() {
		// 35 days, every day open; point 1 sells 2 a day, point 2 one unit a week (below 1 a day)
		LocalDate start = LocalDate.of(2026, 1, 5);
		var level = new PointLevel(start, new boolean[35]);
		for (int t = 0; t < 35; t++) {
			level.add(1, 9, start.plusDays(t), 2, false);
			if (t % 7 == 0) {
				level.add(2, 9, start.plusDays(t), 1, false);
			}
		}
		Prediction region = flat(15, 15, 18, 20, "linli");
		var result = level.forecast(new ClassicModel(), Map.of(9L, region), Map.of(), 1);
		assertThat(result.direct()).isEqualTo(1);
		assertThat(result.forecasts()).extracting(PointLevel.Forecast::pointId).containsExactly(1L, 2L);
		// shares over the 35 days: 70 and 5 of 75
		assertThat(result.forecasts().get(0).prediction().method()).isEqualTo("linli");
		assertThat(result.forecasts().get(0).prediction().mean()[0]).isEqualTo(15 * 70 / 75.0, within(1e-9));
		assertThat(result.forecasts().get(1).prediction().method()).isEqualTo("share");
		assertThat(result.forecasts().get(1).prediction().mean()[0]).isEqualTo(1, within(1e-9));
	}
}
