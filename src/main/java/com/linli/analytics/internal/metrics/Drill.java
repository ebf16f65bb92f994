package com.linli.analytics.internal.metrics;

import java.util.List;

/**
 * The list behind a number: column headers (message keys), rows of cells, and for each column how its cells read
 * ({@code null} unit: text). Cells are {@code String}, {@code Long}, {@code Double} or {@code java.time.LocalDate};
 * money cells are fen ({@code Long}) with {@link MetricUnit#MONEY_FEN}. The page shows it and exports it to Excel.
 */
public record Drill(List<String> columnKeys, List<MetricUnit> units, List<List<Object>> rows) {

	public Drill {
		columnKeys = List.copyOf(columnKeys);
		units = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(units));
		rows = List.copyOf(rows);
		if (units.size() != columnKeys.size()) {
			throw new IllegalArgumentException("one unit per column");
		}
	}

	public static Drill empty(List<String> columnKeys, List<MetricUnit> units) {
		return new Drill(columnKeys, units, List.of());
	}
}
