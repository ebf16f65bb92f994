package com.linli.analytics.internal.ops;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.linli.analytics.internal.metrics.Period;

/** The days a list of periods spans, and a module's day rows shared out to the periods that hold them. */
final class Spans {

	private Spans() {
	}

	static LocalDate first(List<Period> periods) {
		return periods.stream().map(Period::start).min(LocalDate::compareTo).orElseThrow();
	}

	static LocalDate last(List<Period> periods) {
		return periods.stream().map(Period::last).max(LocalDate::compareTo).orElseThrow();
	}

	/** Each period with the rows of its days (every period present, maybe with none). */
	static <T> Map<Period, List<T>> byPeriod(List<Period> periods, List<T> rows, Function<T, LocalDate> date) {
		Map<Period, List<T>> result = new LinkedHashMap<>();
		periods.forEach(p -> result.put(p, new ArrayList<>()));
		for (T row : rows) {
			LocalDate d = date.apply(row);
			for (Period p : periods) {
				if (p.contains(d)) {
					result.get(p).add(row);
				}
			}
		}
		return result;
	}

	/** A ratio, or nothing when the denominator is zero (the page shows "—"). */
	static void putRatio(Map<String, Double> into, String key, long numerator, long denominator) {
		if (denominator > 0) {
			into.put(key, (double) numerator / denominator);
		}
	}
}
