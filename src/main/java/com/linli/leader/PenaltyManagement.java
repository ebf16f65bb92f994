package com.linli.leader;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.linli.identity.Actor;
import com.linli.leader.internal.Leaders;
import com.linli.leader.internal.levels.Penalties;
import com.linli.leader.internal.levels.Penalties.PenaltyLine;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.ordering.PickupPointPerformanceFigures;
import com.linli.ordering.PickupPointPerformanceFigures.PointFigures;
import com.linli.shared.AdminChange;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.NotFoundException;
import com.linli.shared.Page;
import com.linli.shared.SmsSender;
import com.linli.shared.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Penalties of leaders: the nightly rules (no orders for N days, more than K late receipt confirmations in 30 days,
 * complaints over X% of the orders of 30 days) give, escalating over 90 days, a WARNING (in force at once, the
 * leader is told by SMS), then a LOWER_BAND for 30 days (in force at once: accruals use the band table one level
 * lower), then a proposed SUSPENSION an operator confirms. Operators also impose any kind directly with a reason
 * (a SUSPENSION suspends the leader, whose residents are moved: {@link ReassignmentManagement}), confirm or revoke.
 */
@Service
@Transactional(readOnly = true)
public class PenaltyManagement {

	private static final Logger log = LoggerFactory.getLogger(PenaltyManagement.class);

	private static final Duration ESCALATION_WINDOW = Duration.ofDays(90);

	private final Penalties penalties;

	private final Leaders leaders;

	private final LeaderManagement leaderManagement;

	private final ServiceManagement service;

	private final PickupPointPerformanceFigures figures;

	private final RegionManagement regions;

	private final SmsSender sms;

	private final MessageSource messages;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final LocalTime receiptDue;

	PenaltyManagement(Penalties penalties, Leaders leaders, LeaderManagement leaderManagement, ServiceManagement service,
			PickupPointPerformanceFigures figures, RegionManagement regions, SmsSender sms, MessageSource messages,
			ApplicationEventPublisher events, Clock clock,
			@Value("${linli.leader.receipt-due:09:00}") LocalTime receiptDue) {
		this.penalties = penalties;
		this.leaders = leaders;
		this.leaderManagement = leaderManagement;
		this.service = service;
		this.figures = figures;
		this.regions = regions;
		this.sms = sms;
		this.messages = messages;
		this.events = events;
		this.clock = clock;
		this.receiptDue = receiptDue;
	}

	/** What one evaluation did. */
	public record Evaluation(int evaluated, int warnings, int lowerBands, int suspensionsProposed, int expired) {
	}

	/** Penalties of the caller's regions (one region: 403 unless theirs), newest first. */
	public Page<PenaltyLine> list(Actor actor, Long regionId, PenaltyStatus status, int page, int size) {
		if (regionId != null) {
			actor.checkRegion(regionId);
		}
		Set<Long> scope = actor.regionFilter(regionId).idsOrNull();
		return penalties.list(scope, status, page, size);
	}

	/** The signed-in leader's own penalties, newest first. */
	public List<Penalty> mine(Actor actor) {
		var leader = leaderManagement.leaderFor(actor.requireAccount())
			.orElseThrow(() -> new AccessDeniedException("not a leader"));
		return penalties.ofLeader(leader.id(), 50);
	}

	/** A leader's penalties (of the caller's regions), newest first. */
	public List<Penalty> ofLeader(Actor actor, LeaderId id) {
		var leader = leaderManagement.get(id);
		actor.checkRegion(leader.regionId().value());
		return penalties.ofLeader(id, 100);
	}

	/** Whether a penalty of the kind is in force for the leader now. */
	public boolean inForce(LeaderId leader, PenaltyKind kind) {
		return penalties.inForce(leader, kind, clock.instant());
	}

	/**
	 * An operator imposes a penalty at once, with a reason (1 to 300 characters). A SUSPENSION suspends the leader
	 * (409 when they are not active: nothing changes) and moves their residents.
	 */
	@Transactional
	public Penalty impose(Actor actor, LeaderId id, PenaltyKind kind, String reason) {
		if (kind == null) {
			throw new InvalidInputException("kind", Text.of("leader.problem.required"));
		}
		var leader = leaderManagement.get(id);
		actor.checkRegion(leader.regionId().value());
		if (leader.status() == LeaderStatus.CLOSED) {
			throw new BusinessRuleException("leader-closed", "leaderId", Text.of("leader.problem.penaltiesLeaderClosed"));
		}
		Instant now = clock.instant();
		var penalty = penalties.insert(Penalty.create(id, leader.regionId(), kind, PenaltyReason.OPERATOR, reason, true,
				now, actor.name())).orElseThrow();
		takeEffect(actor, leader, penalty);
		events.publishEvent(new AdminChange(actor.actedBy(), "leader.penalty", "leader:" + id,
				kind + " " + penalty.detail()));
		return penalty;
	}

	/** An operator confirms a proposed penalty: it takes effect now. */
	@Transactional
	public Penalty confirm(Actor actor, PenaltyId id) {
		var penalty = get(actor, id);
		var leader = leaderManagement.get(penalty.leaderId());
		var saved = penalties.save(penalty.activate(clock.instant(), actor.name()));
		takeEffect(actor, leader, saved);
		events.publishEvent(new AdminChange(actor.actedBy(), "leader.penalty-confirm", "penalty:" + id, saved.kind().name()));
		return saved;
	}

	/**
	 * An operator revokes a proposed or active penalty with a reason. Revoking a suspension does not reactivate the
	 * leader (that stays the operator's decision on the leader page); the residents moved stay at their new point.
	 */
	@Transactional
	public Penalty revoke(Actor actor, PenaltyId id, String reason) {
		var penalty = get(actor, id);
		var saved = penalties.save(penalty.revoke(reason, clock.instant(), actor.name()));
		events.publishEvent(new AdminChange(actor.actedBy(), "leader.penalty-revoke", "penalty:" + id, saved.revokeReason()));
		return saved;
	}

	public PenaltyRules rules(Actor actor, RegionId region) {
		actor.checkRegion(region.value());
		return penalties.rules(region);
	}

	@Transactional
	public PenaltyRules saveRules(Actor actor, RegionId region, PenaltyRules rules) {
		actor.checkRegion(region.value());
		regions.getRegion(region);
		penalties.saveRules(region, rules, clock.instant());
		events.publishEvent(new AdminChange(actor.actedBy(), "leader.penalty-rules", "region:" + region, rules.toString()));
		return penalties.rules(region);
	}

	/**
	 * The nightly round as at {@code now}: ends the penalties whose time ran out, then applies the rules to every
	 * active leader of the caller's regions. Rerun-safe: an open penalty for the same reason blocks a new one.
	 */
	@Transactional
	public Evaluation evaluate(Actor actor, Instant now) {
		int expired = 0;
		for (var p : penalties.endedBy(now)) {
			if (actor.managesRegion(p.regionId().value())) {
				penalties.save(p.expire(now));
				expired++;
			}
		}
		int evaluated = 0;
		int[] counts = new int[3];
		Map<RegionId, Map<Long, PointFigures>> byRegion = new HashMap<>();
		for (int page = 0;; page++) {
			var batch = leaders.search(new LeaderSearch(null, LeaderStatus.ACTIVE, null, page, 200));
			for (Leader leader : batch.items()) {
				if (!actor.managesRegion(leader.regionId().value())) {
					continue;
				}
				evaluated++;
				ZoneId zone = regions.getRegion(leader.regionId()).zone();
				LocalDate today = LocalDate.ofInstant(now, zone);
				var points = byRegion.computeIfAbsent(leader.regionId(), r -> {
					Map<Long, PointFigures> map = new HashMap<>();
					figures.byPickupPoint(r, today.minusDays(30), today, receiptDue, zone)
						.forEach(f -> map.put(f.pickupPointId(), f));
					return map;
				});
				var pf = points.getOrDefault(leader.pickupPointId().value(),
						PointFigures.none(leader.pickupPointId().value()));
				for (var violation : violations(leader, penalties.rules(leader.regionId()), today, pf)) {
					if (penalties.hasOpen(leader.id(), violation.reason())) {
						continue;
					}
					var kind = penalties.heaviestSince(leader.id(), now.minus(ESCALATION_WINDOW))
						.map(PenaltyKind::escalated).orElse(PenaltyKind.WARNING);
					boolean apply = kind != PenaltyKind.SUSPENSION;
					var created = penalties.insert(Penalty.create(leader.id(), leader.regionId(), kind,
							violation.reason(), violation.detail(), apply, now, actor.name()));
					if (created.isPresent()) {
						counts[kind.ordinal()]++;
						if (apply) {
							takeEffect(actor, leader, created.get());
						}
					}
				}
			}
			if ((long) (page + 1) * 200 >= batch.total()) {
				break;
			}
		}
		log.info("Penalties: {} leaders evaluated, {} warnings, {} lower bands, {} suspensions proposed, {} expired",
				evaluated, counts[0], counts[1], counts[2], expired);
		return new Evaluation(evaluated, counts[0], counts[1], counts[2], expired);
	}

	record Violation(PenaltyReason reason, String detail) {
	}

	private List<Violation> violations(Leader leader, PenaltyRules rules, LocalDate today, PointFigures pf) {
		List<Violation> found = new ArrayList<>();
		if (!leader.since().isAfter(today.minusDays(rules.inactiveDays()))) {
			long orders = figures.byDay(leader.pickupPointId(), today.minusDays(rules.inactiveDays()), today.plusDays(7))
				.stream().mapToLong(d -> d.orders()).sum();
			if (orders == 0) {
				found.add(new Violation(PenaltyReason.INACTIVITY,
						text(Text.of("leader.penalties.detail.inactivity", rules.inactiveDays()))));
			}
		}
		long late = pf.receiptDays() - pf.onTimeReceiptDays();
		if (late > rules.lateReceipts()) {
			found.add(new Violation(PenaltyReason.LATE_RECEIPTS,
					text(Text.of("leader.penalties.detail.lateReceipts", late, rules.lateReceipts()))));
		}
		int complaints = service.figures(leader.id()).complaints30d();
		if (pf.orders() >= rules.minOrdersForRate()
				&& (long) complaints * 10_000 > (long) rules.complaintRateBasisPoints() * pf.orders()) {
			found.add(new Violation(PenaltyReason.COMPLAINTS, text(Text.of("leader.penalties.detail.complaints",
					complaints, pf.orders(), rules.complaintRateBasisPoints() / 100.0))));
		}
		return found;
	}

	/** What an active penalty does at once: tells the leader; a suspension suspends them. */
	private void takeEffect(Actor actor, Leader leader, Penalty penalty) {
		if (penalty.status() != PenaltyStatus.ACTIVE) {
			return;
		}
		if (penalty.kind() == PenaltyKind.SUSPENSION) {
			leaderManagement.suspend(actor, leader.id());
		}
		sms.send(leader.phone(), text(Text.of("leader.penalties.sms." + penalty.kind().name(), penalty.detail())));
	}

	private Penalty get(Actor actor, PenaltyId id) {
		var penalty = penalties.find(id).orElseThrow(() -> new NotFoundException("penalty", id));
		if (!actor.managesRegion(penalty.regionId().value())) {
			throw new NotFoundException("penalty", id);
		}
		return penalty;
	}

	private String text(Text text) {
		return text.in(messages, Text.DEFAULT_LOCALE);
	}
}
