package com.linli.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.linli.analytics.internal.metrics.Dimension;
import com.linli.analytics.internal.metrics.Drill;
import com.linli.analytics.internal.metrics.Metric;
import com.linli.analytics.internal.metrics.MetricSource;
import com.linli.analytics.internal.metrics.MetricUnit;
import com.linli.analytics.internal.metrics.Period;
import com.linli.network.RegionId;
import com.linli.ordering.OrderSalesFigures;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A real metric source for the dashboard's tests until the facts helper's sales sources land: what residents of the
 * region took home at pickup (units and amount paid for them) per pickup date, from ordering's
 * {@link OrderSalesFigures#byDay} (one query over the whole span). After the merge the tests should read
 * {@code sales.gmv} of the real source instead and this class go.
 */
@TestConfiguration(proxyBeanMethods = false)
public class HandedOutTestSource {

	public static final String PAID = "test.sales.handedOutPaid";

	public static final String UNITS = "test.sales.handedOutUnits";

	@Bean
	MetricSource handedOutAtPickup(OrderSalesFigures sales) {
		return new MetricSource() {

			@Override
			public List<Metric> metrics() {
				return List.of(new Metric(PAID, Dimension.SALES, MetricUnit.MONEY_FEN, true),
						new Metric(UNITS, Dimension.SALES, MetricUnit.COUNT, true));
			}

			@Override
			public Map<Period, Map<String, Double>> values(RegionId region, List<Period> periods) {
				Map<Period, Map<String, Double>> result = new HashMap<>();
				if (periods.isEmpty()) {
					return result;
				}
				LocalDate from = periods.stream().map(Period::start).min(Comparator.naturalOrder()).get();
				LocalDate to = periods.stream().map(Period::last).max(Comparator.naturalOrder()).get();
				var days = sales.byDay(region, from, to);
				for (Period p : periods) {
					long paid = 0;
					long units = 0;
					boolean any = false;
					for (var d : days) {
						if (p.contains(LocalDate.ofEpochDay(d.key()))) {
							paid += d.paidFen();
							units += d.units();
							any = true;
						}
					}
					if (any) {
						result.put(p, Map.of(PAID, (double) paid, UNITS, (double) units));
					}
				}
				return result;
			}

			@Override
			public Drill drill(String metricKey, RegionId region, Period period) {
				List<List<Object>> rows = new ArrayList<>();
				for (var d : sales.byDay(region, period.start(), period.last())) {
					rows.add(List.of(LocalDate.ofEpochDay(d.key()), d.units(), d.paidFen()));
				}
				return new Drill(List.of("analytics.drill.col.date", "analytics.drill.col.units", "analytics.drill.col.paid"),
						java.util.Arrays.asList(null, MetricUnit.COUNT, MetricUnit.MONEY_FEN), rows);
			}
		};
	}
}
