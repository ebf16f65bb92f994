package com.linli.risk.internal.web;

import java.time.Instant;
import java.util.List;

import com.linli.identity.Actor;
import com.linli.risk.CaseStatus;
import com.linli.risk.EvaluationOutcome;
import com.linli.risk.RiskCase;
import com.linli.risk.RiskManagement;
import com.linli.risk.RiskOverviewManagement;
import com.linli.shared.Text;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Risk control for operators of the region and the admin: cases with evidence, decisions, supplier and fund risk. */
@RestController
@RequestMapping("/api/risk")
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
@Tag(name = "risk", description = "Risk control (风控): fraud cases with evidence, holds, clear/confirm/block")
class RiskRestController {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final RiskManagement risk;

	private final RiskOverviewManagement overview;

	RiskRestController(RiskManagement risk, RiskOverviewManagement overview) {
		this.risk = risk;
		this.overview = overview;
	}

	record CaseView(long id, long regionId, String subjectKind, String subjectKey, String subject, String status,
			int score, String rule, Instant openedAt, Instant decidedAt, Long decidedBy, String note, Instant blockedAt) {

		static CaseView of(RiskCase c) {
			return new CaseView(c.id(), c.regionId(), c.subjectKind().name(), c.subjectKey(), c.subjectLabel(),
					c.status().name(), c.score(), c.topRule().name(), c.openedAt(), c.decidedAt(), c.decidedBy(),
					c.decisionNote(), c.blockedAt());
		}
	}

	record FlagView(String rule, int score, String summary, String summaryCode, JsonNode evidence, Instant firstSeenAt,
			Instant lastSeenAt) {
	}

	record CaseDetailView(CaseView riskCase, List<FlagView> flags, List<RiskManagement.HeldAccount> accounts) {
	}

	record CaseListView(List<CaseView> cases, long total) {
	}

	record Decision(String note) {
	}

	@GetMapping("/cases")
	@Operation(summary = "Risk cases of the caller's regions (or one region), open first, highest score first; "
			+ "filter by status OPEN, CONFIRMED or CLEARED")
	CaseListView cases(@RequestParam(required = false) Long regionId, @RequestParam(required = false) CaseStatus status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, Actor actor) {
		var list = risk.cases(actor, regionId, status, page, size);
		return new CaseListView(list.cases().stream().map(CaseView::of).toList(), list.total());
	}

	@GetMapping("/cases/{caseId}")
	@Operation(summary = "One case with its flags (rule, score, evidence: accounts, devices, orders, amounts) and "
			+ "the accounts it holds")
	CaseDetailView get(@PathVariable long caseId, Actor actor) {
		var d = risk.get(actor, caseId);
		return new CaseDetailView(CaseView.of(d.riskCase()), d.flags().stream().map(f -> {
			var text = Text.fromStored(f.summary());
			return new FlagView(f.rule().name(), f.score(), text.inReadersLanguage(), text.code(),
					JSON.readTree(f.evidenceJson()), f.firstSeenAt(), f.lastSeenAt());
		}).toList(), d.accounts());
	}

	@PostMapping("/cases/{caseId}/clear")
	@Operation(summary = "Clear an open case: its holds on payouts and coupon use are released, postponed referral "
			+ "rewards decided; 409 when it was decided already")
	CaseView clear(@PathVariable long caseId, @RequestBody(required = false) Decision body, Actor actor) {
		return CaseView.of(risk.clear(actor, caseId, body == null ? null : body.note()));
	}

	@PostMapping("/cases/{caseId}/confirm")
	@Operation(summary = "Confirm an open case: its holds stay (forfeited); 409 when it was decided already")
	CaseView confirm(@PathVariable long caseId, @RequestBody(required = false) Decision body, Actor actor) {
		return CaseView.of(risk.confirm(actor, caseId, body == null ? null : body.note()));
	}

	@PostMapping("/cases/{caseId}/block")
	@Operation(summary = "Block the accounts of a confirmed case through identity (staff accounts are skipped)")
	RiskManagement.BlockOutcome block(@PathVariable long caseId, Actor actor) {
		return risk.block(actor, caseId);
	}

	@PostMapping("/evaluations")
	@Operation(summary = "Run the fraud rules over a region now (the hourly job runs them for every region)")
	EvaluationOutcome evaluate(@RequestParam long regionId, Actor actor) {
		return risk.evaluate(actor, regionId);
	}

	/** Fund risk in fen (refundsPendingFen null: no source yet). */
	record FundView(long regionId, int windowDays, long netPaidFen, int reservePercent, long reserveFen,
			long withdrawalsRequestedFen, long withdrawalsApprovedFen, long referralRewardsPending, Long refundsPendingFen,
			long uncoveredFen) {
	}

	@GetMapping("/funds")
	@Operation(summary = "Fund risk of a region: the reserve (a configured share of net takings: paid − refunded; "
			+ "the margin is not available yet) beside withdrawals and referral rewards pending")
	FundView funds(@RequestParam long regionId, Actor actor) {
		var f = overview.funds(actor, regionId);
		return new FundView(f.regionId(), f.windowDays(), f.netPaid().fen(), f.reservePercent(), f.reserve().fen(),
				f.withdrawalsRequested().fen(), f.withdrawalsApproved().fen(), f.referralRewardsPending(),
				f.refundsPending() == null ? null : f.refundsPending().fen(), f.uncovered().fen());
	}

	@GetMapping("/suppliers")
	@Operation(summary = "Supplier risk (suppliers serve every region): qualifications expiring soon, scores falling "
			+ "month on month")
	List<RiskOverviewManagement.SupplierRisk> suppliers(Actor actor) {
		return overview.suppliers(actor);
	}
}
