package com.linli.demo.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.ordering.FulfilmentOrders;
import com.linli.ordering.FulfilmentOrders.ReceiptResult;
import com.linli.ordering.Order;
import com.linli.ordering.OrderLineId;
import com.linli.ordering.OrderStatus;

import org.springframework.stereotype.Component;

/**
 * The night and the morning of a simulated day: the cutoff, the trucks leaving the grid warehouses,
 * the goods confirmed at each pickup point with what is missing.
 */
@Component
public class DayFulfilment {

	private final FulfilmentOrders orders;

	DayFulfilment(FulfilmentOrders orders) {
		this.orders = orders;
	}

	/** Cutoff: the paid orders of the region and pickup date freeze; returns how many were confirmed. */
	public int cutoff(RegionId region, LocalDate pickupDate) {
		return orders.confirmForCutoff(region, pickupDate);
	}

	/** The truck of a grid warehouse leaves with the goods of its pickup points; returns the orders on it. */
	public int dispatch(RegionId region, LocalDate pickupDate, List<PickupPointId> points) {
		return orders.markShipped(region, pickupDate, points);
	}

	/** The orders whose goods are on their way to the pickup point. */
	public List<Order> arriving(PickupPointId point, LocalDate pickupDate) {
		return orders.ordersAt(point, pickupDate).stream()
			.filter(o -> o.status() == OrderStatus.CONFIRMED || o.status() == OrderStatus.SHIPPED)
			.toList();
	}

	/** The leader confirms the goods, reporting units missing per order line (refunded at once). */
	public ReceiptResult receive(PickupPointId point, LocalDate pickupDate, Map<OrderLineId, Integer> missing) {
		return orders.receive(point, pickupDate, missing, missing.isEmpty() ? null : "到货缺少 / missing on arrival");
	}

	/** The orders waiting at the pickup point for collection. */
	public List<Order> ready(PickupPointId point, LocalDate pickupDate) {
		return orders.ordersAt(point, pickupDate).stream().filter(o -> o.status() == OrderStatus.READY_FOR_PICKUP)
			.toList();
	}
}
