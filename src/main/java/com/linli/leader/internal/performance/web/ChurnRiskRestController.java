package com.linli.leader.internal.performance.web;

import java.time.Instant;
import java.util.List;

import com.linli.identity.Actor;
import com.linli.leader.LeaderChurnRisk;
import com.linli.leader.LeaderChurnRisk.Risk;
import com.linli.leader.LeaderId;
import com.linli.leader.PerformancePeriod;
import com.linli.leader.internal.performance.PerformanceQueries.Signal;
import com.linli.network.RegionId;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Text;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Leaders' churn risk: the scores of a region's leaders with the reasons, and the competitor signals operators record. */
@RestController
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
@Tag(name = "leader churn risk", description = "Leaders at risk of leaving (团长流失预警)")
class ChurnRiskRestController {

	private final LeaderChurnRisk churn;

	private final MessageSource messages;

	ChurnRiskRestController(LeaderChurnRisk churn, MessageSource messages) {
		this.churn = churn;
		this.messages = messages;
	}

	record RiskView(long leaderId, String leaderName, String pickupPointName, int score, boolean alert,
			List<String> reasons, long recentSalesFen, long previousSalesFen, long recentCustomers,
			long previousCustomers, long recentComplaints, long previousComplaints, long signals) {
	}

	record SignalRequest(String note) {
	}

	record SignalView(long id, long leaderId, String note, Instant recordedAt, Long recordedBy) {

		static SignalView of(Signal s) {
			return new SignalView(s.id(), s.leaderId().value(), s.note(), s.recordedAt(), s.recordedBy());
		}
	}

	@GetMapping("/api/admin/leaders/churn-risk")
	@Operation(summary = "A region's leaders by churn-risk score (last 28 days against the 28 before, complaints, competitor signals), riskiest first, with the reasons")
	List<RiskView> risks(@RequestParam(required = false) Long regionId,
			@Parameter(description = "yyyy-MM-dd, the last day of the window (default today)") @RequestParam(required = false) String date,
			@Parameter(description = "only the leaders to call") @RequestParam(defaultValue = "false") boolean alertsOnly,
			Actor actor) {
		if (regionId == null) {
			throw new InvalidInputException("regionId", Text.of("leader.problem.performanceRegion"));
		}
		actor.checkRegion(regionId);
		var asOf = PerformancePeriod.parseDate(date, null);
		var region = new RegionId(regionId);
		var risks = alertsOnly ? churn.alerts(actor, region, asOf) : churn.risks(actor, region, asOf);
		return risks.stream().map(this::view).toList();
	}

	@PostMapping("/api/admin/leaders/{id}/competitor-signals")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record a competitor signal about a leader (a rival's recruiting, posts in their chat, a better offer)")
	SignalView record(@PathVariable long id, @RequestBody(required = false) SignalRequest request, Actor actor) {
		return SignalView.of(churn.recordSignal(actor, new LeaderId(id), request == null ? null : request.note()));
	}

	@GetMapping("/api/admin/leaders/{id}/competitor-signals")
	@Operation(summary = "The competitor signals recorded about a leader, latest first")
	List<SignalView> signals(@PathVariable long id, Actor actor) {
		return churn.signals(actor, new LeaderId(id)).stream().map(SignalView::of).toList();
	}

	private RiskView view(Risk r) {
		var locale = LocaleContextHolder.getLocale();
		return new RiskView(r.leaderId().value(), r.leaderName(), r.pickupPointName(), r.score(), r.alert(),
				r.reasons().stream().map(t -> messages.getMessage(t, locale)).toList(), r.recentSalesFen(),
				r.previousSalesFen(), r.recentCustomers(), r.previousCustomers(), r.recentComplaints(),
				r.previousComplaints(), r.signals());
	}
}
