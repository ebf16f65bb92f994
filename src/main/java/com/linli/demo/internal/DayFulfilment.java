package com.linli.demo.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.linli.fulfilment.CutoffManagement;
import com.linli.fulfilment.CutoffRun;
import com.linli.fulfilment.DeliveryManagement;
import com.linli.fulfilment.Dispatch;
import com.linli.fulfilment.GoodsMissing;
import com.linli.fulfilment.Receipt;
import com.linli.identity.Actor;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.network.WarehouseId;
import com.linli.ordering.Order;
import com.linli.ordering.OrderLineId;
import com.linli.ordering.OrderStatus;
import com.linli.shared.BusinessRuleException;

import org.springframework.stereotype.Component;

/**
 * The night and the morning of a simulated day, through fulfilment as the operator and the leaders
 * use it: the cutoff run (orders confirmed, sorting lists written), the trucks leaving the grid
 * warehouses, the goods confirmed at each pickup point with what is missing.
 */
@Component
public class DayFulfilment {

	/** How long to wait for a cutoff that another attempt (the platform's schedule) is running. */
	static final Duration CUTOFF_PATIENCE = Duration.ofMinutes(2);

	/** The reason the simulated operator gives for a truck that leaves before every delivery came. */
	static final String LATE_GOODS = "模拟日：按时发车，迟到的货未装车";

	/** The simulated day acts as the platform itself. */
	static final Actor DEMO = Actor.system("demo");

	private final CutoffManagement cutoffs;

	private final DeliveryManagement deliveries;

	DayFulfilment(CutoffManagement cutoffs, DeliveryManagement deliveries) {
		this.cutoffs = cutoffs;
		this.deliveries = deliveries;
	}

	/**
	 * Runs the cutoff of the region and pickup date to its end: the paid orders freeze and the sorting
	 * lists are written. When the platform's own schedule is at it already, waits for that run.
	 */
	public CutoffRun cutoff(RegionId region, LocalDate pickupDate) {
		CutoffRun run = cutoffs.run(region, pickupDate, DEMO);
		long deadline = System.nanoTime() + CUTOFF_PATIENCE.toNanos();
		while (!run.isCompleted()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("the cutoff of region " + region + " for " + pickupDate
						+ " did not complete: " + run.lastError());
			}
			pause();
			run = run.isInterrupted() ? cutoffs.run(region, pickupDate, DEMO) : cutoffs.get(run.id(), DEMO);
		}
		return run;
	}

	/**
	 * The truck of a grid warehouse leaves; empty when it carries nothing (no orders for its points). The
	 * simulated day keeps its timetable: when goods are missing (a delivery came late), the operator sends
	 * the truck anyway, saying so, and only what is there moves.
	 */
	public java.util.Optional<Dispatch> dispatch(CutoffRun run, WarehouseId gridWarehouse) {
		try {
			return java.util.Optional.of(deliveries.dispatch(run.id(), gridWarehouse, DEMO));
		}
		catch (GoodsMissing e) {
			try {
				return java.util.Optional.of(deliveries.dispatch(run.id(), gridWarehouse, LATE_GOODS, DEMO));
			}
			catch (BusinessRuleException again) {
				return java.util.Optional.empty();
			}
		}
		catch (BusinessRuleException e) {
			return java.util.Optional.empty();
		}
	}

	/** The orders whose goods are on their way to the pickup point. */
	public List<Order> arriving(PickupPointId point, LocalDate pickupDate) {
		return deliveries.ordersAt(point, pickupDate, DEMO).stream()
			.filter(o -> o.status() == OrderStatus.CONFIRMED || o.status() == OrderStatus.SHIPPED)
			.toList();
	}

	/** The leader confirms the goods, reporting units missing per order line (refunded at once). */
	public Receipt receive(PickupPointId point, LocalDate pickupDate, Map<OrderLineId, Integer> missing) {
		return deliveries.receive(point, pickupDate, missing, null, DEMO);
	}

	/** The orders waiting at the pickup point for collection. */
	public List<Order> ready(PickupPointId point, LocalDate pickupDate) {
		return deliveries.ordersAt(point, pickupDate, DEMO).stream()
			.filter(o -> o.status() == OrderStatus.READY_FOR_PICKUP)
			.toList();
	}

	private static void pause() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", e);
		}
	}
}
