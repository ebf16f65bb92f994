package com.linli.inventory.internal.replenish;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.linli.inventory.internal.forecast.Backtest;
import com.linli.inventory.internal.forecast.ClassicModel;
import com.linli.inventory.internal.forecast.LinliModel;
import com.linli.inventory.internal.forecast.DemandModel;
import com.linli.inventory.internal.forecast.ForecastBacktest;

/**
 * The replenishment simulation command: reads daily sales as CSV {@code date,store,item,quantity} (as
 * {@link ForecastBacktest} does), replays purchasing over the backtest's folds ({@link ReplenishmentSimulation})
 * with today's rules and the newsvendor, under stated economics, and prints units short and wasted, their cost,
 * and the stock-out warnings' precision and recall per rule.
 * <pre>
 * ./mvnw -q compile exec:java -Dexec.mainClass=com.linli.inventory.internal.replenish.ReplenishmentBacktest \
 *     -Dexec.args="../shared/data/retail/online_retail_uk_top400.csv [--price=10.00] [--cost=7.00] [--goodwill=1.00]
 *     [--shelf-life=3] [--lead-time=1] [--warn-quantile=0.95] [--folds=8] [--horizon=7] [--buffer=1.2] [--model=linli|classic]"
 * </pre>
 * or offline, as it needs nothing but the compiled classes: {@code ./mvnw -o -q compile && java -cp target/classes
 * com.linli.inventory.internal.replenish.ReplenishmentBacktest <sales.csv> [...]} (about 2 s on the retail set).
 * Prices in yuan per unit. The forecasts are Linli's ({@link LinliModel}; {@code --model=classic} for today's forecaster, {@link ClassicModel}); {@link #run} takes any
 * {@link DemandModel}. Exit status 2 on bad input.
 */
public final class ReplenishmentBacktest {

	private ReplenishmentBacktest() {
	}

	public static void main(String[] args) throws IOException {
		BigDecimal price = new BigDecimal("10.00");
		BigDecimal cost = new BigDecimal("7.00");
		BigDecimal goodwill = new BigDecimal("1.00");
		int shelfLife = 3;
		int leadTime = 1;
		double warn = 0.95;
		int folds = 8;
		int horizon = 7;
		double buffer = ReplenishmentSimulation.TODAY_BUFFER;
		String modelName = "linli";
		Set<LocalDate> holidays = new HashSet<>();
		Path file = null;
		try {
			for (String arg : args) {
				String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
				if (arg.startsWith("--price=")) {
					price = new BigDecimal(value);
				}
				else if (arg.startsWith("--cost=")) {
					cost = new BigDecimal(value);
				}
				else if (arg.startsWith("--goodwill=")) {
					goodwill = new BigDecimal(value);
				}
				else if (arg.startsWith("--shelf-life=")) {
					shelfLife = Integer.parseInt(value);
				}
				else if (arg.startsWith("--lead-time=")) {
					leadTime = Integer.parseInt(value);
				}
				else if (arg.startsWith("--warn-quantile=")) {
					warn = Double.parseDouble(value);
				}
				else if (arg.startsWith("--folds=")) {
					folds = Integer.parseInt(value);
				}
				else if (arg.startsWith("--horizon=")) {
					horizon = Integer.parseInt(value);
				}
				else if (arg.startsWith("--model=")) {
					if (!value.equals("linli") && !value.equals("classic")) {
						throw new IllegalArgumentException("--model is linli or classic");
					}
					modelName = value;
				}
				else if (arg.startsWith("--buffer=")) {
					buffer = Double.parseDouble(value);
				}
				else if (arg.startsWith("--holidays=")) {
					for (String d : value.split(",")) {
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
				throw new IllegalArgumentException("usage: ReplenishmentBacktest <sales.csv> [--price=10.00] [--cost=7.00] "
						+ "[--goodwill=1.00] [--shelf-life=3] [--lead-time=1] [--warn-quantile=0.95] [--folds=8] [--horizon=7] "
						+ "[--buffer=1.2] [--model=linli|classic] [--holidays=yyyy-mm-dd,...]");
			}
			var economics = new Economics(fen(price), fen(cost), fen(goodwill));
			var settings = new ReplenishmentSimulation.Settings(economics, shelfLife, leadTime, warn, folds, horizon, buffer,
					holidays);
			Backtest.Data data;
			try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				data = ForecastBacktest.read(in);
			}
			DemandModel model = modelName.equals("classic") ? new ClassicModel() : new LinliModel();
			System.out.println("forecasts: " + modelName);
			run(data, model, settings, file.toString(), System.out);
		}
		catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
			System.err.println(e.getMessage());
			System.exit(2);
		}
	}

	/** A share with three decimals, "–" when undefined (no warning given, or nothing ran out). */
	private static String ratio(double share) {
		return Double.isNaN(share) ? "–" : String.format(Locale.ROOT, "%.3f", share);
	}

	private static double fen(BigDecimal yuan) {
		return yuan.movePointRight(2).doubleValue();
	}

	/** Runs the simulation and prints the table; returns the outcomes. */
	static List<ReplenishmentSimulation.Outcome> run(Backtest.Data data, DemandModel model,
			ReplenishmentSimulation.Settings s, String name, PrintStream out) {
		long started = System.nanoTime();
		out.printf(Locale.ROOT, "%s: %d series in %d group(s), %s .. %s (%d days)%n", name, data.seriesCount(),
				data.groups().size(), data.start(), data.start().plusDays(data.days() - 1), data.days());
		var e = s.economics();
		out.printf(Locale.ROOT, "assumed: price %.2f, unit cost %.2f, goodwill %.2f (a unit short costs %.2f, a unit "
				+ "wasted %.2f), shelf life %d day(s), lead time %d day(s), daily orders, stock-out warning at the %.2f "
				+ "quantile; %d folds x %d days, a week of warm-up before them; forecasts by %s, made again every evening%n",
				e.priceFen() / 100, e.unitCostFen() / 100, e.goodwillFen() / 100, e.shortage() / 100, e.unitCostFen() / 100,
				s.shelfLifeDays(), s.leadTimeDays(), s.warnQuantile(), s.folds(), s.horizon(), model.getClass().getSimpleName());
		var simulation = new ReplenishmentSimulation(model, s);
		int[] quarter = { 0 };
		var outcomes = simulation.run(data, simulation.standardRules(), percent -> {
			if (percent / 25 > quarter[0]) {
				quarter[0] = percent / 25;
				out.printf(Locale.ROOT, "simulation %3d%%%n", quarter[0] * 25);
			}
		});
		out.printf(Locale.ROOT, "%-14s %9s %9s %6s %9s %9s %10s %10s %10s %8s %8s %6s %6s%n", "rule", "demand", "ordered",
				"fill", "short", "wasted", "cost short", "cost waste", "total", "warned", "ran out", "prec", "recall");
		for (var o : outcomes) {
			out.printf(Locale.ROOT, "%-14s %9.0f %9.0f %6.3f %9.0f %9.0f %10.2f %10.2f %10.2f %8d %8d %6s %6s%n",
					o.rule(), o.demand(), o.ordered(), o.fillRate(), o.shortUnits(), o.wastedUnits(), o.shortCost(),
					o.wasteCost(), o.totalCost(), o.warned(), o.ranOut(), ratio(o.precision()), ratio(o.recall()));
		}
		var last = outcomes.get(outcomes.size() - 1);
		for (var o : outcomes.subList(0, outcomes.size() - 1)) {
			double lower = 100 * (o.totalCost() - last.totalCost()) / o.totalCost();
			out.printf(Locale.ROOT, "%s vs %s: total cost %.1f%% %s%n", last.rule(), o.rule(), Math.abs(lower),
					lower >= 0 ? "lower" : "HIGHER");
		}
		out.printf(Locale.ROOT, "(%.1f s)%n", (System.nanoTime() - started) / 1e9);
		return outcomes;
	}
}
