package com.linli.inventory.internal.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The forecasting methods on tiny series whose answers are worked out by hand in the comments. */
class ForecastMethodsTests {

	/** A Monday. */
	static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

	static ForecastCalendar open(int days) {
		return ForecastCalendar.open(MONDAY, days, Set.of());
	}

	static final double[] FLAT = { 1, 1, 1, 1, 1, 1, 1 };

	@Test
	void sesStartsAtTheMeanOfTheFirstWeekAndSmoothsEveryOpenDay() {
		double[] units = { 2, 4, 6, 8, 10, 12, 14, 10, 6 };
		// start (2+4+...+14)/7 = 8; alpha 0.5: 5, 4.5, 5.25, 6.625, 8.3125, 10.15625, 12.078125, 11.0390625, 8.51953125
		assertThat(SesWeekday.level(units, open(9), 9, FLAT, 0.5)).isEqualTo(8.51953125, within(1e-12));
	}

	@Test
	void sesSkipsClosedDaysAndForecastsZeroOnThem() {
		double[] units = { 4, 0, 4, 4, 4, 4, 4, 4 };
		boolean[] closed = new boolean[8];
		closed[1] = true;
		// day 1 closed: the level never sees its zero; every open day is 4
		ForecastCalendar calendar = ForecastCalendar.fromClosedDays(MONDAY, closed, Set.of(MONDAY.plusDays(9)));
		assertThat(SesWeekday.level(units, calendar, 8, FLAT, 0.3)).isEqualTo(4, within(1e-12));
		// day 8 open, day 9 a holiday
		assertThat(SesWeekday.forecast(units, calendar, 8, FLAT, 0.3, 2)).containsExactly(4, 0);
	}

	@Test
	void sesStartsAtTheFirstSale() {
		double[] units = { 0, 0, 0, 3, 3 };
		// the leading zeros are before the item was sold: start 3, stays 3
		assertThat(SesWeekday.level(units, open(5), 5, FLAT, 0.5)).isEqualTo(3, within(1e-12));
	}

	/** Two weeks from a Monday: A sells 6 on Mondays and 2 on other days, B 4 every day. */
	static List<DemandSeries> twoSeries() {
		double[] a = new double[14];
		double[] b = new double[14];
		for (int t = 0; t < 14; t++) {
			a[t] = t % 7 == 0 ? 6 : 2;
			b[t] = 4;
		}
		return List.of(DemandSeries.of("A", a), DemandSeries.of("B", b));
	}

	@Test
	void weekdayIndexIsShrunkTowardThePooledOneByVolume() {
		var group = twoSeries();
		ForecastCalendar calendar = open(14);
		// pooled: Mondays 10, other days 6; mean of the means 46/7: Monday 70/46 = 35/23, others 42/46 = 21/23
		double[] pooled = SesWeekday.pooledIndex(group, calendar, 14);
		assertThat(pooled[0]).isEqualTo(35.0 / 23, within(1e-12));
		assertThat(pooled[3]).isEqualTo(21.0 / 23, within(1e-12));
		// A's own: means 6 and 2, their mean 18/7: Monday 7/3, others 7/9
		double[] own = SesWeekday.shrunkIndex(group.get(0).units(), pooled, calendar, 14, 0);
		assertThat(own[0]).isEqualTo(7.0 / 3, within(1e-12));
		assertThat(own[6]).isEqualTo(7.0 / 9, within(1e-12));
		// A sold 36 units: with k = 12, lambda = 36/48 = 3/4; Monday 3/4·7/3 + 1/4·35/23 = 49/23,
		// others 3/4·7/9 + 1/4·21/23 = 56/69
		double[] shrunk = SesWeekday.shrunkIndex(group.get(0).units(), pooled, calendar, 14, 12);
		assertThat(shrunk[0]).isEqualTo(49.0 / 23, within(1e-12));
		assertThat(shrunk[2]).isEqualTo(56.0 / 69, within(1e-12));
		// infinite shrinkage: the pooled index
		assertThat(SesWeekday.shrunkIndex(group.get(0).units(), pooled, calendar, 14, Double.POSITIVE_INFINITY))
			.containsExactly(pooled);
	}

	/** Open days 1..9: 0,0,3,0,0,0,2,0,4. */
	static final double[] INTERMITTENT = { 0, 0, 3, 0, 0, 0, 2, 0, 4 };

	@Test
	void crostonAndSbaOnAnIntermittentSeries() {
		// first demand on open day 3: z = 3, p = 3; day 7 (4 after): z = 2.9, p = 3.1;
		// day 9 (2 after): z = 2.9 + 0.1·1.1 = 3.01, p = 3.1 + 0.1·(2 − 3.1) = 2.99
		assertThat(Intermittent.croston(0.1).rate(INTERMITTENT, open(9), 9)).isEqualTo(3.01 / 2.99, within(1e-12));
		assertThat(Intermittent.sba(0.1).rate(INTERMITTENT, open(9), 9)).isEqualTo(0.95 * 3.01 / 2.99, within(1e-12));
	}

	@Test
	void tsbUpdatesTheChanceOfDemandEveryDay() {
		// z = 3, d = 1/3 at day 3; d: 0.3, 0.27, 0.243, then a sale 0.3187 (z 2.9), 0.28683, a sale 0.358147 (z 3.01)
		assertThat(Intermittent.tsb(0.1, 0.1).rate(INTERMITTENT, open(9), 9)).isEqualTo(0.358147 * 3.01, within(1e-9));
	}

	@Test
	void intermittentMethodsSkipClosedDaysAndForecastZeroOnThem() {
		// the same series with a closed day inserted after the first sale: nothing changes
		double[] units = { 0, 0, 3, 0, 0, 0, 0, 2, 0, 4 };
		boolean[] closed = new boolean[10];
		closed[4] = true;
		ForecastCalendar calendar = ForecastCalendar.fromClosedDays(MONDAY, closed, Set.of(MONDAY.plusDays(11)));
		assertThat(Intermittent.croston(0.1).rate(units, calendar, 10)).isEqualTo(3.01 / 2.99, within(1e-12));
		var p = Intermittent.tsb(0.1, 0.1).predict(List.of(DemandSeries.of("x", units)), calendar, 2).get(0);
		assertThat(p.mean()[0]).isEqualTo(0.358147 * 3.01, within(1e-9));
		assertThat(p.mean()[1]).isZero();
		assertThat(Intermittent.sba(0.1).rate(new double[] { 0, 0, 0 }, open(3), 3)).isZero();
	}

	@Test
	void empiricalQuantilesTakeTheRankCeilingOfQn() {
		double[] values = { 10, 9, 8, 7, 6, 5, 4, 3, 2, 1 };
		// ranks ceil(5) = 5, ceil(8) = 8, ceil(9.5) = 10
		assertThat(ErrorQuantiles.quantiles(values, 10)).containsExactly(5, 8, 10);
	}

	@Test
	void quantilesScaleTheMeanByTheRatiosOfItsSizeBucket() {
		ErrorQuantiles errors = new ErrorQuantiles();
		for (int k = 1; k <= 40; k++) {
			errors.add(4, k); // ratios k/4: ranks 20, 32, 38 give 5, 8, 9.5
		}
		for (int k = 0; k < 5; k++) {
			errors.add(0, 7); // too few zero forecasts to learn from
		}
		var table = errors.table();
		assertThat(table.at(3)).containsExactly(15, 24, 28.5);
		// the bucket [8, 32) has no pairs: it borrows every positive bucket's ratios
		assertThat(table.at(10)).containsExactly(50, 80, 95);
		assertThat(table.at(0)).containsExactly(0, 0, 0);
	}

	@Test
	void kindsOfSeriesByHowOftenTheySell() {
		assertThat(ErrorQuantiles.kind(new double[] { 0, 0, 1, 0, 0, 0 }, open(6), 6)).isZero();
		assertThat(ErrorQuantiles.kind(new double[] { 0, 1, 1, 0, 1, 0 }, open(6), 6)).isEqualTo(1);
		assertThat(ErrorQuantiles.kind(new double[] { 1, 1, 1, 0, 1, 1 }, open(6), 6)).isEqualTo(2);
	}

	@Test
	void theSmoothingConstantIsChosenOnTheFoldsBeforeTheOrigin() {
		// 100 days at 10, then 28 days at 20: on the validation folds (origins 100, 107, 114, 121) the
		// fastest alpha follows the step best; the flat weekday pattern makes every shrinkage tie (first: 0)
		double[] units = new double[128];
		for (int t = 0; t < 128; t++) {
			units[t] = t < 100 ? 10 : 20;
		}
		SesWeekday chosen = SesWeekday.choose(List.of(DemandSeries.of("x", units)), open(128), 7);
		assertThat(chosen.alpha()).isEqualTo(0.5);
		assertThat(chosen.shrink()).isZero();
	}

	/** 140 days (20 weeks) of 30 lumpy series from a seeded generator, Saturdays double. */
	static Backtest.Data lumpy(long seed) {
		Random random = new Random(seed);
		List<DemandSeries> series = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			double[] units = new double[140];
			double rate = 0.3 + random.nextDouble() * 8;
			for (int t = 0; t < units.length; t++) {
				units[t] = random.nextDouble() < 0.6 ? Math.round(rate * (t % 7 == 5 ? 2 : 1) * random.nextDouble() * 2) : 0;
			}
			series.add(DemandSeries.of("s" + i, units));
		}
		return new Backtest.Data(MONDAY, 140, Map.of("G", series));
	}

	@Test
	void poisonedEvaluationDaysChangeNoChoiceAndNoForecast() {
		Backtest.Data clean = lumpy(7);
		// the last fold's days (133..139) multiplied by 50: no fold may see them before it forecasts them
		Map<String, List<DemandSeries>> poisoned = new LinkedHashMap<>();
		poisoned.put("G", clean.groups().get("G").stream().map(s -> {
			double[] u = s.units().clone();
			for (int t = 133; t < 140; t++) {
				u[t] = u[t] * 50 + 99;
			}
			return DemandSeries.of(s.key(), u);
		}).toList());
		Backtest.Data bad = new Backtest.Data(MONDAY, 140, poisoned);
		List<String> cleanChoices = new ArrayList<>();
		List<String> badChoices = new ArrayList<>();
		List<double[]> cleanMeans = new ArrayList<>();
		List<double[]> badMeans = new ArrayList<>();
		run(clean, cleanChoices, cleanMeans);
		run(bad, badChoices, badMeans);
		assertThat(badChoices).isEqualTo(cleanChoices).hasSize(8);
		assertThat(badMeans).hasSameSizeAs(cleanMeans);
		for (int i = 0; i < cleanMeans.size(); i++) {
			assertThat(badMeans.get(i)).containsExactly(cleanMeans.get(i));
		}
	}

	private static void run(Backtest.Data data, List<String> choices, List<double[]> means) {
		Map<String, DemandModel> methods = new LinkedHashMap<>();
		methods.put("watched", (group, calendar, horizon) -> {
			SesWeekday chosen = SesWeekday.choose(group, calendar, horizon);
			choices.add(chosen.alpha() + "/" + chosen.shrink());
			List<Prediction> p = new LinliModel().predict(group, calendar, horizon);
			p.forEach(x -> means.add(Arrays.copyOf(x.mean(), x.horizon())));
			return p;
		});
		new Backtest(8, 7, Set.of()).run(data, methods, x -> {
		});
	}

	@Test
	void linliPredictionsAreOrderedAndShortHistoriesKeepTodaysMethod() {
		Backtest.Data data = lumpy(11);
		List<DemandSeries> group = new ArrayList<>(data.groups().get("G"));
		double[] young = new double[140];
		for (int t = 110; t < 140; t++) {
			young[t] = 5;
		}
		group.add(DemandSeries.of("young", young));
		ForecastCalendar calendar = ForecastCalendar.learn(MONDAY, Backtest.totals(group, 140), Set.of());
		List<Prediction> predictions = new LinliModel().predict(group, calendar, 7);
		assertThat(predictions).hasSize(31);
		assertThat(predictions.get(0).method()).isEqualTo("linli");
		assertThat(predictions.get(30).method()).isEqualTo("classic");
		var today = new ClassicModel().predict(group, calendar, 7).get(30);
		assertThat(predictions.get(30).p50()).containsExactly(today.p50());
		assertThat(predictions.get(30).mean()).containsExactly(today.mean());
	}

	@Test
	void theGlobalModelsSolverSolvesASmallSystem() {
		// 2x + y = 5, x + 3y = 10: x = 1, y = 3
		assertThat(GlobalRegression.solve(new double[][] { { 2, 1 }, { 1, 3 } }, new double[] { 5, 10 }))
			.containsExactly(new double[] { 1, 3 }, within(1e-12));
	}

	@Test
	void theGlobalModelLearnsAPatternSharedByAllSeries() {
		// every series sells 3 times its size on Saturdays and its size on other days: the pooled
		// regression reproduces it for a series of a new size
		List<DemandSeries> group = new ArrayList<>();
		for (int i = 1; i <= 20; i++) {
			double[] u = new double[140];
			for (int t = 0; t < 140; t++) {
				u[t] = t % 7 == 5 ? 3 * i : i;
			}
			group.add(DemandSeries.of("s" + i, u));
		}
		var p = new GlobalRegression(0.1, 100).predict(group, open(140), 7);
		// day 140 is a Monday (140 = 20 weeks): series 7 sells 7, on Saturday (h = 5) 21
		assertThat(p.get(6).mean()[0]).isEqualTo(7, within(0.05));
		assertThat(p.get(6).mean()[5]).isEqualTo(21, within(0.1));
	}
}
