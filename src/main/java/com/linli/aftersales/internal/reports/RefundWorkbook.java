package com.linli.aftersales.internal.reports;

import java.util.List;
import java.util.Locale;

import com.linli.shared.export.Spreadsheets;
import org.dhatim.fastexcel.Worksheet;

import org.springframework.context.MessageSource;

/**
 * The refund report as one Excel workbook: a sheet per table (products, suppliers, leaders, reasons, days), each
 * with a title row, the header on row 2 and one row per line; money in yuan, rates as fractions (percent format).
 */
public final class RefundWorkbook {

	private static final int HEADER_ROW = 1;

	private RefundWorkbook() {
	}

	public static byte[] write(RefundFigures report, MessageSource messages, Locale locale) {
		return Spreadsheets.write(wb -> {
			sheet(wb.newWorksheet(Spreadsheets.sheetName(label(messages, locale, "aftersales.reports.byProduct"))),
					report, report.products(), "aftersales.reports.col.product", messages, locale);
			sheet(wb.newWorksheet(Spreadsheets.sheetName(label(messages, locale, "aftersales.reports.bySupplier"))),
					report, report.suppliers(), "aftersales.reports.col.supplier", messages, locale);
			sheet(wb.newWorksheet(Spreadsheets.sheetName(label(messages, locale, "aftersales.reports.byLeader"))),
					report, report.leaders(), "aftersales.reports.col.leader", messages, locale);
			sheet(wb.newWorksheet(Spreadsheets.sheetName(label(messages, locale, "aftersales.reports.byReason"))),
					report, report.reasons().stream().map(r -> r.named(label(messages, locale,
							"aftersales.reports.reason." + r.key()), null)).toList(),
					"aftersales.reports.col.reason", messages, locale);
			sheet(wb.newWorksheet(Spreadsheets.sheetName(label(messages, locale, "aftersales.reports.byDay"))),
					report, report.days(), "aftersales.reports.col.day", messages, locale);
		});
	}

	private static void sheet(Worksheet ws, RefundFigures report, List<RefundFigures.Row> rows, String firstColumn,
			MessageSource messages, Locale locale) {
		ws.value(0, 0, report.regionName() + " " + report.from() + " ~ " + report.to());
		Spreadsheets.header(ws, HEADER_ROW, label(messages, locale, firstColumn),
				label(messages, locale, "aftersales.reports.col.detail"),
				label(messages, locale, "aftersales.reports.col.requests"),
				label(messages, locale, "aftersales.reports.col.units"),
				label(messages, locale, "aftersales.reports.col.soldUnits"),
				label(messages, locale, "aftersales.reports.col.unitRate"),
				label(messages, locale, "aftersales.reports.col.refunded"),
				label(messages, locale, "aftersales.reports.col.paid"),
				label(messages, locale, "aftersales.reports.col.amountRate"),
				label(messages, locale, "aftersales.reports.col.replaced"),
				label(messages, locale, "aftersales.reports.col.rejected"),
				label(messages, locale, "aftersales.reports.col.withdrawn"));
		Spreadsheets.widths(ws, 28, 16, 10, 10, 10, 10, 12, 12, 10, 12, 10, 10);
		int r = HEADER_ROW + 1;
		for (RefundFigures.Row row : rows) {
			ws.value(r, 0, row.name() == null ? row.key() : row.name());
			if (row.detail() != null) {
				ws.value(r, 1, row.detail());
			}
			ws.value(r, 2, row.requests());
			ws.value(r, 3, row.units());
			ws.value(r, 4, row.soldUnits());
			if (row.unitRate() != null) {
				ws.value(r, 5, row.unitRate());
				ws.style(r, 5).format("0.00%").set();
			}
			ws.value(r, 6, row.refundedFen() / 100.0);
			ws.value(r, 7, row.paidFen() / 100.0);
			if (row.amountRate() != null) {
				ws.value(r, 8, row.amountRate());
				ws.style(r, 8).format("0.00%").set();
			}
			ws.value(r, 9, row.replacedFen() / 100.0);
			ws.value(r, 10, row.rejected());
			ws.value(r, 11, row.withdrawn());
			for (int c : new int[] { 6, 7, 9 }) {
				ws.style(r, c).format("0.00").set();
			}
			r++;
		}
	}

	private static String label(MessageSource messages, Locale locale, String key) {
		return messages.getMessage(key, null, key, locale);
	}
}
