package com.linli.inventory.internal.forecast;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The baselines the nightly job forecasts beside Linli's model and scores every day, by the name stored
 * with their forecasts: seasonal naive (the same weekday a week before), the 28-day mean and the strong simple baseline
 * ({@link SesWeekday}). Each is a
 * {@link DemandModel} whose quantiles are its point forecast (a baseline has no spread).
 */
public final class BaselineModels {

	public static final String SEASONAL_NAIVE = "seasonal-naive";

	public static final String MOVING_AVERAGE_28 = "moving-average-28";

	/** The strong simple baseline: SES of the weekday-adjusted level × a shrunk weekday index, tuned on validation folds. */
	public static final String SES_WEEKDAY = "ses-weekday";

	private BaselineModels() {
	}

	/** The baselines in the order the page lists them. */
	public static Map<String, DemandModel> defaults() {
		Map<String, DemandModel> baselines = new LinkedHashMap<>();
		baselines.put(SEASONAL_NAIVE, pointModel(SEASONAL_NAIVE, (s, h) -> Forecaster.seasonalNaive(s, h)));
		baselines.put(MOVING_AVERAGE_28, pointModel(MOVING_AVERAGE_28, (s, h) -> Forecaster.movingAverage(s, 28, h)));
		baselines.put(SES_WEEKDAY, SesWeekday.tuned());
		return Collections.unmodifiableMap(baselines);
	}

	/** A point forecast per series as a model: mean and quantiles all the point forecast. */
	static DemandModel pointModel(String name, java.util.function.BiFunction<DemandSeries, Integer, double[]> forecast) {
		return (group, calendar, horizon) -> {
			List<Prediction> predictions = new ArrayList<>(group.size());
			for (DemandSeries s : group) {
				double[] f = forecast.apply(s, horizon);
				predictions.add(new Prediction(f, f, f, f, name));
			}
			return predictions;
		};
	}
}
