package com.linli.demo.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * What residents put in their baskets: 1 to 6 lines (mostly 1 to 3), mostly one or two units of
 * each, chosen by popularity. Popularity is Zipf-like over the day's listings: the listings are
 * ranked by how much residents want their kind of goods (fresh vegetables, fruit and eggs first,
 * toiletries last) blurred by a per-product taste, and the listing at rank {@code r} is chosen with
 * a weight of {@code 1 / r^0.8}. A product's taste depends only on the seed and its name, so the
 * same goods are the favourites every day.
 */
public final class Baskets {

	/** Chances of a basket with 1, 2, ... 6 lines. */
	static final double[] SIZES = { 0.32, 0.27, 0.19, 0.11, 0.07, 0.04 };

	/** Chances of 1, 2, 3 or 4 units of a line (5 yuan or more). */
	static final double[] QUANTITIES = { 0.74, 0.20, 0.04, 0.02 };

	/** ...and of a cheap staple under 5 yuan, bought by the handful more often. */
	static final double[] CHEAP_QUANTITIES = { 0.55, 0.30, 0.10, 0.05 };

	static final double ZIPF = 0.8;

	/** How much residents want goods of a top-level category of the demo catalog, relative to each other. */
	static final Map<String, Double> APPETITE = Map.of("时令蔬菜", 1.0, "新鲜水果", 0.9, "肉禽蛋品", 0.75, "乳品烘焙", 0.55,
			"水产海鲜", 0.45, "粮油调味", 0.35, "休闲零食", 0.3, "酒水饮料", 0.3, "日用百货", 0.2, "个护清洁", 0.2);

	static final double OTHER_APPETITE = 0.3;

	/** Eggs are the staple of every community group-buying list. */
	static final double EGGS = 2.0;

	/** A listing to choose from: its product name, top-level category, price and per-resident limit. */
	public record Option(String name, String category, long priceFen, int limit) {
	}

	/** One line of a basket: an index into the options and a quantity within the option's limit. */
	public record Line(int option, int quantity) {
	}

	private final List<Option> options;

	private final double[] cumulative;

	private final int[] ranks;

	public Baskets(List<Option> options, long seed) {
		if (options.isEmpty()) {
			throw new IllegalArgumentException("nothing to put in a basket: no listings");
		}
		this.options = List.copyOf(options);
		double[] score = new double[options.size()];
		for (int i = 0; i < score.length; i++) {
			var option = options.get(i);
			var taste = new Random(Seeds.mix(seed ^ ((long) option.name().hashCode() << 16)));
			score[i] = appetite(option) * Math.exp(0.5 * taste.nextGaussian());
		}
		Integer[] byScore = IntStream.range(0, score.length).boxed().toArray(Integer[]::new);
		Arrays.sort(byScore, Comparator.comparingDouble((Integer i) -> -score[i]).thenComparing(i -> i));
		ranks = new int[score.length];
		for (int rank = 0; rank < byScore.length; rank++) {
			ranks[byScore[rank]] = rank + 1;
		}
		cumulative = new double[score.length];
		double total = 0;
		for (int i = 0; i < score.length; i++) {
			total += 1 / Math.pow(ranks[i], ZIPF);
			cumulative[i] = total;
		}
	}

	/** The popularity rank of an option, 1 for the favourite. */
	public int rank(int option) {
		return ranks[option];
	}

	/** A basket: distinct options, 1 to 6 of them (never more than there are), quantities within limits. */
	public List<Line> basket(Random random) {
		int size = Math.min(1 + pick(SIZES, random), options.size());
		List<Line> lines = new ArrayList<>(size);
		boolean[] taken = new boolean[options.size()];
		while (lines.size() < size) {
			int option = popular(random);
			if (!taken[option]) {
				taken[option] = true;
				lines.add(new Line(option, quantity(options.get(option), random)));
			}
		}
		return lines;
	}

	/** One option by popularity. */
	int popular(Random random) {
		double target = random.nextDouble() * cumulative[cumulative.length - 1];
		int found = Arrays.binarySearch(cumulative, target);
		int index = found >= 0 ? found + 1 : -found - 1;
		return Math.min(index, cumulative.length - 1);
	}

	static int quantity(Option option, Random random) {
		double[] weights = option.priceFen() < 500 ? CHEAP_QUANTITIES : QUANTITIES;
		return Math.max(1, Math.min(option.limit(), 1 + pick(weights, random)));
	}

	static double appetite(Option option) {
		double appetite = APPETITE.getOrDefault(option.category(), OTHER_APPETITE);
		boolean eggs = option.category().equals("肉禽蛋品") && option.name().contains("蛋");
		return eggs ? appetite * EGGS : appetite;
	}

	/** An index drawn with the given chances (which sum to 1). */
	static int pick(double[] chances, Random random) {
		double target = random.nextDouble();
		for (int i = 0; i < chances.length - 1; i++) {
			if (target < chances[i]) {
				return i;
			}
			target -= chances[i];
		}
		return chances.length - 1;
	}
}
