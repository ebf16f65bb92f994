package com.linli.inventory.internal.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * Rolling-origin backtest (Hyndman &amp; Athanasopoulos, FPP3 section 5.10, "time series
 * cross-validation"): {@code folds} folds of {@code horizon} days, origins {@code horizon} days apart,
 * the last fold ending on the last day of the data. Each method sees only the days before its fold
 * (the series are cut there, not just told where to stop) and forecasts the fold's days; WAPE is summed
 * over every series, day and fold.
 */
public final class Backtest {

	/** A forecasting method: the next {@code horizon} days of every series of a group, from their past. */
	public interface Method {

		List<double[]> forecast(List<DemandSeries> past, ForecastCalendar calendar, int horizon);
	}

	/** Seasonal-naive, the 28-day moving average and Linli's forecaster, in this order. */
	public static Map<String, Method> standardMethods() {
		Forecaster linli = new Forecaster();
		Map<String, Method> methods = new LinkedHashMap<>();
		methods.put("seasonal-naive", (past, cal, h) -> past.stream().map(s -> Forecaster.seasonalNaive(s, h)).toList());
		methods.put("moving-average-28", (past, cal, h) -> past.stream().map(s -> Forecaster.movingAverage(s, 28, h)).toList());
		methods.put("linli", (past, cal, h) -> linli.forecast(past, cal, h).forecasts());
		return methods;
	}

	/** The data: groups (stores, regions) of series over the same days from {@code start}. */
	public record Data(LocalDate start, int days, Map<String, List<DemandSeries>> groups) {

		public int seriesCount() {
			return groups.values().stream().mapToInt(List::size).sum();
		}
	}

	/** WAPE per method over all folds, and per fold. */
	public record Result(Map<String, Double> wape, Map<String, double[]> wapeByFold, List<LocalDate> foldStarts,
			double actualUnits) {
	}

	private final int folds;

	private final int horizon;

	private final Set<LocalDate> holidays;

	public Backtest(int folds, int horizon, Set<LocalDate> holidays) {
		if (folds < 1 || horizon < 1) {
			throw new IllegalArgumentException("folds and horizon must be at least 1");
		}
		this.folds = folds;
		this.horizon = horizon;
		this.holidays = Set.copyOf(holidays);
	}

	/** Runs every method on every fold; {@code progress} hears the percentage done after each fold. */
	public Result run(Data data, Map<String, Method> methods, IntConsumer progress) {
		if (data.days() < folds * horizon + 1) {
			throw new IllegalArgumentException("the data cover " + data.days() + " days, fewer than " + folds
					+ " folds of " + horizon + " days need");
		}
		Map<String, Wape> total = new LinkedHashMap<>();
		Map<String, double[]> byFold = new LinkedHashMap<>();
		methods.keySet().forEach(m -> {
			total.put(m, new Wape());
			byFold.put(m, new double[folds]);
		});
		List<LocalDate> starts = new ArrayList<>();
		for (int k = 0; k < folds; k++) {
			int origin = data.days() - horizon * (folds - k);
			starts.add(data.start().plusDays(origin));
			for (var method : methods.entrySet()) {
				Wape fold = new Wape();
				for (List<DemandSeries> group : data.groups().values()) {
					List<DemandSeries> past = group.stream().map(s -> s.upTo(origin, horizon)).toList();
					ForecastCalendar calendar = ForecastCalendar.learn(data.start(), totals(past, origin), holidays);
					List<double[]> forecasts = method.getValue().forecast(past, calendar, horizon);
					for (int i = 0; i < group.size(); i++) {
						double[] actual = java.util.Arrays.copyOfRange(group.get(i).units(), origin, origin + horizon);
						double[] f = forecasts.get(i);
						for (int h = 0; h < horizon; h++) {
							fold.add(actual[h], f[h]);
							total.get(method.getKey()).add(actual[h], f[h]);
						}
					}
				}
				byFold.get(method.getKey())[k] = fold.value();
			}
			progress.accept((k + 1) * 100 / folds);
		}
		Map<String, Double> wape = new LinkedHashMap<>();
		total.forEach((m, w) -> wape.put(m, w.value()));
		double actual = total.isEmpty() ? 0 : total.values().iterator().next().actual();
		return new Result(wape, byFold, starts, actual);
	}

	static double[] totals(List<DemandSeries> group, int days) {
		double[] totals = new double[days];
		for (DemandSeries s : group) {
			for (int t = 0; t < days; t++) {
				totals[t] += s.units()[t];
			}
		}
		return totals;
	}
}
