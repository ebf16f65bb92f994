package com.linli.analytics.internal.web;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.linli.analytics.internal.dashboard.Dashboard;
import com.linli.analytics.internal.dashboard.DashboardView;
import com.linli.analytics.internal.dashboard.DashboardWorkbooks;
import com.linli.analytics.internal.dashboard.MetricFormat;
import com.linli.analytics.internal.metrics.Metrics;
import com.linli.analytics.internal.metrics.Period;
import com.linli.analytics.internal.metrics.PeriodKind;
import com.linli.identity.Actor;
import com.linli.network.Region;
import com.linli.shared.ConsoleFigures;
import com.linli.shared.export.Spreadsheets;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The operator console's home: the operations dashboard of a region and a period (compared with the previous
 * period and the same period last year, a trend per metric), each number a link to the list behind it, both
 * exported to Excel; above it the modules' headline figures as a compact strip.
 */
@Controller
class ConsoleHomePageController {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<ConsoleFigures> contributors;

	private final Dashboard dashboard;

	private final Metrics metrics;

	private final DashboardRequests requests;

	private final DashboardWorkbooks workbooks;

	private final MetricFormat format;

	ConsoleHomePageController(List<ConsoleFigures> contributors, Dashboard dashboard, Metrics metrics,
			DashboardRequests requests, DashboardWorkbooks workbooks, MetricFormat format) {
		this.format = format;
		this.contributors = contributors;
		this.dashboard = dashboard;
		this.metrics = metrics;
		this.requests = requests;
		this.workbooks = workbooks;
	}

	@GetMapping("/console")
	String home(Actor actor, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String date,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		Region region = requests.region(actor, regionId);
		LocalDate day = requests.date(date);
		Period period = Period.containing(requests.kind(kind), day);
		model.addAttribute("date", day);
		model.addAttribute("regions", requests.regionsOf(actor));
		model.addAttribute("region", region);
		model.addAttribute("period", period);
		model.addAttribute("kinds", PeriodKind.values());
		if (region != null) {
			DashboardView view = dashboard.view(region.id(), period);
			model.addAttribute("view", view);
			model.addAttribute("trendLabels", json(view.trend().stream().map(p -> label(p)).toList()));
			Map<String, String> trends = new HashMap<>();
			view.lines().forEach(l -> trends.put(l.metric().key(), format.json(l.trend())));
			model.addAttribute("trends", trends);
		}
		if (htmx != null) {
			return "analytics/home :: dashboard";
		}
		var scope = actor.regions().asFilter();
		model.addAttribute("figures", contributors.stream().flatMap(c -> c.figures(scope).stream())
			.sorted(Comparator.comparingInt(ConsoleFigures.Figure::order)).toList());
		return "analytics/home";
	}

	@GetMapping("/console/analytics/dashboard.xlsx")
	ResponseEntity<byte[]> dashboardWorkbook(Actor actor, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String date) {
		Region region = requests.region(actor, regionId);
		if (region == null) {
			throw new AccessDeniedException("no region");
		}
		Period period = requests.period(kind, date);
		Locale locale = LocaleContextHolder.getLocale();
		byte[] body = workbooks.dashboard(dashboard.view(region.id(), period), region.name(), locale);
		return Spreadsheets.file(body, "dashboard-" + region.name() + "-" + period.kind().name().toLowerCase(Locale.ROOT)
				+ "-" + period.start() + ".xlsx", Spreadsheets.XLSX);
	}

	@GetMapping("/console/analytics/drill")
	String drill(Actor actor, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) String metric, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String date, Model model) {
		Region region = requests.region(actor, regionId);
		if (region == null) {
			throw new AccessDeniedException("no region");
		}
		var m = requests.metric(metric);
		Period period = requests.period(kind, date);
		model.addAttribute("region", region);
		model.addAttribute("metric", m);
		model.addAttribute("period", period);
		model.addAttribute("value", metrics.values(region.id(), m.key(), List.of(period)).get(period));
		model.addAttribute("drill", metrics.drill(m.key(), region.id(), period));
		return "analytics/drill";
	}

	@GetMapping("/console/analytics/drill.xlsx")
	ResponseEntity<byte[]> drillWorkbook(Actor actor, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) String metric, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String date) {
		Region region = requests.region(actor, regionId);
		if (region == null) {
			throw new AccessDeniedException("no region");
		}
		var m = requests.metric(metric);
		Period period = requests.period(kind, date);
		Locale locale = LocaleContextHolder.getLocale();
		byte[] body = workbooks.drill(m, period, metrics.drill(m.key(), region.id(), period), region.name(), locale);
		return Spreadsheets.file(body, m.key() + "-" + region.name() + "-" + period.start() + ".xlsx", Spreadsheets.XLSX);
	}

	private static String label(Period p) {
		return switch (p.kind()) {
			case DAY, WEEK -> p.start().getMonthValue() + "-" + p.start().getDayOfMonth();
			case MONTH -> p.start().getYear() % 100 + "/" + p.start().getMonthValue();
			case QUARTER -> p.start().getYear() % 100 + "Q" + ((p.start().getMonthValue() - 1) / 3 + 1);
		};
	}

	private static String json(Object value) {
		return JSON.writeValueAsString(value);
	}
}
