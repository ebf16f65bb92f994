package com.linli.inventory.internal.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * The validation folds a model tunes and chooses on: {@value #FOLDS} folds of {@code horizon} days just
 * before the forecast origin (the end of the series it was given), origins {@code horizon} days apart.
 * Everything here is cut from the past the model was given, so evaluation days can never leak in.
 */
public final class ValidationFolds {

	/** Folds before the origin used for tuning, selection and error quantiles. */
	public static final int FOLDS = 4;

	/** A fold needs at least this many days before its origin to be worth learning from. */
	static final int MIN_HISTORY = 28;

	private ValidationFolds() {
	}

	/** The origins (ascending) of the validation folds of a series of {@code n} days. */
	public static List<Integer> origins(int n, int horizon, int folds) {
		List<Integer> origins = new ArrayList<>();
		for (int k = folds; k >= 1; k--) {
			int origin = n - k * horizon;
			if (origin >= MIN_HISTORY) {
				origins.add(origin);
			}
		}
		return origins;
	}

	/** The group as it was before day {@code origin}, with its promotions of the {@code horizon} days ahead. */
	public static List<DemandSeries> cut(List<DemandSeries> group, int origin, int horizon) {
		List<DemandSeries> past = new ArrayList<>(group.size());
		for (DemandSeries s : group) {
			past.add(s.upTo(origin, horizon));
		}
		return past;
	}

	/** The actual units of series {@code s} on days {@code origin .. origin+horizon-1}. */
	public static double[] actual(DemandSeries s, int origin, int horizon) {
		return java.util.Arrays.copyOfRange(s.units(), origin, origin + horizon);
	}
}
