package com.linli.analytics.internal.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.linli.analytics.internal.dashboard.Dashboard;
import com.linli.analytics.internal.dashboard.DashboardView;
import com.linli.analytics.internal.metrics.Dimension;
import com.linli.analytics.internal.metrics.Drill;
import com.linli.analytics.internal.metrics.Metric;
import com.linli.analytics.internal.metrics.MetricUnit;
import com.linli.analytics.internal.metrics.Metrics;
import com.linli.analytics.internal.metrics.Period;
import com.linli.analytics.internal.metrics.PeriodKind;
import com.linli.identity.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The operations dashboard, its metric catalogue and the list behind a number, for staff of the region. */
@RestController
@RequestMapping("/api/analytics")
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
@Tag(name = "analytics dashboard", description = "运营看板: every metric of a region in a day, week, month or quarter, "
		+ "compared with the previous period and the same period last year, with a trend; the list behind a number")
class AnalyticsRestController {

	private final Dashboard dashboard;

	private final Metrics metrics;

	private final DashboardRequests requests;

	private final MessageSource messages;

	AnalyticsRestController(Dashboard dashboard, Metrics metrics, DashboardRequests requests, MessageSource messages) {
		this.dashboard = dashboard;
		this.metrics = metrics;
		this.requests = requests;
		this.messages = messages;
	}

	/** A period: its kind, first and last day (inclusive). */
	record PeriodJson(PeriodKind kind, LocalDate start, LocalDate last) {

		static PeriodJson of(Period p) {
			return new PeriodJson(p.kind(), p.start(), p.last());
		}
	}

	/** A metric of the catalogue. */
	record MetricJson(String key, Dimension dimension, MetricUnit unit, boolean higherIsBetter, String label,
			String help) {
	}

	/**
	 * One metric on the dashboard: values ({@code null} = no source or no data: shown "—", see {@code missing}),
	 * changes as fractions of the earlier value, and the trend over {@code DashboardJson.trend}.
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record LineJson(String key, Dimension dimension, MetricUnit unit, boolean higherIsBetter, String label,
			Double value, Double previous, Double change, Double lastYear, Double changeLastYear, List<Double> trend,
			String missing) {
	}

	record DashboardJson(long regionId, PeriodJson period, PeriodJson previous, PeriodJson lastYear,
			List<PeriodJson> trend, List<LineJson> metrics) {
	}

	record ColumnJson(String key, String label, MetricUnit unit) {
	}

	@JsonInclude(JsonInclude.Include.ALWAYS)
	record DrillJson(String metric, String label, long regionId, PeriodJson period, Double value,
			List<ColumnJson> columns, List<List<Object>> rows) {
	}

	@GetMapping("/dashboard")
	@Operation(summary = "The dashboard of a region for the period of a kind that holds a date",
			description = "One value per metric for the period, the previous period and the same period last year (the "
					+ "same dates; for a week the ISO week 52 weeks back), changes as fractions ((value - earlier) ÷ "
					+ "earlier; null when either is absent or the earlier is 0) and a trend of the last 12 periods "
					+ "(oldest first, null where absent). Money in fen, ratios as fractions. 400 naming kind or date "
					+ "when unreadable; 403 outside the operator's regions.")
	DashboardJson dashboard(Actor actor,
			@Parameter(description = "the region") @RequestParam(required = false) Long regionId,
			@Parameter(description = "DAY, WEEK, MONTH or QUARTER (default WEEK)") @RequestParam(required = false) String kind,
			@Parameter(description = "a day of the period, yyyy-MM-dd (default today)") @RequestParam(required = false) String date) {
		var region = requests.requiredRegion(actor, regionId);
		Period period = requests.period(kind, date);
		DashboardView view = dashboard.view(region.id(), period);
		Locale locale = LocaleContextHolder.getLocale();
		List<LineJson> lines = new ArrayList<>();
		for (var line : view.lines()) {
			Metric m = line.metric();
			lines.add(new LineJson(m.key(), m.dimension(), m.unit(), m.higherIsBetter(), label(m, locale), line.value(),
					line.previous(), line.change(), line.lastYear(), line.changeLastYear(), line.trend(),
					line.value() == null ? missing(m, locale) : null));
		}
		return new DashboardJson(region.id().value(), PeriodJson.of(view.period()), PeriodJson.of(view.previous()),
				PeriodJson.of(view.lastYear()), view.trend().stream().map(PeriodJson::of).toList(), lines);
	}

	@GetMapping("/metrics")
	@Operation(summary = "The metric catalogue", description = "Every metric some source computes, grouped by "
			+ "dimension in display order, with its unit, whether higher is better, label and how it is computed.")
	List<MetricJson> metrics() {
		Locale locale = LocaleContextHolder.getLocale();
		return metrics.all().stream().map(m -> new MetricJson(m.key(), m.dimension(), m.unit(), m.higherIsBetter(),
				label(m, locale), messages.getMessage(m.labelKey() + ".help", null, "", locale))).toList();
	}

	@GetMapping("/drill")
	@Operation(summary = "The list behind one number of the dashboard",
			description = "Columns (key, label, unit: money cells in fen, ratios as fractions) and rows of the metric's "
					+ "list for the region and period. 404 for an unknown metric; 400 naming kind or date; 403 outside "
					+ "the operator's regions.")
	DrillJson drill(Actor actor, @Parameter(description = "the metric's key, e.g. sales.gmv") @RequestParam(required = false) String metric,
			@RequestParam(required = false) Long regionId, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String date) {
		var region = requests.requiredRegion(actor, regionId);
		Metric m = requests.metric(metric);
		Period period = requests.period(kind, date);
		Locale locale = LocaleContextHolder.getLocale();
		Drill drill = metrics.drill(m.key(), region.id(), period);
		List<ColumnJson> columns = new ArrayList<>();
		for (int c = 0; c < drill.columnKeys().size(); c++) {
			String key = drill.columnKeys().get(c);
			columns.add(new ColumnJson(key, messages.getMessage(key, null, key, locale), drill.units().get(c)));
		}
		Double value = metrics.values(region.id(), m.key(), List.of(period)).get(period);
		return new DrillJson(m.key(), label(m, locale), region.id().value(), PeriodJson.of(period), value, columns,
				drill.rows());
	}

	private String label(Metric m, Locale locale) {
		return messages.getMessage(m.labelKey(), null, m.key(), locale);
	}

	private String missing(Metric m, Locale locale) {
		return messages.getMessage(m.labelKey() + ".missing", null,
				messages.getMessage("analytics.dashboard.missing", null, "", locale), locale);
	}
}
