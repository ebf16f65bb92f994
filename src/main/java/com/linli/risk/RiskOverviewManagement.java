package com.linli.risk;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.linli.identity.Actor;
import com.linli.leader.WithdrawalManagement;
import com.linli.leader.WithdrawalStatus;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.ordering.OrderRiskFigures;
import com.linli.ordering.OrderRiskFigures.OrderTrace;
import com.linli.risk.internal.rules.RegionSignals;
import com.linli.risk.internal.rules.RiskProperties;
import com.linli.shared.Money;
import com.linli.shared.SupplierDirectory;
import com.linli.supply.QualificationManagement;
import com.linli.supply.ScorePeriod;
import com.linli.supply.Scorecard;
import com.linli.supply.ScorecardManagement;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supplier risk (qualifications about to expire, scores falling month on month) and fund risk (a reserve as a
 * configured share of the region's net takings beside what is waiting to be paid out) for the risk page and API.
 * The margin is not available to risk yet: the reserve's base is what residents paid less what was refunded over
 * the rules' window, and the page says so. A category's purchase share per supplier (concentration) has no source
 * in supply's API yet and is answered as absent.
 */
@Service
@Transactional(readOnly = true)
public class RiskOverviewManagement {

	private final RiskProperties properties;

	private final OrderRiskFigures orders;

	private final WithdrawalManagement withdrawals;

	private final RegionSignals signals;

	private final SupplierDirectory suppliers;

	private final QualificationManagement qualifications;

	private final ScorecardManagement scorecards;

	private final RegionManagement regions;

	private final Clock clock;

	RiskOverviewManagement(RiskProperties properties, OrderRiskFigures orders, WithdrawalManagement withdrawals,
			RegionSignals signals, SupplierDirectory suppliers, QualificationManagement qualifications,
			ScorecardManagement scorecards, RegionManagement regions, Clock clock) {
		this.properties = properties;
		this.orders = orders;
		this.withdrawals = withdrawals;
		this.signals = signals;
		this.suppliers = suppliers;
		this.qualifications = qualifications;
		this.scorecards = scorecards;
		this.regions = regions;
		this.clock = clock;
	}

	/**
	 * The region's fund risk: net takings of the window (paid − refunded), the reserve (its configured share),
	 * withdrawals requested and approved but not paid, referral rewards pending (bindings waiting for a decision;
	 * their value is a coupon or points, not money, so they are counted), and refunds pending (null: no source).
	 */
	public record FundRisk(long regionId, int windowDays, Money netPaid, int reservePercent, Money reserve,
			Money withdrawalsRequested, Money withdrawalsApproved, long referralRewardsPending, Money refundsPending,
			Money uncovered) {
	}

	public FundRisk funds(Actor actor, long regionId) {
		actor.checkRegion(regionId);
		var region = new RegionId(regionId);
		var now = clock.instant();
		List<OrderTrace> recent = orders.placedSince(region, now.minus(Duration.ofDays(properties.windowDays())), 1_000_000);
		long net = recent.stream().mapToLong(o -> o.paidFen() - o.refundedFen()).sum();
		long reserve = net * properties.reservePercent() / 100;
		Money requested = withdrawals.total(actor, regionId, WithdrawalStatus.REQUESTED, null);
		Money approved = withdrawals.total(actor, regionId, WithdrawalStatus.APPROVED, null);
		long pending = signals.gather(region, now, Duration.ofDays(properties.windowDays())).referrals().stream()
			.filter(r -> r.status().equals("BOUND")).count();
		long uncovered = Math.max(0, requested.fen() + approved.fen() - reserve);
		return new FundRisk(regionId, properties.windowDays(), Money.ofFen(net), properties.reservePercent(),
				Money.ofFen(reserve), requested, approved, pending, null, Money.ofFen(uncovered));
	}

	/** A supplier's risk: its kind (QUALIFICATION_EXPIRING, SCORE_FALLING), what and when. */
	public record SupplierRisk(long supplierId, String supplierName, String kind, String detail, LocalDate until,
			Double score, Double previousScore) {
	}

	/** Suppliers (they serve every region) with a qualification expiring soon or a score falling month on month. */
	public List<SupplierRisk> suppliers(Actor actor) {
		if (!actor.isAdmin() && !actor.hasRole(com.linli.identity.Role.OPERATOR)) {
			throw new org.springframework.security.access.AccessDeniedException("staff only");
		}
		LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai")));
		List<SupplierRisk> risks = new ArrayList<>();
		for (var s : suppliers.all()) {
			for (var q : qualifications.qualifications(s.id())) {
				if (!q.validUntil().isAfter(today.plusDays(properties.qualificationDays()))) {
					risks.add(new SupplierRisk(s.id().value(), s.name(), "QUALIFICATION_EXPIRING",
							q.kind() + " " + q.licenceNo(), q.validUntil(), null, null));
				}
			}
		}
		LocalDate lastMonth = ScorePeriod.MONTH.previous(ScorePeriod.MONTH.start(today));
		Map<Long, Double> before = new HashMap<>();
		for (Scorecard c : scorecards.ranking(ScorePeriod.MONTH, ScorePeriod.MONTH.previous(lastMonth))) {
			if (c.score() != null) {
				before.put(c.supplierId().value(), c.score());
			}
		}
		for (Scorecard c : scorecards.ranking(ScorePeriod.MONTH, lastMonth)) {
			Double previous = before.get(c.supplierId().value());
			if (c.score() != null && previous != null && previous - c.score() > properties.supplierScoreDrop()) {
				risks.add(new SupplierRisk(c.supplierId().value(), c.supplierName(), "SCORE_FALLING", c.period(), null,
						c.score(), previous));
			}
		}
		return risks;
	}

	/** The regions the actor works in, for the page's switcher. */
	public List<com.linli.network.Region> regions(Actor actor) {
		return regions.regions().stream().filter(r -> actor.worksIn(r.id().value())).toList();
	}
}
