package com.linli.inventory.internal.replenish;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.linli.inventory.internal.forecast.Backtest;
import com.linli.inventory.internal.forecast.DemandModel;
import com.linli.inventory.internal.forecast.DemandSeries;
import com.linli.inventory.internal.forecast.Prediction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The simulation on one series selling exactly 10 a day for 70 days, forecast exactly (10 at every quantile),
 * shelf life one day (what is left at night is wasted), lead time 1, 8 folds of 7 days = 56 days counted.
 */
class ReplenishmentSimulationTests {

	static final DemandModel EXACT = (group, calendar, horizon) -> group.stream().map(s -> {
		double[] ten = new double[horizon];
		Arrays.fill(ten, 10);
		return new Prediction(ten, ten, ten, ten, "exact");
	}).toList();

	static Backtest.Data tenADay(int days) {
		double[] units = new double[days];
		Arrays.fill(units, 10);
		return new Backtest.Data(LocalDate.of(2026, 1, 5), days, Map.of("S", List.of(DemandSeries.of("S/A", units))));
	}

	final ReplenishmentSimulation.Settings settings = new ReplenishmentSimulation.Settings(new Economics(1000, 700, 100),
			1, 1, 0.95, 8, 7, 1.2, Set.of());

	Map<String, ReplenishmentSimulation.Outcome> run() {
		var simulation = new ReplenishmentSimulation(EXACT, settings);
		Map<String, ReplenishmentSimulation.Outcome> byRule = new java.util.HashMap<>();
		simulation.run(tenADay(70), simulation.standardRules(), p -> {
		}).forEach(o -> byRule.put(o.rule(), o));
		return byRule;
	}

	@Test
	void anExactForecastBoughtByTheNewsvendorIsNeitherShortNorWasted() {
		var o = run().get("newsvendor");
		assertThat(o.demand()).isEqualTo(560);
		assertThat(o.ordered()).isEqualTo(560);
		assertThat(o.shortUnits()).isZero();
		assertThat(o.wastedUnits()).isZero();
		assertThat(o.totalCost()).isZero();
		// the 0.95 quantile (10) never exceeds the 10 a day starts with: no warning, and none needed
		assertThat(o.warned()).isZero();
		assertThat(o.ranOut()).isZero();
	}

	@Test
	void todaysWeeklyPurchaseRunsOutAfterItsFirstDayWhenGoodsKeepOneDay() {
		// each fold's first day: ceil(1.2 x 70) = 84 arrive, 10 sold, 74 wasted; the six days after start empty
		var o = run().get("today-weekly");
		assertThat(o.ordered()).isEqualTo(8 * 84);
		assertThat(o.wastedUnits()).isEqualTo(8 * 74);
		assertThat(o.shortUnits()).isEqualTo(8 * 6 * 10);
		assertThat(o.shortCost()).isEqualTo(480 * 4.00, within(1e-9)); // 10 - 7 + 1 yuan a unit short
		assertThat(o.wasteCost()).isEqualTo(592 * 7.00, within(1e-9));
		// the empty days were all warned of the evening before: precision and recall 1
		assertThat(o.warned()).isEqualTo(48);
		assertThat(o.ranOut()).isEqualTo(48);
		assertThat(o.precision()).isEqualTo(1);
		assertThat(o.recall()).isEqualTo(1);
	}

	@Test
	void todaysWeekBoughtEveryDayWastesAllButTheDaysSales() {
		// every evening up to 84 on hand (nothing is left at night): 74 wasted a day, never short
		var o = run().get("today-daily");
		assertThat(o.ordered()).isEqualTo(56 * 84);
		assertThat(o.wastedUnits()).isEqualTo(56 * 74);
		assertThat(o.shortUnits()).isZero();
		// the cap rule buys tomorrow x 1.2 = 12: 2 wasted a day
		var cap = run().get("today-cap");
		assertThat(cap.wastedUnits()).isEqualTo(56 * 2);
		assertThat(cap.shortUnits()).isZero();
	}
}
