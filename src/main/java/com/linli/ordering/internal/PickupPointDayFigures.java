package com.linli.ordering.internal;

import java.util.List;

import com.linli.network.PickupPointId;
import com.linli.shared.PickupPointFigures;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The pickup point's orders on the leader's workbench: cut off or on the way and not received yet,
 * received and waiting to be handed out (whatever their pickup date), and handed out today.
 */
@Component
class PickupPointDayFigures implements PickupPointFigures {

	private final JdbcClient jdbc;

	private final PickupPointOrders orders;

	PickupPointDayFigures(JdbcClient jdbc, PickupPointOrders orders) {
		this.jdbc = jdbc;
		this.orders = orders;
	}

	@Override
	public List<Figure> figures(Day day) {
		var point = new PickupPointId(day.pickupPointId());
		long toReceive = jdbc.sql("""
				select count(*) from ordering.orders
				 where pickup_point_id = ? and status in ('CONFIRMED', 'SHIPPED')""")
			.param(day.pickupPointId()).query(Long.class).single();
		return List.of(
				new Figure(10, "to-receive", "pickup.figure.toReceive", String.format("%,d", toReceive), "/leader/receipt"),
				new Figure(20, "to-hand-out", "pickup.figure.toHandOut", String.format("%,d", orders.waiting(point)),
						"/leader/pickup"),
				new Figure(30, "picked-up", "pickup.figure.pickedUp",
						String.format("%,d", orders.pickedUpBetween(point, day.from(), day.to())),
						"/leader/orders?status=PICKED_UP"));
	}
}
