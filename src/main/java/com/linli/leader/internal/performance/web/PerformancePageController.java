package com.linli.leader.internal.performance.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import com.linli.identity.Actor;
import com.linli.leader.LeaderId;
import com.linli.leader.LeaderPerformance;
import com.linli.leader.LeaderPerformanceManagement;
import com.linli.leader.LeaderPerformanceManagement.RegionPerformance;
import com.linli.leader.PerformanceFigure;
import com.linli.leader.PerformancePeriod;
import com.linli.network.Region;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import com.linli.shared.export.Spreadsheets;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Performance pages: the console's ranking of a region's leaders (period, date, sortable, Excel), the monthly review
 * of one leader for the operator's talk with them, and the leader's own dashboard on the phone.
 */
@Controller
class PerformancePageController {

	private final LeaderPerformanceManagement performance;

	private final RegionManagement regions;

	private final MessageSource messages;

	PerformancePageController(LeaderPerformanceManagement performance, RegionManagement regions,
			MessageSource messages) {
		this.performance = performance;
		this.regions = regions;
		this.messages = messages;
	}

	@GetMapping("/console/leaders/performance")
	String ranking(@RequestParam(required = false) Long regionId, @RequestParam(required = false) String period,
			@RequestParam(required = false) String date, @RequestParam(required = false) String sort, Actor actor,
			Model model) {
		List<Region> managed = regions.regions().stream().filter(r -> actor.worksIn(r.id().value())).toList();
		model.addAttribute("regions", managed);
		model.addAttribute("periods", PerformancePeriod.values());
		model.addAttribute("figures", PerformanceFigure.values());
		Long shown = regionId != null ? regionId : managed.isEmpty() ? null : managed.get(0).id().value();
		model.addAttribute("regionId", shown);
		if (shown == null) {
			return "leader/performance-console";
		}
		try {
			var ranking = ranking(actor, shown, period, date, sort);
			model.addAttribute("ranking", ranking);
			model.addAttribute("rows", ranking.leaders().stream().map(PerformancePageController::row).toList());
			model.addAttribute("chartNames", ranking.leaders().stream().map(LeaderPerformance::leaderName).toList());
			model.addAttribute("chartSales", ranking.leaders().stream().map(p -> p.salesFen() / 100.0).toList());
			model.addAttribute("chartOrders", ranking.leaders().stream().map(LeaderPerformance::orders).toList());
			model.addAttribute("period", ranking.period());
			model.addAttribute("date", ranking.from());
			model.addAttribute("sort", ranking.rankedBy());
		}
		catch (InvalidInputException e) {
			model.addAttribute("inputError", messages.getMessage(e.text(), LocaleContextHolder.getLocale()));
			model.addAttribute("period", PerformancePeriod.WEEK);
			model.addAttribute("sort", PerformanceFigure.SALES);
		}
		return "leader/performance-console";
	}

	@GetMapping("/console/leaders/performance.xlsx")
	ResponseEntity<byte[]> export(@RequestParam Long regionId, @RequestParam(required = false) String period,
			@RequestParam(required = false) String date, @RequestParam(required = false) String sort, Actor actor) {
		RegionPerformance ranking = ranking(actor, regionId, period, date, sort);
		Locale locale = LocaleContextHolder.getLocale();
		String title = messages.getMessage("leader.performance.title", null, locale);
		PerformanceFigure[] figures = PerformanceFigure.values();
		byte[] body = Spreadsheets.write(workbook -> {
			var ws = workbook.newWorksheet(Spreadsheets.sheetName(title));
			String[] header = new String[figures.length + 3];
			header[0] = messages.getMessage("leader.performance.rank", null, locale);
			header[1] = messages.getMessage("leader.performance.leader", null, locale);
			header[2] = messages.getMessage("leader.performance.point", null, locale);
			for (int i = 0; i < figures.length; i++) {
				header[i + 3] = messages.getMessage(figures[i].labelKey(), null, locale);
			}
			Spreadsheets.header(ws, 0, header);
			int row = 1;
			for (LeaderPerformance p : ranking.leaders()) {
				ws.value(row, 0, p.rank());
				ws.value(row, 1, p.leaderName());
				ws.value(row, 2, p.pickupPointName());
				for (int i = 0; i < figures.length; i++) {
					Double v = figures[i].of(p);
					if (v != null) {
						ws.value(row, i + 3, money(figures[i]) ? v / 100 : v);
					}
				}
				row++;
			}
			Spreadsheets.widths(ws, 6, 14, 20);
		});
		return Spreadsheets.file(body, "leader-performance-" + ranking.regionId() + "-" + ranking.period().name()
				.toLowerCase(Locale.ROOT) + "-" + ranking.from() + ".xlsx", Spreadsheets.XLSX);
	}

	@GetMapping("/console/leaders/{id}/review")
	String review(@PathVariable long id, @RequestParam(required = false) String month, Actor actor, Model model) {
		var review = performance.review(actor, new LeaderId(id), PerformanceRestController.parseMonth(month));
		model.addAttribute("review", review);
		model.addAttribute("lines", review.lines().stream()
			.map(l -> new ReviewRow(l.figure(), format(l.figure(), l.value()), format(l.figure(), l.previous()),
					format(l.figure(), l.regionMedian()), arrow(l)))
			.toList());
		var trend = performance.leader(actor, new LeaderId(id), PerformancePeriod.MONTH, review.month().atDay(1));
		trend(model, trend.trend(), "yyyy-MM");
		return "leader/performance-review";
	}

	@GetMapping("/leader/performance")
	String dashboard(Actor actor, Model model) {
		var dashboard = performance.dashboard(actor);
		model.addAttribute("dashboard", dashboard);
		model.addAttribute("month", row(dashboard.month()));
		model.addAttribute("figures", PerformanceFigure.values());
		model.addAttribute("commissionToday", "¥" + yuan(dashboard.commissionTodayFen()));
		model.addAttribute("commissionMonth", "¥" + yuan(dashboard.commissionMonthFen()));
		trend(model, dashboard.trend(), "MM-dd");
		return "leader/performance-dashboard";
	}

	private static void trend(Model model, List<LeaderPerformanceManagement.TrendPoint> trend, String pattern) {
		var format = java.time.format.DateTimeFormatter.ofPattern(pattern);
		model.addAttribute("trendLabels", trend.stream().map(t -> t.from().format(format)).toList());
		model.addAttribute("trendSales", trend.stream().map(t -> t.salesFen() / 100.0).toList());
		model.addAttribute("trendOrders", trend.stream().map(LeaderPerformanceManagement.TrendPoint::orders).toList());
	}

	private RegionPerformance ranking(Actor actor, long regionId, String period, String date, String sort) {
		RegionId region = new RegionId(regionId);
		actor.checkRegion(regionId);
		var p = PerformancePeriod.parse(period, PerformancePeriod.WEEK);
		LocalDate day = PerformancePeriod.parseDate(date, null);
		return performance.region(actor, region, p, day == null ? performance.today(region) : day,
				PerformanceFigure.parse(sort));
	}

	/** A ranking row: the figures formatted in the order of {@link PerformanceFigure#values()}. */
	record Row(int rank, long leaderId, String leaderName, String pickupPointName, String status, List<String> cells) {
	}

	/** A line of the review: this month, the month before, the region's median; {@code trend} up, down or same. */
	record ReviewRow(PerformanceFigure figure, String value, String previous, String median, String trend) {
	}

	static Row row(LeaderPerformance p) {
		return new Row(p.rank(), p.leaderId().value(), p.leaderName(), p.pickupPointName(), p.status().name(),
				java.util.Arrays.stream(PerformanceFigure.values()).map(f -> format(f, f.of(p))).toList());
	}

	static String arrow(LeaderPerformanceManagement.ReviewLine line) {
		if (line.value() == null || line.previous() == null) {
			return "none";
		}
		if (line.value().equals(line.previous())) {
			return "same";
		}
		boolean up = line.value() > line.previous();
		return up == line.figure().higherIsBetter() ? "better" : "worse";
	}

	/** A figure's value as shown: yuan for money, a percentage for rates, two decimals for stars; none: "–". */
	static String format(PerformanceFigure figure, Double value) {
		if (value == null) {
			return "–";
		}
		return switch (figure) {
			case SALES, AVERAGE_ORDER, COMMISSION -> "¥" + yuan(Math.round(value));
			case REPURCHASE_RATE, ON_TIME_RECEIPT_RATE, COLLECTED_WITHIN_DAY_RATE, COMPLAINT_RATE ->
				String.format(Locale.ROOT, "%.1f%%", value);
			case RATING -> String.format(Locale.ROOT, "%.2f", value);
			default -> value % 1 == 0 ? Long.toString(value.longValue()) : String.format(Locale.ROOT, "%.1f", value);
		};
	}

	static boolean money(PerformanceFigure figure) {
		return figure == PerformanceFigure.SALES || figure == PerformanceFigure.AVERAGE_ORDER
				|| figure == PerformanceFigure.COMMISSION;
	}

	/** Yuan with two decimals for fen. */
	static String yuan(long fen) {
		return Money.ofFen(fen).yuan().toPlainString();
	}
}
