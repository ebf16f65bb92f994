package com.linli.analytics.internal.facts;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.linli.analytics.internal.metrics.Period;
import com.linli.analytics.internal.metrics.PeriodKind;
import com.linli.network.PickupPointId;
import com.linli.network.PickupPointManagement;

/** Helpers the metric sources share: the span of a list of periods and the period holding a day. */
final class Spans {

	private Spans() {
	}

	static LocalDate first(List<Period> periods) {
		return periods.stream().map(Period::start).min(Comparator.naturalOrder()).orElseThrow();
	}

	/** The day after the last period. */
	static LocalDate end(List<Period> periods) {
		return periods.stream().map(Period::end).max(Comparator.naturalOrder()).orElseThrow();
	}

	/** The requested period of this kind holding the day, if it was requested. */
	static Optional<Period> holding(Map<LocalDate, Period> byStart, PeriodKind kind, LocalDate day) {
		return Optional.ofNullable(byStart.get(Period.containing(kind, day).start()));
	}

	static Map<LocalDate, Period> byStart(List<Period> periods) {
		var map = new LinkedHashMap<LocalDate, Period>();
		periods.forEach(p -> map.put(p.start(), p));
		return map;
	}

	static Map<Period, Map<String, Double>> empty(List<Period> periods) {
		var result = new LinkedHashMap<Period, Map<String, Double>>();
		periods.forEach(p -> result.put(p, new LinkedHashMap<>()));
		return result;
	}

	/** A pickup point's name, or its id when the network does not know it. */
	static String name(Map<PickupPointId, com.linli.network.PickupPoint> points, long id) {
		var p = points.get(new PickupPointId(id));
		return p != null ? p.name() : "#" + id;
	}

	static Map<PickupPointId, com.linli.network.PickupPoint> points(PickupPointManagement network, List<Long> ids) {
		return ids.isEmpty() ? Map.of() : network.pickupPoints(ids.stream().map(PickupPointId::new).toList());
	}
}
