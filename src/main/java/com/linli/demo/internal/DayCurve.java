package com.linli.demo.internal;

import java.time.LocalTime;
import java.util.Random;

/**
 * The rhythm of a day as relative weights per half hour, sampled into times of day. Two curves:
 * when residents order (10:00 to 23:00, peaks at lunch 12:00–13:30 and in the evening 19:00–22:30,
 * the shape community group-buying apps report), and when they collect (early morning, lunch, and
 * the after-work peak 17:30–19:30).
 */
public final class DayCurve {

	private static final int SLOT_SECONDS = 30 * 60;

	/** Ordering, from 10:00 (listings open) to 23:00 (cutoff), one weight per half hour. */
	public static final DayCurve ORDERING = new DayCurve(LocalTime.of(10, 0), new double[] {
			// 10:00 10:30 11:00 11:30
			0.9, 0.8, 0.8, 1.0,
			// 12:00 12:30 13:00 13:30
			2.2, 2.6, 2.0, 1.0,
			// 14:00 .. 16:30
			0.6, 0.5, 0.5, 0.5, 0.6, 0.7,
			// 17:00 17:30 18:00 18:30
			0.8, 0.9, 1.0, 1.3,
			// 19:00 19:30 20:00 20:30 21:00 21:30 22:00 22:30
			2.0, 2.5, 2.9, 3.0, 2.8, 2.4, 2.0, 1.0 });

	/** Collecting at the pickup point, from 06:00 to 23:00. */
	public static final DayCurve PICKUP = new DayCurve(LocalTime.of(6, 0), new double[] {
			// 06:00 06:30 07:00 07:30 08:00 08:30 09:00 09:30
			0.1, 0.2, 0.5, 0.8, 1.0, 1.0, 0.7, 0.5,
			// 10:00 .. 11:30
			0.5, 0.5, 0.6, 0.7,
			// 12:00 12:30 13:00 13:30
			1.0, 0.9, 0.6, 0.4,
			// 14:00 .. 16:30
			0.4, 0.4, 0.5, 0.5, 0.7, 0.9,
			// 17:00 17:30 18:00 18:30 19:00 19:30
			1.3, 2.0, 2.4, 2.3, 1.8, 1.3,
			// 20:00 20:30 21:00 21:30 22:00 22:30
			0.9, 0.6, 0.4, 0.3, 0.2, 0.1 });

	private final LocalTime start;

	private final double[] weights;

	DayCurve(LocalTime start, double[] weights) {
		this.start = start;
		this.weights = weights.clone();
	}

	public LocalTime start() {
		return start;
	}

	public LocalTime end() {
		return start.plusSeconds((long) SLOT_SECONDS * weights.length);
	}

	/** A time of day anywhere on the curve. */
	public LocalTime sample(Random random) {
		return sample(random, start, end());
	}

	/**
	 * A time in {@code [from, to)} (to the second), drawn from the curve restricted to that window;
	 * outside the curve nothing happens, so a window that misses it entirely is an error.
	 */
	public LocalTime sample(Random random, LocalTime from, LocalTime to) {
		int lo = Math.max(secondOf(from), 0);
		int hi = Math.min(secondOf(to), SLOT_SECONDS * weights.length);
		if (hi <= lo) {
			throw new IllegalArgumentException("the window " + from + "–" + to + " misses the curve " + start + "–" + end());
		}
		double total = 0;
		for (int i = 0; i < weights.length; i++) {
			total += weights[i] * overlap(i, lo, hi);
		}
		double target = random.nextDouble() * total;
		for (int i = 0; i < weights.length; i++) {
			double mass = weights[i] * overlap(i, lo, hi);
			if (target < mass || i == weights.length - 1 && mass > 0) {
				int slotFrom = Math.max(lo, i * SLOT_SECONDS);
				int slotTo = Math.min(hi, (i + 1) * SLOT_SECONDS);
				int second = slotFrom + (int) Math.min(slotTo - slotFrom - 1, target / weights[i]);
				return start.plusSeconds(second);
			}
			target -= mass;
		}
		// rounding left a sliver past the last slot with weight: its last second
		return start.plusSeconds(hi - 1);
	}

	/** The expected share of events in {@code [from, to)}: what the curve says about a window. */
	public double share(LocalTime from, LocalTime to) {
		int lo = Math.max(secondOf(from), 0);
		int hi = Math.min(secondOf(to), SLOT_SECONDS * weights.length);
		double total = 0;
		double inside = 0;
		for (int i = 0; i < weights.length; i++) {
			total += weights[i] * SLOT_SECONDS;
			inside += weights[i] * overlap(i, lo, hi);
		}
		return hi <= lo ? 0 : inside / total;
	}

	private int secondOf(LocalTime time) {
		return time.toSecondOfDay() - start.toSecondOfDay();
	}

	private static int overlap(int slot, int lo, int hi) {
		return Math.max(0, Math.min(hi, (slot + 1) * SLOT_SECONDS) - Math.max(lo, slot * SLOT_SECONDS));
	}
}
