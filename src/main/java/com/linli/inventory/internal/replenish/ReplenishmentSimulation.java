package com.linli.inventory.internal.replenish;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

import com.linli.inventory.ReplenishmentPolicy;
import com.linli.inventory.internal.forecast.Backtest;
import com.linli.inventory.internal.forecast.DemandModel;
import com.linli.inventory.internal.forecast.DemandSeries;
import com.linli.inventory.internal.forecast.ForecastCalendar;
import com.linli.inventory.internal.forecast.Prediction;

/**
 * Replays purchasing day by day over the backtest's evaluation window (the last {@code folds × horizon}
 * days, as {@link Backtest} scores them), for every series and every rule, against the actual demand.
 * <p>
 * Each evening the forecast is made again from the days seen so far (the nightly job), the rule orders,
 * and the order arrives {@code leadTime} days later before the sales (lead time 1: the next morning). A
 * delivery is a batch that can be sold for {@code shelfLife} days including its first; sales take the
 * oldest batch first; what is still there at the end of its last day is wasted; demand beyond the stock
 * is short (lost). Stock starts at zero a week before the window (a warm-up not counted). Cost of a unit
 * short = price − cost + goodwill; of a unit wasted = its cost.
 * <p>
 * A stock-out warning for a day is raised the evening before, after ordering, when the warning quantile of
 * the day's demand (what comes before the next delivery) exceeds the stock the day starts with (on hand +
 * arriving); the day "ran out" when demand exceeded that stock. Precision = warned and ran out / warned,
 * recall = warned and ran out / ran out, over series × days.
 */
public final class ReplenishmentSimulation {

	/** Today's buffer: ForecastManagement's purchase = Σ week × 1.2 and cap = tomorrow × 1.2. */
	public static final double TODAY_BUFFER = 1.2;

	/** The assumed economics and timing. */
	public record Settings(Economics economics, int shelfLifeDays, int leadTimeDays, double warnQuantile, int folds,
			int horizon, double buffer, Set<java.time.LocalDate> holidays) {

		public Settings {
			if (shelfLifeDays < 1 || leadTimeDays < 1 || folds < 1 || horizon < 1) {
				throw new IllegalArgumentException("shelf life, lead time, folds and horizon are at least 1");
			}
			if (!(warnQuantile > 0.5 && warnQuantile < 1)) {
				throw new IllegalArgumentException("the warning quantile is between 0.5 and 1");
			}
			holidays = Set.copyOf(holidays);
		}
	}

	/**
	 * A purchasing rule: the units to order tonight, given the forecast from tomorrow (day 0), the stock on
	 * hand after today, the units on order not arrived yet, and the day's place in the week of the fold
	 * (0 = the fold's first day arrives next: a weekly rule buys then).
	 */
	public interface Rule {

		double order(Prediction forecast, double onHand, double onOrder, int dayOfWeek);
	}

	/** Per rule: demand, sales, shortage and waste in units and cost, and the warnings' hits. */
	public record Outcome(String rule, double demand, double sold, double shortUnits, double wastedUnits,
			double shortCost, double wasteCost, double ordered, long warned, long ranOut, long warnedAndRanOut) {

		public double totalCost() {
			return shortCost + wasteCost;
		}

		public double fillRate() {
			return demand == 0 ? 1 : sold / demand;
		}

		public double precision() {
			return warned == 0 ? Double.NaN : (double) warnedAndRanOut / warned;
		}

		public double recall() {
			return ranOut == 0 ? Double.NaN : (double) warnedAndRanOut / ranOut;
		}
	}

	private final DemandModel model;

	private final Settings settings;

	public ReplenishmentSimulation(DemandModel model, Settings settings) {
		this.model = model;
		this.settings = settings;
	}

	/** Today's rules and the new one, in this order, under the settings' economics. */
	public Map<String, Rule> standardRules() {
		Map<String, Rule> rules = new LinkedHashMap<>();
		double buffer = settings.buffer();
		int lead = settings.leadTimeDays();
		rules.put("today-weekly", (f, onHand, onOrder, day) -> day == 0
				? Math.max(0, Math.ceil(buffer * point(f, lead - 1, lead - 1 + 7) - 1e-9) - onHand - onOrder) : 0);
		rules.put("today-daily", (f, onHand, onOrder, day) -> Math
			.max(0, Math.ceil(buffer * point(f, lead - 1, lead - 1 + 7) - 1e-9) - onHand - onOrder));
		rules.put("today-cap", (f, onHand, onOrder, day) -> Math
			.max(0, Math.ceil(buffer * point(f, 0, lead) - 1e-9) - onHand - onOrder));
		if (ReplenishmentPolicy.of(com.linli.catalog.StorageTemperature.AMBIENT,
				settings.shelfLifeDays()) == ReplenishmentPolicy.FRESH_NEWSVENDOR) {
			Newsvendor newsvendor = new Newsvendor(lead, 1, settings.shelfLifeDays());
			rules.put("newsvendor", (f, onHand, onOrder, day) -> newsvendor
				.decide(f, settings.economics(), (long) Math.floor(onHand), (long) Math.floor(onOrder)).suggested());
		}
		else {
			ReorderPoint reorder = new ReorderPoint(lead, 7, 0.95);
			rules.put("reorder-point", (f, onHand, onOrder, day) -> reorder
				.decide(f, (long) Math.floor(onHand), (long) Math.floor(onOrder)).suggested());
		}
		return rules;
	}

	/** Σ max(median, mean) over days [from, to): today's forecast units. */
	static double point(Prediction f, int from, int to) {
		double sum = 0;
		for (int t = from; t < to; t++) {
			int d = CoverDemand.day(f.horizon(), t);
			sum += Math.max(f.p50()[d], f.mean()[d]);
		}
		return sum;
	}

	/** Runs every rule over the window; {@code progress} hears the percentage of evenings done. */
	public List<Outcome> run(Backtest.Data data, Map<String, Rule> rules, IntConsumer progress) {
		int window = settings.folds() * settings.horizon();
		int start = data.days() - window;
		int warmUp = Math.min(7, start - 1);
		if (start - warmUp < 7) {
			throw new IllegalArgumentException("the data cover " + data.days() + " days: too few for " + settings.folds()
					+ " folds of " + settings.horizon() + " days and a history before them");
		}
		int forecastDays = settings.leadTimeDays() + settings.shelfLifeDays() + 7;
		List<String> names = new ArrayList<>(rules.keySet());
		List<DemandSeries> all = new ArrayList<>();
		data.groups().values().forEach(all::addAll);
		State[][] states = new State[names.size()][all.size()];
		for (State[] row : states) {
			for (int i = 0; i < row.length; i++) {
				row[i] = new State();
			}
		}
		Tally[] tallies = new Tally[names.size()];
		Arrays.setAll(tallies, k -> new Tally());
		int first = start - warmUp;
		for (int evening = first - 1; evening < data.days() - 1; evening++) {
			int origin = evening + 1; // the first day the forecast has not seen
			List<Prediction> forecasts = forecast(data, origin, forecastDays);
			int dayOfWeek = Math.floorMod(origin - start, settings.horizon());
			for (int k = 0; k < names.size(); k++) {
				Rule rule = rules.get(names.get(k));
				for (int i = 0; i < all.size(); i++) {
					State s = states[k][i];
					Prediction f = forecasts.get(i);
					if (evening >= first) {
						s.day(evening, all.get(i).units()[evening], evening >= start, settings, tallies[k]);
					}
					double order = Math.max(0, rule.order(f, s.onHand(), s.onOrder(origin), dayOfWeek));
					s.order(evening + settings.leadTimeDays(), order);
					if (origin >= start && origin < data.days()) {
						s.warn(origin, f.quantile(0, settings.warnQuantile()));
					}
				}
			}
			progress.accept((evening - first + 2) * 100 / (data.days() - first));
		}
		// the last day's sales and waste
		for (int k = 0; k < names.size(); k++) {
			for (int i = 0; i < all.size(); i++) {
				states[k][i].day(data.days() - 1, all.get(i).units()[data.days() - 1], true, settings, tallies[k]);
			}
		}
		List<Outcome> outcomes = new ArrayList<>();
		for (int k = 0; k < names.size(); k++) {
			outcomes.add(tallies[k].outcome(names.get(k), settings.economics()));
		}
		return outcomes;
	}

	/** Every series' forecast from its days before {@code origin}, group by group, in the data's order. */
	private List<Prediction> forecast(Backtest.Data data, int origin, int days) {
		List<Prediction> result = new ArrayList<>();
		for (List<DemandSeries> group : data.groups().values()) {
			List<DemandSeries> past = group.stream().map(s -> s.upTo(origin, days)).toList();
			double[] totals = new double[origin];
			for (DemandSeries s : past) {
				for (int t = 0; t < origin; t++) {
					totals[t] += s.units()[t];
				}
			}
			ForecastCalendar calendar = ForecastCalendar.learn(data.start(), totals, settings.holidays());
			result.addAll(model.predict(past, calendar, days));
		}
		return result;
	}

	/** Sums over series and days of the window. */
	static final class Tally {

		double demand;

		double sold;

		double shortUnits;

		double wasted;

		double ordered;

		long warned;

		long ranOut;

		long hits;

		Outcome outcome(String rule, Economics e) {
			return new Outcome(rule, demand, sold, shortUnits, wasted, shortUnits * e.shortage() / 100,
					wasted * e.unitCostFen() / 100, ordered, warned, ranOut, hits);
		}
	}

	/** One series under one rule: batches on hand (oldest first) and deliveries on their way. */
	static final class State {

		/** {last day it may be sold, units}. */
		final Deque<double[]> batches = new ArrayDeque<>();

		/** {arrival day, units}. */
		final Deque<double[]> pipeline = new ArrayDeque<>();

		/** The day a warning was raised for, or -1. */
		int warnedDay = -1;

		double onHand() {
			return batches.stream().mapToDouble(b -> b[1]).sum();
		}

		double onOrder(int from) {
			return pipeline.stream().filter(p -> p[0] >= from).mapToDouble(p -> p[1]).sum();
		}

		void order(int arrival, double units) {
			if (units > 0) {
				pipeline.add(new double[] { arrival, units });
			}
		}

		/** After ordering: warn for the day when its quantile exceeds what it starts with. */
		void warn(int day, double quantile) {
			double starts = onHand() + pipeline.stream().filter(p -> p[0] <= day).mapToDouble(p -> p[1]).sum();
			if (quantile > starts + 1e-9) {
				warnedDay = day;
			}
		}

		/** Day {@code t}: deliveries arrive, sales (oldest first), then what expires tonight is wasted. */
		void day(int t, double demand, boolean counted, Settings settings, Tally tally) {
			while (!pipeline.isEmpty() && pipeline.peek()[0] <= t) {
				double[] p = pipeline.poll();
				batches.add(new double[] { t + settings.shelfLifeDays() - 1, p[1] });
				if (counted) {
					tally.ordered += p[1];
				}
			}
			double left = demand;
			for (double[] b : batches) {
				double take = Math.min(left, b[1]);
				b[1] -= take;
				left -= take;
			}
			double wasted = 0;
			while (!batches.isEmpty() && (batches.peek()[0] <= t || batches.peek()[1] <= 1e-12)) {
				wasted += batches.poll()[1];
			}
			// batches arrive in order of their last day, so expired ones are always at the head
			if (counted) {
				tally.demand += demand;
				tally.sold += demand - left;
				tally.shortUnits += left;
				tally.wasted += wasted;
				boolean ran = left > 1e-9;
				boolean warned = warnedDay == t;
				tally.ranOut += ran ? 1 : 0;
				tally.warned += warned ? 1 : 0;
				tally.hits += ran && warned ? 1 : 0;
			}
		}
	}
}
