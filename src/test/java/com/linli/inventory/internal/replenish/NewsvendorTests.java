package com.linli.inventory.internal.replenish;

import com.linli.catalog.StorageTemperature;
import com.linli.inventory.ReplenishmentPolicy;
import com.linli.inventory.internal.forecast.Prediction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The newsvendor's quantity, computed by hand: one day (lead 1, review 1) unless said otherwise. */
class NewsvendorTests {

	/** {@code days} days of mean 10, median 10, p80 13, p95 16. */
	static Prediction tens(int days) {
		return same(days, 10, 10, 13, 16);
	}

	static Prediction same(int days, double mean, double p50, double p80, double p95) {
		double[] m = new double[days];
		double[] a = new double[days];
		double[] b = new double[days];
		double[] c = new double[days];
		java.util.Arrays.fill(m, mean);
		java.util.Arrays.fill(a, p50);
		java.util.Arrays.fill(b, p80);
		java.util.Arrays.fill(c, p95);
		return new Prediction(m, a, b, c, "test");
	}

	@Test
	void equalCostsOfShortageAndWasteBuyTheMedianNetOfAvailableAndOnOrder() {
		// Cu = 1000 - 600 + 200 = 600; shelf life 1 day = the review period: every leftover expires, Co = 600
		var d = new Newsvendor(1, 1, 1).decide(tens(7), new Economics(1000, 600, 200), 3, 2);
		assertThat(d.coverDays()).isEqualTo(1);
		assertThat(d.underage()).isEqualTo(600);
		assertThat(d.wasteShare()).isEqualTo(1);
		assertThat(d.overage()).isEqualTo(600);
		assertThat(d.criticalRatio()).isEqualTo(0.5, within(1e-12));
		assertThat(d.orderUpTo()).isEqualTo(10);
		assertThat(d.suggested()).isEqualTo(10 - 3 - 2);
		// expected leftover at the mean: sigma * phi(0), sigma = (16 - 10) / 1.6449 = 3.6477, all of it wasted
		assertThat(d.expectedWaste()).isEqualTo(6 / 1.6448536 * 0.3989423, within(1e-4));
	}

	@Test
	void aCriticalRatioOfEightTenthsBuysTheP80AndNeverANegativeQuantity() {
		// Cu = 1000 - 250 + 250 = 1000, Co = 250: 1000 / 1250 = 0.8
		var d = new Newsvendor(1, 1, 1).decide(tens(7), new Economics(1000, 250, 250), 20, 0);
		assertThat(d.criticalRatio()).isEqualTo(0.8, within(1e-12));
		assertThat(d.orderUpTo()).isEqualTo(13);
		assertThat(d.suggested()).isZero();
	}

	@Test
	void ratiosBetweenTheQuantilesInterpolateInTheNormalScore() {
		// Cu = 950, Co = 50: 0.95 -> p95 = 16
		assertThat(new Newsvendor(1, 1, 1).decide(tens(7), new Economics(1000, 50, 0), 0, 0).orderUpTo()).isEqualTo(16);
		// Cu = 900, Co = 100: 0.9, z = 1.28155: 13 + (1.28155 - 0.84162) / (1.64485 - 0.84162) * 3 = 14.643 -> 15
		var d = new Newsvendor(1, 1, 1).decide(tens(7), new Economics(1000, 100, 0), 0, 4);
		assertThat(d.criticalRatio()).isEqualTo(0.9, within(1e-12));
		assertThat(d.demand().quantile(0.9)).isEqualTo(14.643, within(1e-3));
		assertThat(d.orderUpTo()).isEqualTo(15);
		assertThat(d.suggested()).isEqualTo(11);
	}

	@Test
	void severalDaysAddTheirMeansAndTheirSpreadsByTheSquareRootRule() {
		// two days of mean 10, p80 13, p95 16: mean 20, p80 20 + sqrt(3^2 + 3^2) = 24.243, p95 20 + sqrt(72) = 28.485
		var cover = CoverDemand.over(tens(7), 0, 2);
		assertThat(cover.mean()).isEqualTo(20);
		assertThat(cover.q50()).isEqualTo(20);
		assertThat(cover.q80()).isEqualTo(20 + Math.sqrt(18), within(1e-9));
		assertThat(cover.q95()).isEqualTo(20 + Math.sqrt(72), within(1e-9));
		// a median below the mean stays below it: 2 x (9 - 10) -> 20 - sqrt(2)
		assertThat(CoverDemand.over(same(7, 10, 9, 13, 16), 0, 2).q50()).isEqualTo(20 - Math.sqrt(2), within(1e-9));
		// lead 1 + review 2: two days of cover, at ratio 0.8 the order-up-to is 24.243 -> 25
		var d = new Newsvendor(1, 2, 2).decide(tens(7), new Economics(1000, 250, 250), 0, 0);
		assertThat(d.coverDays()).isEqualTo(2);
		assertThat(d.orderUpTo()).isEqualTo(25);
	}

	@Test
	void daysBeyondTheForecastRepeatItsLastWeek() {
		double[] mean = { 1, 2, 3, 4, 5, 6, 7 };
		var f = new Prediction(mean, mean, mean, mean, "test");
		// days 7..9 stand for days 0..2: 1 + 2 + 3
		assertThat(CoverDemand.over(f, 7, 10).mean()).isEqualTo(6);
		assertThat(CoverDemand.over(f, 5, 8).mean()).isEqualTo(6 + 7 + 1);
	}

	@Test
	void aLeftoverSoldBeforeItExpiresIsNoWaste() {
		// demand exactly 10 a day, shelf life 3: a leftover (at least one unit) meets 20 units of the 2 days
		// beyond the cover, so nothing expires: Co = 0, the ratio is at its bound 0.99, the order-up-to 10
		var d = new Newsvendor(1, 1, 3).decide(same(7, 10, 10, 10, 10), new Economics(1000, 600, 0), 0, 0);
		assertThat(d.wasteShare()).isZero();
		assertThat(d.overage()).isZero();
		assertThat(d.criticalRatio()).isEqualTo(0.99);
		assertThat(d.orderUpTo()).isEqualTo(10);
		assertThat(d.expectedWaste()).isZero();
	}

	@Test
	void aSlowSellerWithAShortShelfLifeWastesWhatIsLeft() {
		// 0.2 a day, shelf life 3: the 0.4 units of the two days beyond cannot take the one unit left: w = 1
		var d = new Newsvendor(1, 1, 3).decide(same(7, 0.2, 0.2, 0.2, 0.2), new Economics(1000, 600, 0), 0, 0);
		assertThat(d.wasteShare()).isEqualTo(1);
		assertThat(d.overage()).isEqualTo(600);
		assertThat(d.criticalRatio()).isEqualTo(0.4, within(1e-12));
		assertThat(d.orderUpTo()).isEqualTo(1); // 0.2 rounded up to a whole unit
		assertThat(d.expectedWaste()).isEqualTo(0.8, within(1e-9));
	}

	@Test
	void aLongerShelfLifeLowersTheWasteShareAndRaisesTheQuantile() {
		var economics = new Economics(1200, 600, 0);
		var shortLife = new Newsvendor(1, 1, 1).decide(tens(7), economics, 0, 0);
		var longLife = new Newsvendor(1, 1, 3).decide(tens(7), economics, 0, 0);
		// short: Co = Cu = 600 -> 0.5 -> the median
		assertThat(shortLife.criticalRatio()).isEqualTo(0.5, within(1e-12));
		assertThat(shortLife.orderUpTo()).isEqualTo(10);
		// long: the leftover faces the 20 (sigma 5.16) units of the next two days: a few percent expire
		assertThat(longLife.wasteShare()).isBetween(0.0, 0.05);
		assertThat(longLife.criticalRatio()).isGreaterThan(0.95);
		assertThat(longLife.orderUpTo()).isBetween(17L, 19L);
	}

	@Test
	void chilledOrShortLivedGoodsAreFreshTheRestAmbient() {
		assertThat(ReplenishmentPolicy.of(StorageTemperature.CHILLED, 90)).isEqualTo(ReplenishmentPolicy.FRESH_NEWSVENDOR);
		assertThat(ReplenishmentPolicy.of(StorageTemperature.AMBIENT, 7)).isEqualTo(ReplenishmentPolicy.FRESH_NEWSVENDOR);
		assertThat(ReplenishmentPolicy.of(StorageTemperature.AMBIENT, 30)).isEqualTo(ReplenishmentPolicy.FRESH_NEWSVENDOR);
		assertThat(ReplenishmentPolicy.of(StorageTemperature.AMBIENT, 31)).isEqualTo(ReplenishmentPolicy.AMBIENT_REORDER_POINT);
		assertThat(ReplenishmentPolicy.of(StorageTemperature.FROZEN, 180)).isEqualTo(ReplenishmentPolicy.AMBIENT_REORDER_POINT);
	}
}
