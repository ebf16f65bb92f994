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
 * the last fold ending on the last day of the data. Each method ({@link DemandModel}) sees only the days
 * before its fold (the series are cut there, not just told where to stop; a model that tunes itself
 * does so on validation folds cut from that past) and forecasts the fold's days; every score of
 * {@link Accuracy} is summed over every series, day and fold.
 */
public final class Backtest {

	/** A point method (the same number is its mean and every quantile): the next days of one series. */
	public interface PointMethod {

		double[] forecast(DemandSeries past, int horizon);
	}

	/** A point method as a model: mean, median and both upper quantiles are the point forecast. */
	public static DemandModel point(String name, PointMethod method) {
		return (group, calendar, horizon) -> group.stream().map(s -> {
			double[] f = method.forecast(s, horizon);
			return new Prediction(f, f, f, f, name);
		}).toList();
	}

	/**
	 * The baselines and today's method, in this order: seasonal naive, the 28-day mean, the strong
	 * simple baseline ({@link SesWeekday}, tuned on validation folds), Croston, SBA, TSB and today's
	 * forecaster ({@link ClassicModel}); the point methods' quantiles come from their errors on the
	 * validation folds ({@link Calibrated}), their median and mean stay their point forecast.
	 */
	public static Map<String, DemandModel> baselines() {
		Map<String, DemandModel> methods = new LinkedHashMap<>();
		methods.put("seasonal-naive", Calibrated.quantilesOnly(point("seasonal-naive", Forecaster::seasonalNaive)));
		methods.put("moving-average-28",
				Calibrated.quantilesOnly(point("moving-average-28", (s, h) -> Forecaster.movingAverage(s, 28, h))));
		methods.put("ses-weekday", Calibrated.quantilesOnly(SesWeekday.tuned()));
		methods.put("croston", Calibrated.quantilesOnly(Intermittent.croston(Intermittent.ALPHA)));
		methods.put("sba", Calibrated.quantilesOnly(Intermittent.sba(Intermittent.ALPHA)));
		methods.put("tsb", Calibrated.quantilesOnly(Intermittent.tsb(Intermittent.ALPHA, Intermittent.BETA)));
		methods.put("classic", new ClassicModel());
		return methods;
	}

	/** The global pooled regression alone (α and k of the baseline tuned the same way), for comparison. */
	public static DemandModel globalAlone() {
		return Calibrated.quantilesOnly((group, calendar, horizon) -> {
			SesWeekday ses = SesWeekday.choose(group, calendar, horizon);
			return new GlobalRegression(ses.alpha(), ses.shrink()).predict(group, calendar, horizon);
		});
	}

	/** Every baseline and the new forecaster ({@link LinliModel}) last. */
	public static Map<String, DemandModel> standardMethods() {
		Map<String, DemandModel> methods = baselines();
		methods.put("linli", new LinliModel());
		return methods;
	}

	/** The data: groups (stores, regions) of series over the same days from {@code start}. */
	public record Data(LocalDate start, int days, Map<String, List<DemandSeries>> groups) {

		public int seriesCount() {
			return groups.values().stream().mapToInt(List::size).sum();
		}
	}

	/** The scores per method over all folds, the daily WAPE per fold and the time each method took. */
	public record Result(Map<String, Accuracy> accuracy, Map<String, double[]> wapeByFold, List<LocalDate> foldStarts,
			double actualUnits, Map<String, Long> millis) {

		/** Daily WAPE of the median per method. */
		public Map<String, Double> wape() {
			Map<String, Double> wape = new LinkedHashMap<>();
			accuracy.forEach((m, a) -> wape.put(m, a.dailyWape()));
			return wape;
		}
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
	public Result run(Data data, Map<String, DemandModel> methods, IntConsumer progress) {
		if (data.days() < folds * horizon + 1) {
			throw new IllegalArgumentException("the data cover " + data.days() + " days, fewer than " + folds
					+ " folds of " + horizon + " days need");
		}
		Map<String, Accuracy> total = new LinkedHashMap<>();
		Map<String, double[]> byFold = new LinkedHashMap<>();
		Map<String, Long> millis = new LinkedHashMap<>();
		methods.keySet().forEach(m -> {
			total.put(m, new Accuracy());
			byFold.put(m, new double[folds]);
			millis.put(m, 0L);
		});
		List<LocalDate> starts = new ArrayList<>();
		for (int k = 0; k < folds; k++) {
			int origin = data.days() - horizon * (folds - k);
			starts.add(data.start().plusDays(origin));
			for (var method : methods.entrySet()) {
				Accuracy fold = new Accuracy();
				for (List<DemandSeries> group : data.groups().values()) {
					List<DemandSeries> past = ValidationFolds.cut(group, origin, horizon);
					ForecastCalendar calendar = ForecastCalendar.learn(data.start(), totals(past, origin), holidays);
					long began = System.nanoTime();
					List<Prediction> predictions = method.getValue().predict(past, calendar, horizon);
					millis.merge(method.getKey(), (System.nanoTime() - began) / 1_000_000, Long::sum);
					boolean[] open = openDays(group, origin, horizon);
					for (int i = 0; i < group.size(); i++) {
						double[] actual = ValidationFolds.actual(group.get(i), origin, horizon);
						fold.add(actual, predictions.get(i), open);
						total.get(method.getKey()).add(actual, predictions.get(i), open);
					}
				}
				byFold.get(method.getKey())[k] = fold.dailyWape();
			}
			progress.accept((k + 1) * 100 / folds);
		}
		double actual = total.isEmpty() ? 0 : total.values().iterator().next().actual();
		return new Result(total, byFold, starts, actual, millis);
	}

	/** The days of the fold on which the group sold anything (the others were closed). */
	static boolean[] openDays(List<DemandSeries> group, int origin, int horizon) {
		boolean[] open = new boolean[horizon];
		for (DemandSeries s : group) {
			for (int h = 0; h < horizon; h++) {
				open[h] |= s.units()[origin + h] > 0;
			}
		}
		return open;
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
