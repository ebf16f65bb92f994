package com.linli.analytics.internal.metrics;

import java.util.List;
import java.util.Map;

import com.linli.network.RegionId;

/**
 * A bean that computes some dashboard metrics for a region. Sources read analytics' own aggregates (never scan
 * orders at request time) or a module's API where its figure is already aggregated. A metric whose source does not
 * exist yet is left out of the values map: the page shows "—" with the note {@code analytics.metric.<key>.missing}.
 */
public interface MetricSource {

	/** The metrics this source computes, in display order. */
	List<Metric> metrics();

	/**
	 * The value of each metric in each period; all periods are of one kind. Batch: one query over the whole span
	 * where possible (the dashboard asks for a trend of several periods plus the same period last year at once).
	 */
	Map<Period, Map<String, Double>> values(RegionId region, List<Period> periods);

	/** The list behind one of this source's numbers in a period (orders, residents, pickup points...). */
	Drill drill(String metricKey, RegionId region, Period period);
}
