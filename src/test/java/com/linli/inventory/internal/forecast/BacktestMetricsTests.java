package com.linli.inventory.internal.forecast;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The backtest's scores on two series of three days, worked out by hand. */
class BacktestMetricsTests {

	static Accuracy twoSeries() {
		Accuracy a = new Accuracy();
		// actual 2, 0, 4 (6 units); mean 3, 1, 2 (6); median 2, 0, 3; p80 4, 1, 5; p95 6, 2, 6
		a.add(new double[] { 2, 0, 4 }, new Prediction(new double[] { 3, 1, 2 }, new double[] { 2, 0, 3 },
				new double[] { 4, 1, 5 }, new double[] { 6, 2, 6 }, "m"), new boolean[] { true, true, true });
		// actual 1, 1, 1 (3 units), forecast all zero
		double[] zero = { 0, 0, 0 };
		a.add(new double[] { 1, 1, 1 }, new Prediction(zero, zero, zero, zero, "m"), null);
		return a;
	}

	@Test
	void dailyWapeOfTheMedianAndOfTheMean() {
		// median errors 0 + 0 + 1 and 1 + 1 + 1: 4 / 9; mean errors 1 + 1 + 2 + 3: 7 / 9
		assertThat(twoSeries().dailyWape()).isEqualTo(4.0 / 9, within(1e-12));
		assertThat(twoSeries().dailyWapeOfMean()).isEqualTo(7.0 / 9, within(1e-12));
	}

	@Test
	void weeklyTotalWapeComparesEachSeriesWeek() {
		// |6 − 6| + |3 − 0| = 3 over 9 sold (a daily error of 4 / 9 on the mean of the first nets out)
		assertThat(twoSeries().weeklyWape()).isEqualTo(3.0 / 9, within(1e-12));
	}

	@Test
	void biasOfTheMean() {
		// 6 forecast for 9 sold
		assertThat(twoSeries().bias()).isEqualTo(6.0 / 9 - 1, within(1e-12));
	}

	@Test
	void pinballLossesOfTheUpperQuantiles() {
		// p80: over-forecasts 2, 1, 1 cost 0.2 each unit (0.8), the second series' 1, 1, 1 under cost 0.8 (2.4)
		assertThat(twoSeries().pinball80()).isEqualTo(3.2 / 9, within(1e-12));
		// p95: over 4, 2, 2 cost 0.05 each (0.4), under 1, 1, 1 cost 0.95 (2.85)
		assertThat(twoSeries().pinball95()).isEqualTo(3.25 / 9, within(1e-12));
		assertThat(Accuracy.pinball(10, 8, 0.8)).isEqualTo(1.6, within(1e-12));
		assertThat(Accuracy.pinball(8, 10, 0.8)).isEqualTo(0.4, within(1e-12));
	}

	@Test
	void coverageCountsOpenDaysAtOrBelowTheQuantile() {
		// the first series is covered on all 3 days, the second on none
		assertThat(twoSeries().coverage80()).isEqualTo(0.5, within(1e-12));
		assertThat(twoSeries().coverage95()).isEqualTo(0.5, within(1e-12));
		Accuracy closed = new Accuracy();
		double[] zero = { 0, 0 };
		closed.add(new double[] { 0, 3 }, new Prediction(zero, zero, zero, zero, "m"), new boolean[] { false, true });
		// the closed day does not count: 0 of 1
		assertThat(closed.coverage80()).isZero();
	}
}
