package com.linli.inventory.internal.forecast;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The forecasting backtest command: reads daily sales as CSV {@code date,store,item,quantity} (a
 * header line is optional, a missing day is zero; several rows of one day and item add up), fills every
 * item's series with zeros from the first to the last date of the file, runs the rolling-origin
 * backtest ({@link Backtest}: 8 folds of 7 days by default, origins a week apart, the last fold ending on
 * the last date; the series of one store form a group) and prints one table, a row per method: seasonal
 * naive, the 28-day mean, the strong simple baseline {@link SesWeekday}, Croston, SBA, TSB, today's
 * forecaster ({@code classic}) and {@link LinliModel} ({@code linli}), with the daily WAPE of the median
 * (p50), the daily WAPE of the mean, the weekly-total WAPE per series and the bias of the mean, the
 * pinball losses of p80 and p95 (over the units sold), the coverage of p80 and p95 and the time taken.
 * Run it on the compiled classes (no library needed), which keeps the Maven lock free meanwhile:
 * <pre>
 * ./mvnw -o -q compile
 * java -cp target/classes com.linli.inventory.internal.forecast.ForecastBacktest \
 *     ../shared/data/retail/online_retail_uk_top400.csv [--folds=8] [--horizon=7] [--holidays=2011-12-26,...] \
 *     [--methods=seasonal-naive,moving-average-28,ses-weekday,croston,sba,tsb,classic,linli,global]
 * </pre>
 * or {@code ./mvnw -q compile exec:java -Dexec.mainClass=com.linli.inventory.internal.forecast.ForecastBacktest
 * -Dexec.args="../shared/data/retail/online_retail_uk_top400.csv"}. The simulator's history comes from
 * {@code java -cp target/classes com.linli.demo.internal.SimulatedSalesCsv sim.csv --days=200} (per pickup
 * point; {@code --by=region} per region). The retail set takes about 25 s, the simulator's 9,164 pickup
 * point series about 2.5 min. Exit status 2 on bad input.
 */
public final class ForecastBacktest {

	private ForecastBacktest() {
	}

	public static void main(String[] args) throws IOException {
		int folds = 8;
		int horizon = 7;
		Set<LocalDate> holidays = new HashSet<>();
		Path file = null;
		List<String> only = null;
		try {
			for (String arg : args) {
				if (arg.startsWith("--folds=")) {
					folds = Integer.parseInt(arg.substring(8));
				}
				else if (arg.startsWith("--methods=")) {
					only = List.of(arg.substring(10).split(","));
				}
				else if (arg.startsWith("--horizon=")) {
					horizon = Integer.parseInt(arg.substring(10));
				}
				else if (arg.startsWith("--holidays=")) {
					for (String d : arg.substring(11).split(",")) {
						if (!d.isBlank()) {
							holidays.add(LocalDate.parse(d.trim()));
						}
					}
				}
				else if (file == null && !arg.startsWith("--")) {
					file = Path.of(arg);
				}
				else {
					throw new IllegalArgumentException("unknown argument " + arg);
				}
			}
			if (file == null) {
				throw new IllegalArgumentException("usage: ForecastBacktest <sales.csv> [--folds=8] [--horizon=7] "
						+ "[--holidays=yyyy-mm-dd,...] [--methods=seasonal-naive,...,linli,global]");
			}
			Backtest.Data data;
			try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				data = read(in);
			}
			Map<String, DemandModel> methods = Backtest.standardMethods();
			methods.put("global", Backtest.globalAlone());
			if (only != null) {
				methods.keySet().retainAll(only);
			}
			else {
				methods.remove("global");
			}
			run(data, new Backtest(folds, horizon, holidays), methods, file.toString(), System.out);
		}
		catch (IllegalArgumentException | DateTimeParseException e) {
			System.err.println(e.getMessage());
			System.exit(2);
		}
	}

	/** Runs the backtest and prints the table; returns the result. */
	static Backtest.Result run(Backtest.Data data, Backtest backtest, String name, PrintStream out) {
		return run(data, backtest, Backtest.standardMethods(), name, out);
	}

	/** Runs the backtest of the given methods and prints the table; returns the result. */
	static Backtest.Result run(Backtest.Data data, Backtest backtest, Map<String, DemandModel> methods, String name,
			PrintStream out) {
		out.printf(Locale.ROOT, "%s: %d series in %d group(s), %s .. %s (%d days)%n", name, data.seriesCount(),
				data.groups().size(), data.start(), data.start().plusDays(data.days() - 1), data.days());
		Backtest.Result result = backtest.run(data, methods, percent -> out.printf(Locale.ROOT, "backtest %3d%%%n", percent));
		out.printf(Locale.ROOT, "folds from %s, %.0f units sold in them%n", result.foldStarts().get(0),
				result.actualUnits());
		out.println("daily WAPE scores the median (p50); daily WAPE of the mean, weekly-total WAPE and bias score the");
		out.println("mean; pinball losses are divided by the units sold; coverage: share of open series-days with");
		out.println("actual <= p80 / p95 (targets 0.80 / 0.95); point baselines: mean = median = their forecast.");
		out.printf(Locale.ROOT, "%-18s %10s %10s %10s %9s %9s %9s %6s %6s %8s   %s%n", "method", "dWAPE p50",
				"dWAPE mean", "wkWAPE", "bias", "pin p80", "pin p95", "cov80", "cov95", "time s", "daily WAPE by fold");
		result.accuracy().forEach((method, a) -> {
			StringBuilder folds = new StringBuilder();
			for (double w : result.wapeByFold().get(method)) {
				folds.append(String.format(Locale.ROOT, " %.3f", w));
			}
			out.printf(Locale.ROOT, "%-18s %10.3f %10.3f %10.3f %+9.3f %9.3f %9.3f %6.3f %6.3f %8.1f  %s%n", method,
					a.dailyWape(), a.dailyWapeOfMean(), a.weeklyWape(), a.bias(), a.pinball80(), a.pinball95(),
					a.coverage80(), a.coverage95(), result.millis().get(method) / 1000.0, folds);
		});
		Accuracy linli = result.accuracy().get("linli");
		Accuracy ses = result.accuracy().get("ses-weekday");
		if (linli != null && ses != null) {
			out.printf(Locale.ROOT, "linli vs ses-weekday: daily WAPE %.1f%% lower, weekly-total WAPE %.1f%% lower%n",
					100 * (ses.dailyWape() - linli.dailyWape()) / ses.dailyWape(),
					100 * (ses.weeklyWape() - linli.weeklyWape()) / ses.weeklyWape());
		}
		return result;
	}

	/** Reads {@code date,store,item,quantity} rows into zero-filled series grouped by store. */
	public static Backtest.Data read(Reader reader) throws IOException {
		Map<String, Map<String, Map<LocalDate, Double>>> rows = new TreeMap<>();
		LocalDate min = null;
		LocalDate max = null;
		BufferedReader in = new BufferedReader(reader);
		String line;
		int number = 0;
		while ((line = in.readLine()) != null) {
			number++;
			if (line.isBlank() || (number == 1 && line.toLowerCase(Locale.ROOT).startsWith("date"))) {
				continue;
			}
			String[] p = line.split(",", -1);
			if (p.length != 4) {
				throw new IllegalArgumentException("line " + number + ": expected date,store,item,quantity");
			}
			LocalDate date;
			double quantity;
			try {
				date = LocalDate.parse(p[0].trim());
				quantity = Double.parseDouble(p[3].trim());
			}
			catch (DateTimeParseException | NumberFormatException e) {
				throw new IllegalArgumentException("line " + number + ": " + e.getMessage());
			}
			if (!(quantity >= 0) || Double.isInfinite(quantity)) {
				throw new IllegalArgumentException("line " + number + ": quantity must not be negative");
			}
			rows.computeIfAbsent(p[1].trim(), k -> new TreeMap<>())
				.computeIfAbsent(p[2].trim(), k -> new TreeMap<>())
				.merge(date, quantity, Double::sum);
			min = min == null || date.isBefore(min) ? date : min;
			max = max == null || date.isAfter(max) ? date : max;
		}
		if (min == null) {
			throw new IllegalArgumentException("no sales in the file");
		}
		int days = (int) (max.toEpochDay() - min.toEpochDay()) + 1;
		Map<String, List<DemandSeries>> groups = new LinkedHashMap<>();
		for (var store : rows.entrySet()) {
			List<DemandSeries> series = new ArrayList<>();
			for (var item : store.getValue().entrySet()) {
				double[] units = new double[days];
				for (var day : item.getValue().entrySet()) {
					units[(int) (day.getKey().toEpochDay() - min.toEpochDay())] = day.getValue();
				}
				series.add(DemandSeries.of(store.getKey() + "/" + item.getKey(), units));
			}
			groups.put(store.getKey(), series);
		}
		return new Backtest.Data(min, days, groups);
	}
}
