package com.linli.inventory.internal.forecast;

import java.util.List;

/**
 * A forecasting method as the nightly job and the backtest use it: the next {@code horizon} days of
 * every series of a group (series sharing a calendar: a store, a region, the pickup points of a region)
 * from their past only, one {@link Prediction} per series in the group's order. Pure Java, no Spring,
 * no state kept between calls (a model that learns, learns inside the call).
 */
public interface DemandModel {

	List<Prediction> predict(List<DemandSeries> group, ForecastCalendar calendar, int horizon);

	/** The point forecast (the median) of every series: what WAPE scores. */
	default List<double[]> medians(List<DemandSeries> group, ForecastCalendar calendar, int horizon) {
		return predict(group, calendar, horizon).stream().map(Prediction::p50).toList();
	}
}
