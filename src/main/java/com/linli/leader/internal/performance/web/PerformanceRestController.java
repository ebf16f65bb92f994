package com.linli.leader.internal.performance.web;

import java.time.YearMonth;

import com.linli.identity.Actor;
import com.linli.leader.LeaderId;
import com.linli.leader.LeaderPerformanceManagement;
import com.linli.leader.PerformanceFigure;
import com.linli.leader.PerformancePeriod;
import com.linli.leader.internal.performance.web.PerformanceViews.DashboardView;
import com.linli.leader.internal.performance.web.PerformanceViews.RankingView;
import com.linli.leader.internal.performance.web.PerformanceViews.ReportView;
import com.linli.leader.internal.performance.web.PerformanceViews.ReviewView;
import com.linli.network.RegionId;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Text;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Leaders' performance and ranking: staff see the leaders of their regions ranked per period and figure, one
 * leader's figures with trend and monthly review; a leader sees their own figures and dashboard.
 */
@RestController
@Tag(name = "leader performance", description = "Leaders' performance figures and ranking (团长业绩与排名)")
class PerformanceRestController {

	private final LeaderPerformanceManagement performance;

	PerformanceRestController(LeaderPerformanceManagement performance) {
		this.performance = performance;
	}

	@GetMapping("/api/admin/leaders/performance")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "A region's leaders ranked by a figure (default sales) over the day, week or month that holds a date (default today)")
	RankingView ranking(@RequestParam(required = false) Long regionId,
			@Parameter(description = "day, week or month (default week)") @RequestParam(required = false) String period,
			@Parameter(description = "yyyy-MM-dd, a day of the period") @RequestParam(required = false) String date,
			@Parameter(description = "sales, orders, customers, new_customers, repurchase_rate, average_order, on_time_receipt_rate, collected_within_day_rate, complaint_rate, rating, commission") @RequestParam(required = false) String sort,
			Actor actor) {
		if (regionId == null) {
			throw new InvalidInputException("regionId", Text.of("leader.problem.performanceRegion"));
		}
		RegionId region = new RegionId(regionId);
		actor.checkRegion(regionId);
		var p = PerformancePeriod.parse(period, PerformancePeriod.WEEK);
		var day = PerformancePeriod.parseDate(date, null);
		var figure = PerformanceFigure.parse(sort);
		return RankingView.of(performance.region(actor, region, p, day == null ? performance.today(region) : day,
				figure));
	}

	@GetMapping("/api/admin/leaders/{id}/performance")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "A leader's figures over a period with their place in the region and the trend of the last 12 periods")
	ReportView leader(@PathVariable long id, @RequestParam(required = false) String period,
			@RequestParam(required = false) String date, Actor actor) {
		var p = PerformancePeriod.parse(period, PerformancePeriod.WEEK);
		return ReportView.of(performance.leader(actor, new LeaderId(id), p, PerformancePeriod.parseDate(date, null)));
	}

	@GetMapping("/api/admin/leaders/{id}/performance/review")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "A leader's monthly review: each figure this month, the month before and the region's median")
	ReviewView review(@PathVariable long id, @Parameter(description = "yyyy-MM (default this month)") @RequestParam(required = false) String month,
			Actor actor) {
		return ReviewView.of(performance.review(actor, new LeaderId(id), parseMonth(month)));
	}

	@GetMapping("/api/leader/performance")
	@PreAuthorize("hasRole('LEADER')")
	@Operation(summary = "The signed-in leader's figures over a period, place in the region and trend")
	ReportView mine(@RequestParam(required = false) String period, @RequestParam(required = false) String date,
			Actor actor) {
		var p = PerformancePeriod.parse(period, PerformancePeriod.WEEK);
		return ReportView.of(performance.mine(actor, p, PerformancePeriod.parseDate(date, null)));
	}

	@GetMapping("/api/leader/performance/dashboard")
	@PreAuthorize("hasRole('LEADER')")
	@Operation(summary = "The signed-in leader's dashboard: today's orders by status, commission today and this month, place in the region this month")
	DashboardView dashboard(Actor actor) {
		return DashboardView.of(performance.dashboard(actor));
	}

	static YearMonth parseMonth(String month) {
		if (month == null || month.isBlank()) {
			return null;
		}
		try {
			return YearMonth.parse(month.trim());
		}
		catch (java.time.format.DateTimeParseException e) {
			throw new InvalidInputException("month", Text.of("leader.problem.performanceMonth", month));
		}
	}
}
