package com.linli.inventory.internal.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * Today's forecaster ({@link Forecaster}: median level × pooled weekday profile) as a {@link DemandModel}:
 * the median is its point forecast, the mean its expected units. Its quantiles are a stand-in (a
 * Poisson-like spread around the mean) until the backtest's empirical error quantiles replace them.
 */
public final class ClassicModel implements DemandModel {

	private final Forecaster forecaster = new Forecaster();

	@Override
	public List<Prediction> predict(List<DemandSeries> group, ForecastCalendar calendar, int horizon) {
		var result = forecaster.forecast(group, calendar, horizon);
		List<Prediction> predictions = new ArrayList<>(group.size());
		for (int i = 0; i < group.size(); i++) {
			double[] p50 = result.forecasts().get(i);
			double[] mean = result.expected().get(i);
			double[] p80 = new double[horizon];
			double[] p95 = new double[horizon];
			for (int h = 0; h < horizon; h++) {
				double m = Math.max(mean[h], p50[h]);
				p80[h] = Math.max(p50[h], m + 0.8416 * Math.sqrt(m));
				p95[h] = Math.max(p80[h], m + 1.6449 * Math.sqrt(m));
			}
			predictions.add(new Prediction(mean, p50, p80, p95, "linli"));
		}
		return predictions;
	}
}
