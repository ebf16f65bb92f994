package com.linli.ordering;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.linli.identity.Actor;
import com.linli.network.PickupPoint;
import com.linli.network.PickupPointId;
import com.linli.network.PickupPointManagement;
import com.linli.ordering.internal.Orders;
import com.linli.ordering.internal.PickupCodes;
import com.linli.shared.AdminChange;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moving an open order to another pickup point of its region (更换团长, or its leader was suspended): only
 * before the cutoff (unpaid, or paid while the cutoff has not frozen it), since after it the goods are
 * picked and sent to the old point. The order keeps its pickup code when the new point has no live order
 * with the same code, else gets a new one; the move is on its timeline. Compare-and-set on the order's
 * version: a concurrent change wins and this answers 409.
 */
@Service
@Transactional(readOnly = true)
public class OrderPickupPointMoves {

	private final OrderManagement orders;

	private final Orders store;

	private final PickupCodes codes;

	private final PickupPointManagement points;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	OrderPickupPointMoves(OrderManagement orders, Orders store, PickupCodes codes, PickupPointManagement points,
			JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.orders = orders;
		this.store = store;
		this.codes = codes;
		this.points = points;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/** Can the order still move to another pickup point (not yet cut off)? */
	public static boolean movable(Order order) {
		return order.status() == OrderStatus.PENDING_PAYMENT || order.status() == OrderStatus.PAID;
	}

	/** The live orders (unpaid, or paid and not yet picked up or cancelled) of a pickup point, oldest first. */
	public List<Order> openOrdersAt(PickupPointId point) {
		return jdbc.sql("""
				select id from ordering.orders where pickup_point_id = ?
				   and status in ('PENDING_PAYMENT', 'PAID', 'CONFIRMED', 'SHIPPED', 'READY_FOR_PICKUP') order by id""")
			.param(point.value()).query(Long.class).list().stream().map(id -> orders.get(new OrderId(id))).toList();
	}

	/**
	 * Moves the order to the target pickup point of the same region, with a reason for its timeline. Refused:
	 * an order already cut off (409 order-cut-off), a closed point or the same point (409), another region's
	 * point (409 other-region).
	 */
	@Transactional
	public Order movePickupPoint(Actor actor, OrderId id, PickupPointId target, String reason) {
		var order = orders.find(id).orElseThrow(() -> new NotFoundException("order", id));
		if (!actor.managesRegion(order.regionId().value())) {
			throw new NotFoundException("order", id);
		}
		if (target == null) {
			throw new InvalidInputException("pickupPointId", Text.of("ordering.problem.moveChoosePoint"));
		}
		PickupPoint point;
		try {
			point = points.getPickupPoint(target);
		}
		catch (NotFoundException e) {
			throw new InvalidInputException("pickupPointId", Text.of("ordering.problem.moveUnknownPoint", target));
		}
		if (!point.regionId().equals(order.regionId())) {
			throw new BusinessRuleException("other-region", "pickupPointId", Text.of("ordering.problem.moveOtherRegion"));
		}
		if (!point.active()) {
			throw new BusinessRuleException("pickup-point-closed", "pickupPointId",
					Text.of("ordering.problem.moveClosedPoint", point.name()));
		}
		if (point.id().equals(order.pickupPointId())) {
			throw new BusinessRuleException("same-pickup-point", "pickupPointId",
					Text.of("ordering.problem.moveSamePoint"));
		}
		if (!movable(order)) {
			throw new BusinessRuleException("order-cut-off", "orderId",
					Text.of("ordering.problem.moveCutOff", order.orderNo(), order.status()));
		}
		String code = order.pickupCode();
		if (code != null && store.pickupCodeInUse(point.id(), code)) {
			code = codes.newCode(point.id());
		}
		int updated = jdbc.sql("""
				update ordering.orders set pickup_point_id = ?, pickup_code = ?, version = version + 1
				 where id = ? and version = ? and status in ('PENDING_PAYMENT', 'PAID')""")
			.params(point.id().value(), code, id.value(), order.version()).update();
		if (updated != 1) {
			throw new BusinessRuleException("changed-concurrently",
					Text.of("ordering.problem.orderChangedConcurrently", order.orderNo()));
		}
		Instant now = clock.instant();
		String why = reason == null || reason.isBlank() ? "-" : reason.strip();
		store.timeline(id, now, null, Orders.note("pickupPointMoved", point.name(), point.address()));
		store.staffTimeline(id, now, Orders.note("pickupPointMovedWhy", why));
		events.publishEvent(new AdminChange(actor.actedBy(), "order.move-pickup-point", "order:" + id.value(),
				order.orderNo() + " pickup-point:" + order.pickupPointId() + " -> " + point.id() + " " + why));
		return orders.get(id);
	}
}
