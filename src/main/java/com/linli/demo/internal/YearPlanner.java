package com.linli.demo.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.linli.demo.CityPlan;

/**
 * A year of a region's orders as plain data (no Spring, no database, no clock): the same plan, seed and last day
 * give the same orders. Each resident has a join day (the city grows over the year: a fifth are there from the
 * start), a daily order rate drawn from a log-normal (a few order almost daily, many a few times a month, so
 * that RFM tiers and cohorts differ) and, for a third of them, a day they stop ordering. A day's orders follow
 * the week (weekends higher) and the calendar: the Spring Festival empties the city for a week after a surge of
 * stocking up, fruit peaks in summer, 618, Double 11 and Double 12 are promotion days. About 4% of orders are
 * cancelled unpaid, about 2.5% of those picked up have units of one line refunded after pickup, about 6% use
 * a coupon. Days are independent (each has its own random stream): a load can run or resume them in any order.
 */
public final class YearPlanner {

	/** A line: {@code listing} indexes the region's listings; {@code refunded} units were refunded after pickup. */
	public record PlannedLine(int listing, int quantity, long couponFen, int refunded) {
	}

	/**
	 * An order of resident {@code resident} (an index of the region's residents), placed {@code placedMinute}
	 * minutes after 08:00 the day before pickup, picked up (or cancelled) {@code endMinute} minutes after 10:00
	 * on the pickup day (after placing when cancelled: minutes after placing).
	 */
	public record PlannedOrder(int resident, int placedMinute, boolean cancelled, int endMinute,
			List<PlannedLine> lines) {
	}

	/** Spring Festival (春节) dates around the years the simulator covers. */
	private static final Map<Integer, LocalDate> SPRING_FESTIVAL = Map.of(2024, LocalDate.of(2024, 2, 10), 2025,
			LocalDate.of(2025, 1, 29), 2026, LocalDate.of(2026, 2, 17), 2027, LocalDate.of(2027, 2, 6), 2028,
			LocalDate.of(2028, 1, 26), 2029, LocalDate.of(2029, 2, 13), 2030, LocalDate.of(2030, 2, 3));

	private final CityPlan.Region region;

	private final long seed;

	private final int days;

	private final LocalDate first;

	private final double intensity;

	private final int[] joinDay;

	private final int[] stopDay;

	private final double[] rate;

	/** Listing indexes by top-level category, and each category's share of lines. */
	private final List<int[]> byCategory = new ArrayList<>();

	private final List<String> categories = new ArrayList<>();

	/**
	 * {@code intensity} scales every resident's rate: 1 gives about 88 lines a resident over a full year for a
	 * city that grows through the year (5.3 million for 60,000 residents).
	 */
	public YearPlanner(CityPlan plan, int regionIndex, long seed, int days, LocalDate lastDay, double intensity) {
		this.region = plan.regions().get(regionIndex);
		this.seed = seed;
		this.days = days;
		this.first = lastDay.minusDays(days - 1L);
		this.intensity = intensity;
		int n = region.residents().size();
		joinDay = new int[n];
		stopDay = new int[n];
		rate = new double[n];
		Random random = Seeds.stream(seed, "year-residents", regionIndex);
		for (int r = 0; r < n; r++) {
			double u = random.nextDouble();
			joinDay[r] = u < 0.2 ? 0 : (int) (days * (u - 0.2) / 0.8);
			stopDay[r] = random.nextDouble() < 0.33 ? joinDay[r] + 30 + (int) (-Math.log(1 - random.nextDouble()) * 120)
					: Integer.MAX_VALUE;
			rate[r] = Math.min(0.8, 0.19 * Math.exp(0.9 * random.nextGaussian() - 0.405));
		}
		Map<String, List<Integer>> indexes = new HashMap<>();
		for (int i = 0; i < region.listings().size(); i++) {
			var listing = region.listings().get(i);
			String category = plan.products().get(listing.product()).categoryPath().get(0);
			indexes.computeIfAbsent(category, k -> new ArrayList<>()).add(i);
		}
		indexes.keySet().stream().sorted().forEach(c -> {
			categories.add(c);
			byCategory.add(indexes.get(c).stream().mapToInt(Integer::intValue).toArray());
		});
	}

	public LocalDate date(int day) {
		return first.plusDays(day);
	}

	public int days() {
		return days;
	}

	/** The orders for pickup on day {@code day} (0 is the first day of the year). */
	public List<PlannedOrder> day(int day) {
		LocalDate date = date(day);
		Random random = Seeds.stream(seed, "year-day", (int) date.toEpochDay());
		double factor = intensity * weekly(date) * annual(date);
		double[] weights = categoryWeights(date);
		List<PlannedOrder> orders = new ArrayList<>();
		for (int r = 0; r < rate.length; r++) {
			if (day < joinDay[r] || day >= stopDay[r]) {
				continue;
			}
			if (random.nextDouble() >= rate[r] * factor) {
				continue;
			}
			orders.add(order(r, random, weights, date));
		}
		return orders;
	}

	private PlannedOrder order(int resident, Random random, double[] weights, LocalDate date) {
		int lines = 1 + (int) Math.min(7, -Math.log(1 - random.nextDouble()) * 2.0);
		boolean cancelled = random.nextDouble() < 0.04;
		boolean refund = !cancelled && random.nextDouble() < 0.025;
		boolean coupon = random.nextDouble() < 0.06;
		List<PlannedLine> planned = new ArrayList<>();
		java.util.Set<Integer> taken = new java.util.HashSet<>();
		for (int l = 0; l < lines; l++) {
			int[] pool = byCategory.get(pick(weights, random));
			int listing = pool[random.nextInt(pool.length)];
			if (!taken.add(listing)) {
				continue;
			}
			double q = random.nextDouble();
			int quantity = Math.min(q < 0.72 ? 1 : q < 0.93 ? 2 : 3, region.listings().get(listing).perResidentLimit());
			long amount = region.listings().get(listing).groupPrice().fen() * quantity;
			long couponFen = coupon && planned.isEmpty() && amount > 600 ? 200 + 100L * random.nextInt(4) : 0;
			int refunded = refund && planned.isEmpty() ? 1 + random.nextInt(quantity) : 0;
			planned.add(new PlannedLine(listing, quantity, couponFen, refunded));
		}
		// evenings are busiest: two thirds of orders after 18:00 the day before
		int placed = random.nextDouble() < 0.66 ? 600 + random.nextInt(290) : random.nextInt(600);
		int end = cancelled ? 1 + random.nextInt(30) : random.nextInt(600);
		return new PlannedOrder(resident, placed, cancelled, end, planned);
	}

	private static int pick(double[] weights, Random random) {
		double total = 0;
		for (double w : weights) {
			total += w;
		}
		double x = random.nextDouble() * total;
		for (int i = 0; i < weights.length; i++) {
			x -= weights[i];
			if (x < 0) {
				return i;
			}
		}
		return weights.length - 1;
	}

	/** Category weights: fruit twice as strong in summer, meat and seafood ahead of the Spring Festival. */
	private double[] categoryWeights(LocalDate date) {
		double[] weights = new double[categories.size()];
		LocalDate festival = festival(date);
		long toFestival = festival.toEpochDay() - date.toEpochDay();
		for (int i = 0; i < weights.length; i++) {
			String c = categories.get(i);
			double w = switch (c) {
				case "新鲜水果" -> 1.3;
				case "时令蔬菜" -> 1.5;
				case "肉禽蛋品" -> 1.1;
				case "乳品烘焙" -> 0.9;
				default -> 0.6;
			};
			int month = date.getMonthValue();
			if (c.equals("新鲜水果") && month >= 6 && month <= 8) {
				w *= 2.2;
			}
			if ((c.equals("肉禽蛋品") || c.equals("水产海鲜") || c.equals("酒水饮料")) && toFestival > 3 && toFestival <= 18) {
				w *= 2.0;
			}
			weights[i] = w * byCategory.get(i).length;
		}
		return weights;
	}

	/** Weekends higher: Friday evening to Sunday. */
	static double weekly(LocalDate date) {
		DayOfWeek d = date.getDayOfWeek();
		return switch (d) {
			case MONDAY -> 0.88;
			case TUESDAY -> 0.9;
			case WEDNESDAY -> 0.93;
			case THURSDAY -> 0.97;
			case FRIDAY -> 1.05;
			case SATURDAY -> 1.25;
			case SUNDAY -> 1.2;
		};
	}

	/**
	 * The calendar: a surge of stocking up two weeks before the Spring Festival, a dip for a week from two days
	 * before it (the city goes home), a slow return; 618, Double 11 and Double 12 promotion days (and the days
	 * around Double 11); a mild summer lift from fruit.
	 */
	static double annual(LocalDate date) {
		long toFestival = festival(date).toEpochDay() - date.toEpochDay();
		double f = 1;
		if (toFestival > 2 && toFestival <= 15) {
			f = 1.45;
		}
		else if (toFestival >= -6 && toFestival <= 2) {
			f = 0.35;
		}
		else if (toFestival >= -14 && toFestival < -6) {
			f = 0.8;
		}
		MonthDay md = MonthDay.from(date);
		if (md.equals(MonthDay.of(11, 11))) {
			f *= 2.6;
		}
		else if (md.equals(MonthDay.of(11, 10)) || md.equals(MonthDay.of(11, 12))) {
			f *= 1.4;
		}
		else if (md.equals(MonthDay.of(12, 12))) {
			f *= 2.1;
		}
		else if (md.equals(MonthDay.of(6, 18))) {
			f *= 1.7;
		}
		int month = date.getMonthValue();
		if (month >= 6 && month <= 8) {
			f *= 1.1;
		}
		return f;
	}

	/** The Spring Festival nearest the date. */
	private static LocalDate festival(LocalDate date) {
		LocalDate best = null;
		for (int y = date.getYear() - 1; y <= date.getYear() + 1; y++) {
			LocalDate f = SPRING_FESTIVAL.get(y);
			if (f != null && (best == null
					|| Math.abs(f.toEpochDay() - date.toEpochDay()) < Math.abs(best.toEpochDay() - date.toEpochDay()))) {
				best = f;
			}
		}
		return best == null ? LocalDate.of(date.getYear(), 2, 1) : best;
	}
}
