package com.linli.network;

import java.time.Clock;
import java.util.Set;

import com.linli.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Holds on taking orders at a pickup point (the point stays open otherwise: residents bind to it, its
 * leader works): the leader module holds a new leader's point until they pass the basic training path;
 * ordering refuses orders at a held point. A point with no hold takes orders, as before holds existed.
 */
@Service
@Transactional(readOnly = true)
public class OrderHoldManagement {

	/** Why a pickup point does not take orders yet. */
	public enum Reason {
		/** Its new leader has not passed the region's basic training path. */
		TRAINING
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	OrderHoldManagement(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Stops the pickup point taking orders for this reason (again: nothing changes). */
	@Transactional
	public void hold(PickupPointId point, Reason reason) {
		int found = jdbc.sql("select count(*) from network.pickup_point where id = ?").param(point.value())
			.query(Integer.class).single();
		if (found == 0) {
			throw new NotFoundException("pickup point", point);
		}
		jdbc.sql("""
				insert into network.pickup_point_order_hold (pickup_point_id, reason, since) values (?, ?, ?)
				on conflict do nothing""")
			.params(point.value(), reason.name(), java.sql.Timestamp.from(clock.instant()))
			.update();
	}

	/** Lifts the hold; the point takes orders again when no other hold is on. True if there was one. */
	@Transactional
	public boolean release(PickupPointId point, Reason reason) {
		return jdbc.sql("delete from network.pickup_point_order_hold where pickup_point_id = ? and reason = ?")
			.params(point.value(), reason.name())
			.update() > 0;
	}

	/** The holds on the pickup point now (empty: it takes orders). */
	public Set<Reason> holdsOn(PickupPointId point) {
		return Set.copyOf(jdbc.sql("select reason from network.pickup_point_order_hold where pickup_point_id = ?")
			.param(point.value())
			.query((rs, n) -> Reason.valueOf(rs.getString(1)))
			.list());
	}

	/** Whether residents may order at the pickup point now. */
	public boolean takesOrders(PickupPointId point) {
		return holdsOn(point).isEmpty();
	}
}
