package com.linli.analytics.internal.ops;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.linli.analytics.internal.metrics.Dimension;
import com.linli.analytics.internal.metrics.Drill;
import com.linli.analytics.internal.metrics.Metric;
import com.linli.analytics.internal.metrics.MetricSource;
import com.linli.analytics.internal.metrics.MetricUnit;
import com.linli.analytics.internal.metrics.Period;
import com.linli.inventory.StockFigures;
import com.linli.marketing.ListingSales;
import com.linli.network.RegionId;
import com.linli.network.WarehouseManagement;

import org.springframework.stereotype.Component;

/**
 * PRODUCTS. Sell-through: units sold over the caps of the listings whose sale window closed in the period.
 * Stock-outs: those listings that sold out. Waste: units and value (batch unit cost) written off as damaged or
 * expired in the region's warehouses. Turnover days: the average stock value at the end of each day of the period
 * (so far) over the day's average cost of goods sold in it.
 */
@Component
class ProductMetrics implements MetricSource {

	static final String SELL_THROUGH = "products.sellThrough";

	static final String STOCK_OUTS = "products.stockOuts";

	static final String WASTE_UNITS = "products.wasteUnits";

	static final String WASTE_VALUE = "products.wasteValue";

	static final String TURNOVER = "products.turnoverDays";

	private final ListingSales listings;

	private final StockFigures stock;

	private final WarehouseManagement warehouses;

	private final Clock clock;

	ProductMetrics(ListingSales listings, StockFigures stock, WarehouseManagement warehouses, Clock clock) {
		this.listings = listings;
		this.stock = stock;
		this.warehouses = warehouses;
		this.clock = clock;
	}

	@Override
	public List<Metric> metrics() {
		return List.of(new Metric(SELL_THROUGH, Dimension.PRODUCTS, MetricUnit.RATIO, true),
				new Metric(STOCK_OUTS, Dimension.PRODUCTS, MetricUnit.COUNT, false),
				new Metric(WASTE_UNITS, Dimension.PRODUCTS, MetricUnit.COUNT, false),
				new Metric(WASTE_VALUE, Dimension.PRODUCTS, MetricUnit.MONEY_FEN, false),
				new Metric(TURNOVER, Dimension.PRODUCTS, MetricUnit.DAYS, false));
	}

	List<Long> warehouseIds(RegionId region) {
		return warehouses.warehouses(region).stream().map(w -> w.id().value()).toList();
	}

	@Override
	public Map<Period, Map<String, Double>> values(RegionId region, List<Period> periods) {
		LocalDate from = Spans.first(periods);
		LocalDate to = Spans.last(periods);
		LocalDate today = LocalDate.now(clock);
		var closed = Spans.byPeriod(periods, listings.byDay(region, from, to), ListingSales.Day::date);
		var ids = warehouseIds(region);
		// flows up to today, so the stock value at the end of each day follows back from the value now
		var flows = stock.byDay(ids, from, to.isAfter(today) ? to : today);
		var valueAtEnd = valuesAtDayEnd(stock.valueNow(ids), flows, from, to.isBefore(today) ? to : today);
		var stockDays = Spans.byPeriod(periods, flows, StockFigures.Day::date);
		Map<Period, Map<String, Double>> result = new LinkedHashMap<>();
		for (Period period : periods) {
			Map<String, Double> values = new HashMap<>();
			long cap = 0, sold = 0, soldOut = 0;
			for (var d : closed.get(period)) {
				cap += d.capUnits();
				sold += d.soldUnits();
				soldOut += d.soldOut();
			}
			Spans.putRatio(values, SELL_THROUGH, sold, cap);
			values.put(STOCK_OUTS, (double) soldOut);
			long wasteUnits = 0, wasteFen = 0, cogs = 0;
			for (var d : stockDays.get(period)) {
				wasteUnits += d.wasteUnits();
				wasteFen += d.wasteFen();
				cogs += d.soldCostFen();
			}
			if (!period.start().isAfter(today)) {
				values.put(WASTE_UNITS, (double) wasteUnits);
				values.put(WASTE_VALUE, (double) wasteFen);
				turnover(period, today, valueAtEnd, cogs).ifPresent(t -> values.put(TURNOVER, t));
			}
			result.put(period, values);
		}
		return result;
	}

	/** Average stock value of the period's days so far over the average daily cost of goods sold. */
	private static java.util.Optional<Double> turnover(Period period, LocalDate today, Map<LocalDate, Long> valueAtEnd,
			long cogs) {
		LocalDate last = period.last().isBefore(today) ? period.last() : today;
		long days = 0;
		double total = 0;
		for (LocalDate d = period.start(); !d.isAfter(last); d = d.plusDays(1)) {
			total += valueAtEnd.getOrDefault(d, 0L);
			days++;
		}
		if (days == 0 || cogs <= 0) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of((total / days) / ((double) cogs / days));
	}

	/**
	 * The stock value at the end of each day from {@code from} to {@code to}: the value now less the net flows of
	 * every later day.
	 */
	static Map<LocalDate, Long> valuesAtDayEnd(long valueNow, List<StockFigures.Day> flows, LocalDate from, LocalDate to) {
		var net = new TreeMap<LocalDate, Long>();
		flows.forEach(f -> net.merge(f.date(), f.netValueFen(), Long::sum));
		Map<LocalDate, Long> values = new HashMap<>();
		long value = valueNow;
		// walk back from the latest flow day: the value at the end of day d is the value at the end of d+1 less d+1's net
		LocalDate latest = net.isEmpty() ? to : (net.lastKey().isAfter(to) ? net.lastKey() : to);
		for (LocalDate d = latest; !d.isBefore(from); d = d.minusDays(1)) {
			if (!d.isAfter(to)) {
				values.put(d, value);
			}
			value -= net.getOrDefault(d, 0L);
		}
		return values;
	}

	@Override
	public Drill drill(String metricKey, RegionId region, Period period) {
		if (WASTE_UNITS.equals(metricKey) || WASTE_VALUE.equals(metricKey) || TURNOVER.equals(metricKey)) {
			var rows = stock.writeOffs(warehouseIds(region), period.start(), period.last()).stream()
				.map(w -> List.<Object>of(w.at().atZone(clock.getZone()).toLocalDate(), String.valueOf(w.warehouseId()),
						String.valueOf(w.skuId()), w.units(), w.valueFen(), w.reason() == null ? "" : w.reason()))
				.toList();
			return new Drill(List.of("analytics.drill.date", "analytics.drill.warehouse", "analytics.drill.sku",
					"analytics.drill.units", "analytics.drill.wasteValue", "analytics.drill.reason"),
					Arrays.asList(null, null, null, MetricUnit.COUNT, MetricUnit.MONEY_FEN, null), rows);
		}
		var rows = listings.closed(region, period.start(), period.last(), STOCK_OUTS.equals(metricKey)).stream()
			.map(l -> List.<Object>of(String.valueOf(l.listingId()), String.valueOf(l.skuId()), l.pickupDate(), l.cap(),
					l.sold()))
			.toList();
		return new Drill(List.of("analytics.drill.listing", "analytics.drill.sku", "analytics.drill.pickupDate",
				"analytics.drill.cap", "analytics.drill.sold"),
				Arrays.asList(null, null, null, MetricUnit.COUNT, MetricUnit.COUNT), rows);
	}
}
