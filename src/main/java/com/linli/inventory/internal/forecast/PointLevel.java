package com.linli.inventory.internal.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The forecasts of a region's pickup point × SKU series, reconciled with the region's forecast of each SKU
 * ({@link PointReconciliation}). A series is forecast directly, by the same model as the region and as one
 * group with the region's other direct series (they share the region's calendar), when it has volume enough:
 * at least {@value #MIN_MEAN} unit per open day over the last {@value #DIRECT_DAYS} days and at least
 * {@value #DIRECT_DAYS} days of history (its first day with demand that long ago); every other series takes
 * its share of the region forecast, its share of the SKU's units at the points over the last
 * {@value #SHARE_DAYS} days. Points without demand in those days get no forecast. Pure Java, no Spring.
 */
public final class PointLevel {

	/** Days over which a series must average {@link #MIN_MEAN} per open day, and the history it needs. */
	public static final int DIRECT_DAYS = 28;

	/** Mean units per open day for a series to be forecast directly. */
	public static final double MIN_MEAN = 1.0;

	/** Days over which a point's share of the SKU is measured. */
	public static final int SHARE_DAYS = 56;

	/** Days of point history read (the promotion lift's window). */
	public static final int HISTORY_DAYS = 182;

	private final LocalDate start;

	private final boolean[] closed;

	/** SKU → pickup point → series, both sorted so results come in a stable order. */
	private final Map<Long, Map<Long, Series>> bySku = new TreeMap<>();

	private int seriesCount;

	private static final class Series {

		final double[] units;

		final boolean[] promoted;

		int first = Integer.MAX_VALUE;

		Series(int days) {
			units = new double[days];
			promoted = new boolean[days];
		}
	}

	/** The point history from {@code start} on, {@code closed[t]} for the days the region did not sell. */
	public PointLevel(LocalDate start, boolean[] closed) {
		this.start = start;
		this.closed = closed.clone();
	}

	/** Adds a day of a series; days outside the window are ignored. */
	public void add(long pointId, long skuId, LocalDate date, long units, boolean promoted) {
		int t = (int) (date.toEpochDay() - start.toEpochDay());
		if (t < 0 || t >= closed.length) {
			return;
		}
		Series s = bySku.computeIfAbsent(skuId, k -> new TreeMap<>()).get(pointId);
		if (s == null) {
			s = new Series(closed.length);
			bySku.get(skuId).put(pointId, s);
			seriesCount++;
		}
		s.units[t] += units;
		s.promoted[t] |= promoted;
		s.first = Math.min(s.first, t);
	}

	public int series() {
		return seriesCount;
	}

	/** One point's reconciled forecast of one SKU. */
	public record Forecast(long pointId, long skuId, Prediction prediction) {
	}

	/** The forecasts, and how many series were forecast directly. */
	public record Result(List<Forecast> forecasts, int direct) {
	}

	/**
	 * Forecasts every point of every SKU the region forecast covers ({@code region}: SKU → its prediction),
	 * {@code ahead}: SKU → promotions on the days ahead.
	 */
	public Result forecast(DemandModel model, Map<Long, Prediction> region, Map<Long, boolean[]> ahead, int horizon) {
		int days = closed.length;
		int windowFrom = Math.max(0, days - DIRECT_DAYS);
		int openDays = 0;
		for (int t = windowFrom; t < days; t++) {
			openDays += closed[t] ? 0 : 1;
		}
		List<DemandSeries> group = new ArrayList<>();
		Map<Long, Map<Long, Integer>> directIndex = new HashMap<>();
		for (var sku : bySku.entrySet()) {
			if (!region.containsKey(sku.getKey())) {
				continue;
			}
			for (var point : sku.getValue().entrySet()) {
				Series s = point.getValue();
				if (s.first > days - DIRECT_DAYS || openDays == 0) {
					continue;
				}
				double sum = 0;
				for (int t = windowFrom; t < days; t++) {
					sum += closed[t] ? 0 : s.units[t];
				}
				if (sum / openDays >= MIN_MEAN) {
					directIndex.computeIfAbsent(sku.getKey(), k -> new HashMap<>()).put(point.getKey(), group.size());
					group.add(new DemandSeries(point.getKey() + "/" + sku.getKey(), s.units, s.promoted,
							ahead.getOrDefault(sku.getKey(), new boolean[horizon])));
				}
			}
		}
		List<Prediction> direct = group.isEmpty() ? List.of()
				: model.predict(group, ForecastCalendar.fromClosedDays(start, closed, java.util.Set.of()), horizon);
		List<Forecast> forecasts = new ArrayList<>();
		int shareFrom = Math.max(0, days - SHARE_DAYS);
		for (var sku : bySku.entrySet()) {
			Prediction regional = region.get(sku.getKey());
			if (regional == null) {
				continue;
			}
			Map<Long, Integer> mine = directIndex.getOrDefault(sku.getKey(), Map.of());
			List<Long> points = new ArrayList<>();
			List<PointReconciliation.Point> parts = new ArrayList<>();
			for (var point : sku.getValue().entrySet()) {
				double share = 0;
				for (int t = shareFrom; t < days; t++) {
					share += point.getValue().units[t];
				}
				Integer i = mine.get(point.getKey());
				if (share > 0 || i != null) {
					points.add(point.getKey());
					parts.add(new PointReconciliation.Point(share, i == null ? null : direct.get(i)));
				}
			}
			if (points.isEmpty()) {
				continue;
			}
			List<Prediction> reconciled = PointReconciliation.reconcile(regional, parts);
			for (int k = 0; k < points.size(); k++) {
				forecasts.add(new Forecast(points.get(k), sku.getKey(), reconciled.get(k)));
			}
		}
		return new Result(forecasts, group.size());
	}
}
