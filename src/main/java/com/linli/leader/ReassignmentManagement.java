package com.linli.leader;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.linli.identity.AccountId;
import com.linli.identity.AccountManagement;
import com.linli.identity.Actor;
import com.linli.leader.internal.Leaders;
import com.linli.leader.internal.levels.Reassignments;
import com.linli.network.PickupPoint;
import com.linli.network.PickupPointId;
import com.linli.network.PickupPointManagement;
import com.linli.network.ResidentBindingManagement;
import com.linli.ordering.Order;
import com.linli.ordering.OrderId;
import com.linli.ordering.OrderPickupPointMoves;
import com.linli.ordering.OrderSupportManagement;
import com.linli.shared.AdminChange;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.NotFoundException;
import com.linli.shared.SmsSender;
import com.linli.shared.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moving residents and orders to another pickup point (更换团长): all of a suspended leader's, or one resident or
 * one order by an operator, with a reason; the residents are told by SMS with the new point's name and address.
 *
 * <p>When a leader is suspended: the point's bound residents move to the nearest active pickup point of the region
 * (by position) whose leader, if it has one, is active. Their open orders: not yet cut off (unpaid, or paid before
 * the cutoff froze it) move to that point with the residents, or, when no point takes them, are cancelled with a
 * full refund; orders already cut off (confirmed, on the way, or at the old point) stay and are handed out at the
 * old point, as a real platform does with goods already picked and sent there: the suspended leader's shop keeps
 * the goods until collected (the operator arranges the hand-out), and the residents are told where to collect
 * them. Commission follows the pickup: a moved order earns the leader of the point where it is picked up (the
 * accrual takes the order's point at pickup), an order that stayed earns the leader holding the old point.
 */
@Service
@Transactional(readOnly = true)
public class ReassignmentManagement {

	private static final Logger log = LoggerFactory.getLogger(ReassignmentManagement.class);

	private final Leaders leaders;

	private final ResidentBindingManagement bindings;

	private final PickupPointManagement points;

	private final OrderPickupPointMoves orderMoves;

	private final OrderSupportManagement support;

	private final AccountManagement accounts;

	private final Reassignments store;

	private final SmsSender sms;

	private final MessageSource messages;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ReassignmentManagement(Leaders leaders, ResidentBindingManagement bindings, PickupPointManagement points,
			OrderPickupPointMoves orderMoves, OrderSupportManagement support, AccountManagement accounts,
			Reassignments store, SmsSender sms, MessageSource messages, ApplicationEventPublisher events, Clock clock) {
		this.leaders = leaders;
		this.bindings = bindings;
		this.points = points;
		this.orderMoves = orderMoves;
		this.support = support;
		this.accounts = accounts;
		this.store = store;
		this.sms = sms;
		this.messages = messages;
		this.events = events;
		this.clock = clock;
	}

	/** What a suspension moved: the point that took the residents (none: nothing nearby) and the counts. */
	public record SuspensionMoves(LeaderId leaderId, Optional<PickupPoint> target, int residentsMoved,
			int residentsUnmoved, int ordersMoved, int ordersCancelled, int ordersStayed) {
	}

	/**
	 * Moves the suspended leader's residents and open orders (see the class comment) and tells the residents. Called in
	 * the suspension's transaction; an order that cannot be handled stays where it is (logged, recorded STAYED).
	 */
	@Transactional
	public SuspensionMoves moveFromSuspended(Actor actor, LeaderId leaderId, String reason) {
		var leader = leaders.find(leaderId).orElseThrow(() -> new NotFoundException("leader", leaderId));
		var old = points.getPickupPoint(leader.pickupPointId());
		var target = nearestTaking(old);
		Instant now = clock.instant();
		String why = reason == null || reason.isBlank() ? text(Text.of("leader.levels.moveReason.suspended")) : reason;
		Map<AccountId, int[]> told = new LinkedHashMap<>();
		int moved = 0;
		int unmoved = 0;
		for (AccountId resident : bindings.residentsOf(List.of(old.id())).getOrDefault(old.id(), List.of())) {
			if (target.isPresent()) {
				bindings.bindResident(resident, target.get().id());
				moved++;
			}
			else {
				unmoved++;
			}
			record(leader, Reassignment.Subject.RESIDENT, resident.value(), old, target.orElse(null),
					target.isPresent() ? Reassignment.Outcome.MOVED : Reassignment.Outcome.UNMOVED, why, now, actor);
			told.put(resident, new int[3]);
		}
		int ordersMoved = 0;
		int cancelled = 0;
		int stayed = 0;
		for (Order order : orderMoves.openOrdersAt(old.id())) {
			var outcome = Reassignment.Outcome.STAYED;
			if (OrderPickupPointMoves.movable(order)) {
				try {
					if (target.isPresent()) {
						orderMoves.movePickupPoint(actor, order.id(), target.get().id(), why);
						outcome = Reassignment.Outcome.MOVED;
					}
					else {
						support.cancel(actor, order.id());
						outcome = Reassignment.Outcome.CANCELLED;
					}
				}
				catch (BusinessRuleException e) {
					log.warn("Order {} of suspended leader {} stays at pickup point {}: {}", order.orderNo(), leaderId,
							old.id(), e.getMessage());
				}
			}
			switch (outcome) {
				case MOVED -> ordersMoved++;
				case CANCELLED -> cancelled++;
				default -> stayed++;
			}
			record(leader, Reassignment.Subject.ORDER, order.id().value(), old,
					outcome == Reassignment.Outcome.MOVED ? target.orElse(null) : null, outcome, why, now, actor);
			told.computeIfAbsent(order.residentId(), r -> new int[3])[outcome.ordinal() == 0 ? 0
					: outcome == Reassignment.Outcome.CANCELLED ? 1 : 2]++;
		}
		for (var entry : told.entrySet()) {
			tellSuspension(entry.getKey(), old, target, entry.getValue());
		}
		events.publishEvent(new AdminChange(actor.actedBy(), "leader.suspension-moves", "leader:" + leaderId,
				"residents " + moved + " moved " + unmoved + " unmoved; orders " + ordersMoved + " moved " + cancelled
						+ " cancelled " + stayed + " stayed" + target.map(p -> " -> pickup-point:" + p.id()).orElse("")));
		return new SuspensionMoves(leaderId, target, moved, unmoved, ordersMoved, cancelled, stayed);
	}

	/** An operator moves one resident to another pickup point of the same region, with a reason; the resident is told. */
	@Transactional
	public Reassignment moveResident(Actor actor, AccountId resident, PickupPointId targetId, String reason) {
		String why = reason(reason);
		var from = bindings.pickupPointOf(resident).orElseThrow(() -> new NotFoundException("resident", resident));
		actor.checkRegion(from.regionId().value());
		var target = target(from, targetId);
		bindings.bindResident(resident, target.id());
		var leader = leaders.holderOf(from.id());
		Instant now = clock.instant();
		var r = new Reassignment(null, leader.map(l -> l.id().value()).orElse(null), from.regionId().value(),
				Reassignment.Subject.RESIDENT, resident.value(), from.id().value(), target.id().value(),
				Reassignment.Outcome.MOVED, why, now, actor.name());
		store.insert(r);
		tell(resident, Text.of("leader.levels.sms.residentMovedByOperator", target.name(), target.address(), why));
		events.publishEvent(new AdminChange(actor.actedBy(), "leader.move-resident", "account:" + resident.value(),
				"pickup-point:" + from.id() + " -> " + target.id() + " " + why));
		return r;
	}

	/** An operator moves one open order (not yet cut off) to another pickup point of its region; the resident is told. */
	@Transactional
	public Order moveOrder(Actor actor, OrderId orderId, PickupPointId targetId, String reason) {
		String why = reason(reason);
		var before = support.get(actor, orderId);
		var from = points.getPickupPoint(before.pickupPointId());
		var target = target(from, targetId);
		var moved = orderMoves.movePickupPoint(actor, orderId, target.id(), why);
		var leader = leaders.holderOf(from.id());
		store.insert(new Reassignment(null, leader.map(l -> l.id().value()).orElse(null), from.regionId().value(),
				Reassignment.Subject.ORDER, orderId.value(), from.id().value(), target.id().value(),
				Reassignment.Outcome.MOVED, why, clock.instant(), actor.name()));
		tell(moved.residentId(), Text.of("leader.levels.sms.orderMovedByOperator", moved.orderNo(), target.name(),
				target.address(), why));
		return moved;
	}

	/** The moves of a leader's point or of a region the caller manages (null region: every region of theirs), newest first. */
	public List<Reassignment> list(Actor actor, Long leaderId, Long regionId) {
		if (leaderId != null) {
			var leader = leaders.find(new LeaderId(leaderId)).orElseThrow(() -> new NotFoundException("leader", leaderId));
			actor.checkRegion(leader.regionId().value());
			return store.list(leaderId, null, 200);
		}
		if (regionId != null) {
			actor.checkRegion(regionId);
			return store.list(null, regionId, 200);
		}
		return store.list(null, null, 500).stream().filter(r -> actor.managesRegion(r.regionId())).toList();
	}

	/** The nearest active pickup point of the region, other than this one, not held by a leader who is not active. */
	public Optional<PickupPoint> nearestTaking(PickupPoint old) {
		return points.nearestPickupPoints(old.regionId(), old.latitude(), old.longitude(), 20).stream()
			.filter(p -> !p.id().equals(old.id()) && p.active())
			.filter(p -> leaders.holderOf(p.id()).map(l -> l.status() == LeaderStatus.ACTIVE).orElse(true))
			.findFirst();
	}

	private PickupPoint target(PickupPoint from, PickupPointId targetId) {
		if (targetId == null) {
			throw new InvalidInputException("pickupPointId", Text.of("leader.problem.levelsChoosePoint"));
		}
		PickupPoint target;
		try {
			target = points.getPickupPoint(targetId);
		}
		catch (NotFoundException e) {
			throw new InvalidInputException("pickupPointId", Text.of("leader.problem.unknownPickupPoint", targetId));
		}
		if (!target.regionId().equals(from.regionId())) {
			throw new BusinessRuleException("other-region", "pickupPointId", Text.of("leader.problem.levelsOtherRegion"));
		}
		if (!target.active()) {
			throw new BusinessRuleException("pickup-point-closed", "pickupPointId",
					Text.of("leader.problem.levelsClosedPoint", target.name()));
		}
		if (target.id().equals(from.id())) {
			throw new BusinessRuleException("same-pickup-point", "pickupPointId", Text.of("leader.problem.levelsSamePoint"));
		}
		return target;
	}

	private static String reason(String reason) {
		if (reason == null || reason.isBlank() || reason.strip().length() > 200) {
			throw new InvalidInputException("reason", Text.of("leader.problem.levelsMoveReason"));
		}
		return reason.strip();
	}

	private void record(Leader leader, Reassignment.Subject subject, long subjectId, PickupPoint from, PickupPoint to,
			Reassignment.Outcome outcome, String why, Instant at, Actor actor) {
		store.insert(new Reassignment(null, leader.id().value(), from.regionId().value(), subject, subjectId,
				from.id().value(), to == null ? null : to.id().value(), outcome, why, at, actor.name()));
	}

	/** counts: orders moved, cancelled, stayed. */
	private void tellSuspension(AccountId resident, PickupPoint old, Optional<PickupPoint> target, int[] counts) {
		var parts = new ArrayList<String>();
		parts.add(target.map(t -> text(Text.of("leader.levels.sms.suspendedMoved", old.name(), t.name(), t.address())))
			.orElseGet(() -> text(Text.of("leader.levels.sms.suspendedNoPoint", old.name()))));
		if (counts[0] > 0) {
			parts.add(text(Text.of("leader.levels.sms.ordersMoved", counts[0])));
		}
		if (counts[1] > 0) {
			parts.add(text(Text.of("leader.levels.sms.ordersCancelled", counts[1])));
		}
		if (counts[2] > 0) {
			parts.add(text(Text.of("leader.levels.sms.ordersStay", counts[2], old.name(), old.address())));
		}
		send(resident, String.join(" ", parts));
	}

	private void tell(AccountId resident, Text text) {
		send(resident, text(text));
	}

	private void send(AccountId resident, String text) {
		try {
			var account = accounts.get(resident);
			if (account.phone() != null) {
				sms.send(account.phone(), text);
			}
		}
		catch (NotFoundException e) {
			log.warn("Resident {} not found: not told of the move", resident);
		}
	}

	private String text(Text text) {
		return text.in(messages, Text.DEFAULT_LOCALE);
	}
}
