package com.linli.analytics.internal.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.linli.analytics.internal.metrics.Dimension;
import com.linli.analytics.internal.metrics.Drill;
import com.linli.analytics.internal.metrics.Metric;
import com.linli.analytics.internal.metrics.MetricSource;
import com.linli.analytics.internal.metrics.MetricUnit;
import com.linli.analytics.internal.metrics.Metrics;
import com.linli.analytics.internal.metrics.Period;
import com.linli.analytics.internal.metrics.PeriodKind;
import com.linli.network.RegionId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The dashboard's comparisons on fixed values, every expected figure computed by hand. */
class DashboardTests {

	static final RegionId REGION = new RegionId(7);

	static final Metric GMV = new Metric("sales.gmv", Dimension.SALES, MetricUnit.MONEY_FEN, true);

	static final Metric REFUND_RATE = new Metric("sales.refundRate", Dimension.SALES, MetricUnit.RATIO, false);

	static final Metric NEW_USERS = new Metric("users.new", Dimension.USERS, MetricUnit.COUNT, true);

	static final Metric WASTE = new Metric("products.waste", Dimension.PRODUCTS, MetricUnit.MONEY_FEN, false);

	/** A source with values set by hand; it records every call. */
	static final class FixedSource implements MetricSource {

		final List<Metric> metrics;

		final Map<Period, Map<String, Double>> values = new HashMap<>();

		final List<List<Period>> calls = new ArrayList<>();

		FixedSource(Metric... metrics) {
			this.metrics = List.of(metrics);
		}

		FixedSource set(Period p, String key, double value) {
			values.computeIfAbsent(p, x -> new HashMap<>()).put(key, value);
			return this;
		}

		@Override
		public List<Metric> metrics() {
			return metrics;
		}

		@Override
		public Map<Period, Map<String, Double>> values(RegionId region, List<Period> periods) {
			calls.add(List.copyOf(periods));
			Map<Period, Map<String, Double>> answer = new HashMap<>();
			periods.forEach(p -> {
				if (values.containsKey(p)) {
					answer.put(p, values.get(p));
				}
			});
			return answer;
		}

		@Override
		public Drill drill(String metricKey, RegionId region, Period period) {
			return Drill.empty(List.of("k"), Arrays.asList((MetricUnit) null));
		}
	}

	// the ISO week of Wednesday 2 December 2026: Monday 30 November; the one before from 23 November; 52 weeks
	// back (364 days) Monday 1 December 2025
	final Period week = Period.containing(PeriodKind.WEEK, LocalDate.of(2026, 12, 2));

	final Period previous = new Period(PeriodKind.WEEK, LocalDate.of(2026, 11, 23));

	final Period lastYear = new Period(PeriodKind.WEEK, LocalDate.of(2025, 12, 1));

	@Test
	void comparesWithThePreviousPeriodAndTheSamePeriodLastYear() {
		var sales = new FixedSource(GMV, REFUND_RATE)
			.set(week, "sales.gmv", 1_200_000).set(previous, "sales.gmv", 1_000_000).set(lastYear, "sales.gmv", 1_500_000)
			.set(week, "sales.refundRate", 0.05).set(previous, "sales.refundRate", 0.04)
			.set(lastYear, "sales.refundRate", 0.10);
		var view = new Dashboard(new Metrics(List.of(sales))).view(REGION, week);

		assertThat(view.period()).isEqualTo(week);
		assertThat(view.previous()).isEqualTo(previous);
		assertThat(view.lastYear()).isEqualTo(lastYear);
		var gmv = view.lines().get(0);
		assertThat(gmv.metric()).isEqualTo(GMV);
		assertThat(gmv.value()).isEqualTo(1_200_000);
		assertThat(gmv.previous()).isEqualTo(1_000_000);
		// (12 000 - 10 000) / 10 000 = +20 %; (12 000 - 15 000) / 15 000 = -20 %
		assertThat(gmv.change()).isCloseTo(0.20, within(1e-12));
		assertThat(gmv.lastYear()).isEqualTo(1_500_000);
		assertThat(gmv.changeLastYear()).isCloseTo(-0.20, within(1e-12));
		assertThat(gmv.good(gmv.change())).isTrue();
		assertThat(gmv.good(gmv.changeLastYear())).isFalse();

		var refunds = view.lines().get(1);
		// (0.05 - 0.04) / 0.04 = +25 %, bad news for a rate where lower is better; (0.05 - 0.10) / 0.10 = -50 %, good
		assertThat(refunds.change()).isCloseTo(0.25, within(1e-12));
		assertThat(refunds.good(refunds.change())).isFalse();
		assertThat(refunds.changeLastYear()).isCloseTo(-0.50, within(1e-12));
		assertThat(refunds.good(refunds.changeLastYear())).isTrue();
	}

	@Test
	void asksTheMetricsOnceForTwelvePeriodsOfTrendAndTheSamePeriodLastYear() {
		var sales = new FixedSource(GMV);
		var users = new FixedSource(NEW_USERS);
		new Dashboard(new Metrics(List.of(sales, users))).view(REGION, week);

		assertThat(sales.calls).hasSize(1);
		assertThat(users.calls).hasSize(1);
		var asked = sales.calls.get(0);
		assertThat(asked).hasSize(13).contains(lastYear, previous, week);
		assertThat(asked).containsAll(week.trailing(12));
		assertThat(week.trailing(12).get(0).start()).isEqualTo(LocalDate.of(2026, 9, 14));
	}

	@Test
	void anAbsentValueStaysAbsentAndAChangeFromNothingIsNoChange() {
		var sales = new FixedSource(GMV).set(week, "sales.gmv", 500).set(previous, "sales.gmv", 0)
			.set(week.trailing(12).get(3), "sales.gmv", 700);
		var products = new FixedSource(WASTE);
		var view = new Dashboard(new Metrics(List.of(products, sales))).view(REGION, week);

		var gmv = view.lines().stream().filter(l -> l.metric().equals(GMV)).findFirst().orElseThrow();
		assertThat(gmv.previous()).isEqualTo(0.0);
		assertThat(gmv.change()).as("a ratio to 0 is no ratio").isNull();
		assertThat(gmv.lastYear()).isNull();
		assertThat(gmv.changeLastYear()).isNull();
		// trend: oldest first, the current period last, null where the source had nothing
		assertThat(gmv.trend()).hasSize(12);
		assertThat(gmv.trend().get(3)).isEqualTo(700.0);
		assertThat(gmv.trend().get(10)).isEqualTo(0.0);
		assertThat(gmv.trend().get(11)).isEqualTo(500.0);
		assertThat(gmv.trend().get(0)).isNull();

		var waste = view.lines().stream().filter(l -> l.metric().equals(WASTE)).findFirst().orElseThrow();
		assertThat(waste.value()).as("no value is not 0").isNull();
		assertThat(waste.change()).isNull();
		assertThat(waste.trend()).containsOnlyNulls();
		assertThat(new MetricFormat().value(WASTE.unit(), waste.value())).isEqualTo("—");
	}

	@Test
	void groupsTheMetricsByDimensionInDisplayOrder() {
		var view = new Dashboard(new Metrics(List.of(new FixedSource(WASTE), new FixedSource(GMV, REFUND_RATE),
				new FixedSource(NEW_USERS)))).view(REGION, week);

		assertThat(view.sections()).extracting(DashboardView.Section::dimension)
			.containsExactly(Dimension.USERS, Dimension.SALES, Dimension.PRODUCTS);
		assertThat(view.sections().get(1).lines()).extracting(l -> l.metric().key())
			.containsExactly("sales.gmv", "sales.refundRate");
	}

	@Test
	void aMonthComparesWithTheMonthBeforeAndTheSameMonthLastYear() {
		var month = Period.containing(PeriodKind.MONTH, LocalDate.of(2026, 3, 31));
		var sales = new FixedSource(GMV).set(month, "sales.gmv", 300)
			.set(new Period(PeriodKind.MONTH, LocalDate.of(2026, 2, 1)), "sales.gmv", 400)
			.set(new Period(PeriodKind.MONTH, LocalDate.of(2025, 3, 1)), "sales.gmv", 200);
		var line = new Dashboard(new Metrics(List.of(sales))).view(REGION, month).lines().get(0);

		// (300 - 400) / 400 = -25 %; (300 - 200) / 200 = +50 %
		assertThat(line.change()).isCloseTo(-0.25, within(1e-12));
		assertThat(line.changeLastYear()).isCloseTo(0.50, within(1e-12));
	}

	@Test
	void numbersReadAsMoneyRatiosAndSignedChanges() {
		var format = new MetricFormat();
		assertThat(format.value(MetricUnit.MONEY_FEN, 123_450.0)).isEqualTo("¥1,234.50");
		assertThat(format.value(MetricUnit.RATIO, 0.1234)).isEqualTo("12.3%");
		assertThat(format.value(MetricUnit.COUNT, 1234.0)).isEqualTo("1,234");
		assertThat(format.change(0.2)).isEqualTo("+20.0%");
		assertThat(format.change(-0.2)).isEqualTo("−20.0%");
		assertThat(format.change(null)).isEqualTo("—");
		assertThat(format.arrow(-0.2)).isEqualTo("↓");
		assertThat(format.json(Arrays.asList(1.0, null, 2.5))).isEqualTo("[1.0,null,2.5]");
	}
}
