package com.linli.aftersales.internal.reports.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import com.linli.aftersales.internal.reports.QualityAlerts;
import com.linli.aftersales.internal.reports.RefundFigures;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;

/** The JSON shapes of the reports API, and the default period (the last 28 days, today included). */
final class ReportViews {

	private ReportViews() {
	}

	/** One table row; rates are fractions (0.05 = 5 %), null when nothing was sold or paid. */
	record RowView(String key, String name, String detail, long requests, long units, long soldUnits, Double unitRate,
			long refundedFen, long paidFen, Double amountRate, long replacedFen, long quick, long rejected,
			long withdrawn) {

		static RowView of(RefundFigures.Row r) {
			return new RowView(r.key(), r.name(), r.detail(), r.requests(), r.units(), r.soldUnits(), r.unitRate(),
					r.refundedFen(), r.paidFen(), r.amountRate(), r.replacedFen(), r.quick(), r.rejected(), r.withdrawn());
		}

		static List<RowView> of(List<RefundFigures.Row> rows) {
			return rows.stream().map(RowView::of).toList();
		}
	}

	/** The summary tiles. */
	record SummaryView(long requests, long units, long soldUnits, Double unitRate, long refundedFen, long paidFen,
			Double amountRate, long replacedFen, long rejected, long withdrawn, Double quickShare,
			Long medianDecisionSeconds) {

		static SummaryView of(RefundFigures.Summary s) {
			var t = s.total();
			return new SummaryView(t.requests(), t.units(), t.soldUnits(), t.unitRate(), t.refundedFen(), t.paidFen(),
					t.amountRate(), t.replacedFen(), t.rejected(), t.withdrawn(), s.quickShare(), s.medianDecisionSeconds());
		}
	}

	record ReportView(long regionId, String regionName, LocalDate from, LocalDate to, SummaryView summary,
			List<RowView> products, List<RowView> topProducts, long topMinUnits, List<RowView> suppliers,
			List<RowView> leaders, List<RowView> reasons, List<RowView> days) {

		static ReportView of(RefundFigures f) {
			return new ReportView(f.regionId(), f.regionName(), f.from(), f.to(), SummaryView.of(f.summary()),
					RowView.of(f.products()), RowView.of(f.topProducts()), f.minUnits(), RowView.of(f.suppliers()),
					RowView.of(f.leaders()), RowView.of(f.reasons()), RowView.of(f.days()));
		}
	}

	record CheckView(LocalDate day, boolean ran, int regions, List<QualityAlerts.Alert> raised) {
	}

	/** The period asked for, or the last 28 days up to today in the region's zone. */
	static LocalDate[] period(RegionManagement regions, Clock clock, Long regionId, LocalDate from, LocalDate to) {
		LocalDate today = regionId == null ? LocalDate.now(clock)
				: LocalDate.ofInstant(clock.instant(), regions.getRegion(new RegionId(regionId)).zone());
		LocalDate end = to != null ? to : today;
		LocalDate start = from != null ? from : end.minusDays(27);
		return new LocalDate[] { start, end };
	}
}
