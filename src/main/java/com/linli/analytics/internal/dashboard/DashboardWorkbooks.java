package com.linli.analytics.internal.dashboard;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import com.linli.analytics.internal.metrics.Drill;
import com.linli.analytics.internal.metrics.Metric;
import com.linli.analytics.internal.metrics.MetricUnit;
import com.linli.analytics.internal.metrics.Period;
import com.linli.shared.export.Spreadsheets;
import org.dhatim.fastexcel.Worksheet;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The dashboard and a drill-through list as Excel workbooks (FastExcel through {@link Spreadsheets}): money in
 * yuan, ratios as percentages, absent values as "—"; headers and labels in the reader's language.
 */
@Component
public class DashboardWorkbooks {

	private final MessageSource messages;

	public DashboardWorkbooks(MessageSource messages) {
		this.messages = messages;
	}

	/** One row per metric: dimension, metric, value, previous, change, last year, change vs last year. */
	public byte[] dashboard(DashboardView view, String regionName, Locale locale) {
		return Spreadsheets.write(workbook -> {
			Worksheet ws = workbook.newWorksheet(Spreadsheets.sheetName(text("analytics.dashboard.sheet", locale)));
			ws.value(0, 0, regionName + " · " + periodText(view.period(), locale));
			ws.style(0, 0).bold().set();
			Spreadsheets.header(ws, 1, text("analytics.dashboard.col.dimension", locale),
					text("analytics.dashboard.col.metric", locale), text("analytics.dashboard.col.value", locale),
					text("analytics.dashboard.col.previous", locale), text("analytics.dashboard.col.change", locale),
					text("analytics.dashboard.col.lastYear", locale),
					text("analytics.dashboard.col.changeLastYear", locale));
			Spreadsheets.widths(ws, 12, 24, 16, 16, 12, 16, 12);
			int row = 2;
			for (var section : view.sections()) {
				for (var line : section.lines()) {
					Metric m = line.metric();
					ws.value(row, 0, text("analytics.dimension." + section.dimension(), locale));
					ws.value(row, 1, label(m, locale));
					number(ws, row, 2, line.value(), m.unit());
					number(ws, row, 3, line.previous(), m.unit());
					number(ws, row, 4, line.change(), MetricUnit.RATIO);
					number(ws, row, 5, line.lastYear(), m.unit());
					number(ws, row, 6, line.changeLastYear(), MetricUnit.RATIO);
					row++;
				}
			}
		});
	}

	/** The list behind a number, its headers from the drill's message keys. */
	public byte[] drill(Metric metric, Period period, Drill drill, String regionName, Locale locale) {
		return Spreadsheets.write(workbook -> {
			Worksheet ws = workbook.newWorksheet(Spreadsheets.sheetName(label(metric, locale)));
			ws.value(0, 0, label(metric, locale) + " · " + regionName + " · " + periodText(period, locale));
			ws.style(0, 0).bold().set();
			Spreadsheets.header(ws, 1, drill.columnKeys().stream().map(k -> text(k, locale)).toArray(String[]::new));
			for (int c = 0; c < drill.columnKeys().size(); c++) {
				ws.width(c, 18);
			}
			int row = 2;
			for (List<Object> cells : drill.rows()) {
				for (int c = 0; c < cells.size(); c++) {
					Object cell = cells.get(c);
					MetricUnit unit = drill.units().get(c);
					if (cell instanceof Number n && unit != null) {
						number(ws, row, c, n.doubleValue(), unit);
					}
					else if (cell instanceof Number n) {
						ws.value(row, c, n);
					}
					else if (cell instanceof LocalDate d) {
						ws.value(row, c, d);
						ws.style(row, c).format("yyyy-mm-dd").set();
					}
					else if (cell != null) {
						ws.value(row, c, cell.toString());
					}
				}
				row++;
			}
		});
	}

	private static void number(Worksheet ws, int row, int col, Double value, MetricUnit unit) {
		if (value == null || value.isNaN() || value.isInfinite()) {
			ws.value(row, col, MetricFormat.ABSENT);
			return;
		}
		switch (unit) {
			case MONEY_FEN -> {
				ws.value(row, col, value / 100.0);
				ws.style(row, col).format("#,##0.00").set();
			}
			case RATIO -> {
				ws.value(row, col, value);
				ws.style(row, col).format("0.0%").set();
			}
			case COUNT -> ws.value(row, col, Math.round(value));
			default -> {
				ws.value(row, col, value);
				ws.style(row, col).format("0.00").set();
			}
		}
	}

	public String label(Metric metric, Locale locale) {
		return messages.getMessage(metric.labelKey(), null, metric.key(), locale);
	}

	public String periodText(Period period, Locale locale) {
		return messages.getMessage("analytics.period." + period.kind(), null, period.kind().name(), locale) + " "
				+ period.start() + (period.days() > 1 ? " – " + period.last() : "");
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}
}
