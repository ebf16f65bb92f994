package com.linli.analytics.internal.dashboard;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.linli.analytics.internal.metrics.MetricUnit;

import org.springframework.stereotype.Component;

/**
 * How dashboard numbers read on the page, as {@code ${@metricFormat.value(unit, v)}}: money in yuan from fen,
 * ratios as percentages, counts with thousands separators; an absent value is "—", never 0.
 */
@Component("metricFormat")
public class MetricFormat {

	public static final String ABSENT = "—";

	public String value(MetricUnit unit, Double value) {
		if (value == null || value.isNaN()) {
			return ABSENT;
		}
		return switch (unit) {
			case MONEY_FEN -> String.format(Locale.ROOT, "¥%,.2f", value / 100.0);
			case RATIO -> String.format(Locale.ROOT, "%.1f%%", value * 100.0);
			case COUNT -> String.format(Locale.ROOT, "%,d", Math.round(value));
			case DAYS -> String.format(Locale.ROOT, "%.1f", value);
			case DECIMAL -> String.format(Locale.ROOT, "%.2f", value);
		};
	}

	/** A change as a signed percentage ("+12.5%", "−3.0%"); "—" when there is nothing to compare. */
	public String change(Double change) {
		if (change == null || change.isNaN() || change.isInfinite()) {
			return ABSENT;
		}
		double percent = change * 100.0;
		if (Math.abs(percent) < 0.05) {
			return "0.0%";
		}
		return (percent > 0 ? "+" : "−") + String.format(Locale.ROOT, "%.1f%%", Math.abs(percent));
	}

	/** The arrow of a change: up, down or level. */
	public String arrow(Double change) {
		if (change == null || change.isNaN() || Math.abs(change) < 0.0005) {
			return "→";
		}
		return change > 0 ? "↑" : "↓";
	}

	/** A trend's values as a JSON array for the page's chart ({@code null} where absent). */
	public String json(List<Double> values) {
		return values.stream().map(v -> v == null || v.isNaN() || v.isInfinite() ? "null" : Double.toString(v))
			.collect(Collectors.joining(",", "[", "]"));
	}

	/** A cell of a drill-through list, by its column's unit ({@code null}: text). */
	public String cell(Object cell, MetricUnit unit) {
		if (cell == null) {
			return ABSENT;
		}
		if (unit != null && cell instanceof Number n) {
			return value(unit, n.doubleValue());
		}
		if (cell instanceof LocalDate d) {
			return d.toString();
		}
		return cell.toString();
	}
}
