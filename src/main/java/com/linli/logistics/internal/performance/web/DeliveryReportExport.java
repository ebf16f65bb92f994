package com.linli.logistics.internal.performance.web;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import com.linli.logistics.DeliveryPerformance;
import com.linli.logistics.DeliveryPerformance.Figures;
import com.linli.shared.Text;
import com.linli.shared.export.Spreadsheets;
import org.dhatim.fastexcel.Worksheet;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** The daily delivery report as an Excel workbook: one row per morning, the late stops, the drivers' scorecards. */
@Component
class DeliveryReportExport {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private final Clock clock;

	DeliveryReportExport(Clock clock) {
		this.clock = clock;
	}

	ResponseEntity<byte[]> download(DeliveryPerformance p) {
		byte[] body = Spreadsheets.write(wb -> {
			var days = wb.newWorksheet(Spreadsheets.sheetName(t("logistics.performance.daily")));
			Spreadsheets.header(days, 0, t("logistics.performance.date"), t("logistics.performance.routes"),
					t("logistics.performance.stops"), t("logistics.performance.onTime"), t("logistics.performance.late"),
					t("logistics.performance.skipped"), t("logistics.performance.onTimeRate"), t("logistics.performance.km"),
					t("logistics.performance.costYuan"), t("logistics.performance.crates"),
					t("logistics.performance.costPerCrateYuan"), t("logistics.performance.costPerOrderYuan"));
			int row = 1;
			for (var day : p.days()) {
				days.value(row, 0, day.date().toString());
				figures(days, row, day.figures());
				row++;
			}
			days.value(row, 0, t("logistics.performance.total"));
			figures(days, row, p.total());
			Spreadsheets.widths(days, 12, 8, 8, 8, 8, 8, 10, 10, 12, 8, 12, 12);

			var late = wb.newWorksheet(Spreadsheets.sheetName(t("logistics.performance.lateStops")));
			Spreadsheets.header(late, 0, t("logistics.performance.date"), t("logistics.performance.route"),
					t("logistics.performance.plate"), t("logistics.performance.pickupPoint"), t("logistics.performance.windowEnd"),
					t("logistics.performance.arrivedAt"), t("logistics.performance.lateMinutes"));
			row = 1;
			for (var day : p.days()) {
				for (var s : day.lateStops()) {
					late.value(row, 0, day.date().toString());
					late.value(row, 1, s.routeNo());
					late.value(row, 2, s.plate());
					late.value(row, 3, s.pickupPointName());
					late.value(row, 4, time(s.windowEnd()));
					late.value(row, 5, s.skipped() ? t("logistics.performance.skipped") : time(s.arrivedAt()));
					if (s.lateMinutes() != null) {
						late.value(row, 6, s.lateMinutes());
					}
					row++;
				}
			}
			Spreadsheets.widths(late, 12, 8, 12, 24, 10, 10, 10);

			var drivers = wb.newWorksheet(Spreadsheets.sheetName(t("logistics.performance.scorecards")));
			Spreadsheets.header(drivers, 0, t("logistics.performance.driver"), t("logistics.performance.routes"),
					t("logistics.performance.stops"), t("logistics.performance.onTime"), t("logistics.performance.late"),
					t("logistics.performance.skipped"), t("logistics.performance.onTimeRate"), t("logistics.performance.km"),
					t("logistics.performance.costYuan"), t("logistics.performance.crates"),
					t("logistics.performance.costPerCrateYuan"), t("logistics.performance.costPerOrderYuan"),
					t("logistics.performance.averageDelay"));
			row = 1;
			for (var d : p.drivers()) {
				drivers.value(row, 0, d.name() == null ? t("logistics.performance.noDriver") : d.name());
				figures(drivers, row, d.figures());
				if (d.figures().averageDelayMinutes() != null) {
					drivers.value(row, 12, d.figures().averageDelayMinutes());
				}
				row++;
			}
			Spreadsheets.widths(drivers, 14, 8, 8, 8, 8, 8, 10, 10, 12, 8, 12, 12, 12);
		});
		return Spreadsheets.file(body, t("logistics.performance.fileName") + "-" + p.from() + "-" + p.to() + ".xlsx",
				Spreadsheets.XLSX);
	}

	private static void figures(Worksheet ws, int row, Figures f) {
		ws.value(row, 1, f.routes());
		ws.value(row, 2, f.stops());
		ws.value(row, 3, f.onTime());
		ws.value(row, 4, f.late());
		ws.value(row, 5, f.skipped());
		if (f.onTimePercent() != null) {
			ws.value(row, 6, f.onTimePercent());
		}
		ws.value(row, 7, f.km());
		ws.value(row, 8, f.costFen() / 100.0);
		ws.value(row, 9, f.crates());
		if (f.costPerCrateFen() != null) {
			ws.value(row, 10, f.costPerCrateFen() / 100.0);
		}
		if (f.costPerOrderFen() != null) {
			ws.value(row, 11, f.costPerOrderFen() / 100.0);
		}
	}

	private String time(Instant instant) {
		return instant == null ? "" : TIME.format(instant.atZone(clock.getZone()));
	}

	private static String t(String key) {
		return Text.of(key).inReadersLanguage();
	}
}
