package com.linli.analytics.internal.funnels;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * View → add to cart → checkout → pay: the distinct residents who did each step in the period (a step counts those
 * who did it and every step before it), the conversion from the step before, and the step with the largest drop (the
 * lowest conversion; -1 when no step has a resident before it).
 */
public record Funnel(LocalDate from, LocalDate to, List<Step> steps, int largestDrop) {

	/** The steps' message keys ({@code analytics.funnel.step.<key>}), in order. */
	public static final List<String> STEPS = List.of("view", "cart", "checkout", "pay");

	/** A step: residents who did it; {@code conversion} = residents ÷ the previous step's (null for the first). */
	public record Step(String key, long residents, Double conversion) {

		public boolean largestDrop(Funnel funnel) {
			return funnel.largestDrop >= 0 && funnel.steps.get(funnel.largestDrop) == this;
		}
	}

	/** The funnel of these counts, one per step in {@link #STEPS} order. */
	public static Funnel of(LocalDate from, LocalDate to, long... residents) {
		if (residents.length != STEPS.size()) {
			throw new IllegalArgumentException("one count per step");
		}
		var steps = new ArrayList<Step>();
		int largestDrop = -1;
		double lowest = Double.MAX_VALUE;
		for (int i = 0; i < residents.length; i++) {
			Double conversion = null;
			if (i > 0 && residents[i - 1] > 0) {
				conversion = (double) residents[i] / residents[i - 1];
				if (conversion < lowest) {
					lowest = conversion;
					largestDrop = i;
				}
			}
			steps.add(new Step(STEPS.get(i), residents[i], conversion));
		}
		return new Funnel(from, to, List.copyOf(steps), largestDrop);
	}

	/** Paying residents ÷ viewing residents (null when nobody viewed). */
	public Double overall() {
		long first = steps.get(0).residents();
		return first == 0 ? null : (double) steps.get(steps.size() - 1).residents() / first;
	}
}
