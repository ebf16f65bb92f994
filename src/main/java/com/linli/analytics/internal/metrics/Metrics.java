package com.linli.analytics.internal.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.linli.network.RegionId;
import com.linli.shared.NotFoundException;

import org.springframework.stereotype.Service;

/**
 * Every metric of every {@link MetricSource}, by key: the dashboard, the alerts and the exports read them here.
 * Region scoping is the caller's (a controller checks the actor's regions before it asks).
 */
@Service
public class Metrics {

	private final List<MetricSource> sources;

	private final Map<String, MetricSource> byKey = new HashMap<>();

	private final List<Metric> all = new ArrayList<>();

	public Metrics(List<MetricSource> sources) {
		this.sources = List.copyOf(sources);
		for (var source : sources) {
			for (var metric : source.metrics()) {
				if (byKey.put(metric.key(), source) != null) {
					throw new IllegalStateException("Two sources compute the metric " + metric.key());
				}
				all.add(metric);
			}
		}
		all.sort(Comparator.comparing(Metric::dimension));
	}

	/** Every metric, grouped by dimension in display order. */
	public List<Metric> all() {
		return List.copyOf(all);
	}

	public Optional<Metric> metric(String key) {
		return all.stream().filter(m -> m.key().equals(key)).findFirst();
	}

	/** Every metric's value in each period (a metric without a value in a period is absent from its map). */
	public Map<Period, Map<String, Double>> values(RegionId region, List<Period> periods) {
		var result = new LinkedHashMap<Period, Map<String, Double>>();
		periods.forEach(p -> result.put(p, new HashMap<>()));
		for (var source : sources) {
			source.values(region, periods).forEach((period, values) -> {
				var into = result.get(period);
				if (into != null) {
					into.putAll(values);
				}
			});
		}
		return result;
	}

	/** One metric's value in each period. */
	public Map<Period, Double> values(RegionId region, String metricKey, List<Period> periods) {
		var source = source(metricKey);
		var result = new LinkedHashMap<Period, Double>();
		var values = source.values(region, periods);
		for (var p : periods) {
			var v = values.getOrDefault(p, Map.of()).get(metricKey);
			if (v != null) {
				result.put(p, v);
			}
		}
		return result;
	}

	/** The list behind a number. */
	public Drill drill(String metricKey, RegionId region, Period period) {
		return source(metricKey).drill(metricKey, region, period);
	}

	private MetricSource source(String metricKey) {
		var source = byKey.get(metricKey);
		if (source == null) {
			throw new NotFoundException("analytics.metric", metricKey);
		}
		return source;
	}
}
