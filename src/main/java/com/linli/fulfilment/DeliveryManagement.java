package com.linli.fulfilment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.linli.fulfilment.internal.Deliveries;
import com.linli.identity.AccountId;
import com.linli.network.PickupPointManagement;
import com.linli.network.KeeperManagement;
import com.linli.identity.Actor;
import com.linli.network.PickupPoint;
import com.linli.network.PickupPointId;
import com.linli.network.WarehouseId;
import com.linli.ordering.OrderDeliveryManagement;
import com.linli.ordering.OrderDeliveryManagement.ReceiptResult;
import com.linli.ordering.Order;
import com.linli.ordering.OrderLineId;
import com.linli.shared.AdminChange;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.DispatchStock;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Text;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * After the cutoff: trucks leave the grid warehouses (发车: orders become SHIPPED) and leaders confirm
 * the goods at their pickup point, reporting what is missing or damaged (refunded line by line at
 * once; orders become READY_FOR_PICKUP). Staff dispatch in their regions; only the leader who runs a
 * pickup point receives its goods. Every call names its {@link Actor}; the platform itself (the demo's
 * simulated day) may act for any region and pickup point.
 */
@Service
public class DeliveryManagement {

	private final CutoffManagement cutoffs;

	private final OrderDeliveryManagement orders;

	private final PickupPointManagement network;

	private final KeeperManagement keepers;

	private final Deliveries deliveries;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ObjectProvider<DispatchStock> stock;

	DeliveryManagement(CutoffManagement cutoffs, OrderDeliveryManagement orders, PickupPointManagement network,
			KeeperManagement keepers,
			Deliveries deliveries, ApplicationEventPublisher events, Clock clock, ObjectProvider<DispatchStock> stock) {
		this.stock = stock;
		this.cutoffs = cutoffs;
		this.orders = orders;
		this.network = network;
		this.keepers = keepers;
		this.deliveries = deliveries;
		this.events = events;
		this.clock = clock;
	}

	/** The truck of a grid warehouse left with the goods of its pickup points for a completed cutoff run. */
	public Dispatch dispatch(CutoffRunId runId, WarehouseId gridWarehouse, Actor actor) {
		return dispatch(runId, gridWarehouse, null, actor);
	}

	/**
	 * As {@link #dispatch(CutoffRunId, WarehouseId, Actor)}: the goods must be there (held for the run or free at
	 * the region's central warehouse, or at the grid warehouse), or the truck is refused with
	 * {@link GoodsMissing}, unless {@code overrideReason} says why it leaves without them; then inventory
	 * moves only what is there and the rest is on record. A later truck carries goods received since for
	 * orders already on their way.
	 */
	@Transactional
	public Dispatch dispatch(CutoffRunId runId, WarehouseId gridWarehouse, String overrideReason, Actor actor) {
		CutoffRun run = cutoffs.get(runId, actor);
		if (!run.isCompleted()) {
			throw new BusinessRuleException("cutoff-not-completed", "runId",
					Text.of("fulfilment.problem.cutoffNotCompleteYetNothingCan"));
		}
		if (gridWarehouse == null) {
			throw new InvalidInputException("gridWarehouseId", Text.of("fulfilment.problem.chooseGridWarehouse"));
		}
		String override = overrideReason == null || overrideReason.isBlank() ? null : overrideReason.strip();
		if (override != null && override.length() > 200) {
			throw new InvalidInputException("reason", Text.of("fulfilment.problem.reasonTooLong"));
		}
		List<PickupPointId> points = deliveries.pickupPointsServedBy(runId, gridWarehouse);
		if (points.isEmpty()) {
			throw new InvalidInputException("gridWarehouseId",
					Text.of("fulfilment.problem.gridWarehouseHasNoPickupPoints"));
		}
		List<GoodsDispatched.Line> lines = deliveries.unitsFor(runId, gridWarehouse);
		Map<Long, Long> wanted = new LinkedHashMap<>();
		lines.forEach(l -> wanted.put(l.skuId().value(), l.units()));
		var readiness = stock.getIfAvailable(() -> (region, r, grid, w) -> new DispatchStock.Readiness(Map.of(), Map.of()))
			.readiness(run.regionId().value(), runId.value(), gridWarehouse.value(), wanted);
		List<GoodsMissing.Missing> missing = new ArrayList<>();
		if (!readiness.complete()) {
			Map<Long, String> names = deliveries.skuNames(runId, gridWarehouse);
			readiness.missing().forEach((sku, units) -> missing.add(new GoodsMissing.Missing(sku,
					names.getOrDefault(sku, "SKU " + sku), units)));
			if (override == null) {
				throw new GoodsMissing(missing);
			}
		}
		int shipped = orders.markShipped(run.regionId(), run.pickupDate(), points);
		if (shipped == 0 && !readiness.anythingOwed()) {
			throw new BusinessRuleException("nothing-to-dispatch", "gridWarehouseId",
					Text.of("fulfilment.problem.nothingLeftDispatchAlreadyWayReceived"));
		}
		Instant now = clock.instant();
		AccountId by = actor.accountId().orElse(null);
		long missingUnits = missing.stream().mapToLong(GoodsMissing.Missing::units).sum();
		String reason = missing.isEmpty() ? null : override;
		long id = deliveries.insertDispatch(runId, gridWarehouse, by, now, points.size(), shipped, reason, missingUnits);
		events.publishEvent(new GoodsDispatched(runId, run.regionId(), run.pickupDate(), gridWarehouse, lines));
		events.publishEvent(new AdminChange(actor.actedBy(), "fulfilment.dispatch", "grid-warehouse:" + gridWarehouse,
				"cutoff-run:" + runId + " pickup " + run.pickupDate() + " orders=" + shipped
						+ (missing.isEmpty() ? "" : " OVERRIDE without " + GoodsMissing.describe(missing) + ": " + reason)));
		return new Dispatch(id, runId, gridWarehouse, by, now, points.size(), shipped, reason, missingUnits);
	}

	/** The dispatches of a run, latest first. */
	public List<Dispatch> dispatches(CutoffRunId runId, Actor actor) {
		cutoffs.get(runId, actor);
		return deliveries.dispatches(runId);
	}

	/**
	 * The leader confirms the goods of a pickup date: {@code shortages} are units missing or damaged
	 * per order line (refunded at once); everything else arrived. Publishes {@link DeliveryArrived}.
	 */
	@Transactional
	public Receipt receive(PickupPointId pickupPointId, LocalDate pickupDate, Map<OrderLineId, Integer> shortages,
			String reason, Actor actor) {
		PickupPoint point = network.getPickupPoint(pickupPointId);
		checkKeeper(point, actor);
		if (pickupDate == null) {
			throw new InvalidInputException("pickupDate", Text.of("fulfilment.problem.choosePickupDate"));
		}
		String why = reason == null || reason.isBlank() ? null : reason.trim();
		if (why != null && why.length() > 200) {
			throw new InvalidInputException("reason", Text.of("fulfilment.problem.reasonMayHaveAtMost200"));
		}
		Map<OrderLineId, Integer> missing = new LinkedHashMap<>();
		int shortUnits = 0;
		for (var entry : (shortages == null ? Map.<OrderLineId, Integer>of() : shortages).entrySet()) {
			Integer quantity = entry.getValue();
			if (entry.getKey() == null || quantity == null || quantity < 0) {
				throw new InvalidInputException("shortages." + entry.getKey(), Text.of("fulfilment.problem.mustZeroMore"));
			}
			if (quantity > 0) {
				missing.put(entry.getKey(), quantity);
				shortUnits += quantity;
			}
		}
		if (!missing.isEmpty() && why == null) {
			why = Text.of("fulfilment.receipt.missingOnArrival").stored();
		}
		ReceiptResult result = orders.receive(point.id(), pickupDate, missing, why);
		if (result.ordersReady() + result.ordersCancelled() == 0) {
			throw new BusinessRuleException("nothing-to-receive", "pickupDate",
					Text.of("fulfilment.problem.nothingReceiveNotCutOffYet"));
		}
		Instant now = clock.instant();
		AccountId by = actor.accountId().orElse(null);
		var receipt = new Receipt(0, point.id(), pickupDate, point.regionId(), by, now, result.ordersReady(),
				result.ordersCancelled(), missing.size(), shortUnits, result.refunded(), why);
		long id = deliveries.insertReceipt(receipt, missing);
		events.publishEvent(new DeliveryArrived(point.id(), pickupDate, result.ordersReady(), result.refunded()));
		// the leader's word moves money (short lines refunded, commission on what is handed out): audited
		events.publishEvent(new AdminChange(actor.actedBy(), "fulfilment.receipt", "pickup-point:" + point.id(), point.name() + " pickup "
				+ pickupDate + ": " + result.ordersReady() + " order(s) ready, " + missing.size() + " line(s) short by "
				+ shortUnits + " unit(s), refunded " + result.refunded() + (why == null ? "" : " (" + why + ")")));
		return deliveries.receipt(id).orElseThrow();
	}

	/** Receipts of a pickup point for a pickup date, latest first (usually one). */
	public List<Receipt> receipts(PickupPointId pickupPointId, LocalDate pickupDate) {
		return deliveries.receipts(pickupPointId, pickupDate);
	}

	/**
	 * The orders of a pickup point for a pickup date as they are now (paid, confirmed, on the way,
	 * received, picked up or cancelled), for the leader who runs it.
	 */
	public List<Order> ordersAt(PickupPointId pickupPointId, LocalDate pickupDate, Actor actor) {
		checkKeeper(network.getPickupPoint(pickupPointId), actor);
		return orders.ordersAt(pickupPointId, pickupDate);
	}

	/** The pickup point the acting leader runs; 403 for anyone who runs none (and for the platform). */
	public PickupPoint myPickupPoint(Actor actor) {
		return keepers.pickupPointKeptBy(actor.requireAccount())
			.orElseThrow(() -> new AccessDeniedException("you run no pickup point"));
	}

	public Optional<Receipt> latestReceipt(PickupPointId pickupPointId, LocalDate pickupDate) {
		return receipts(pickupPointId, pickupDate).stream().findFirst();
	}

	/** Only the leader who runs the pickup point; the platform itself (the demo's simulated day) for any. */
	private void checkKeeper(PickupPoint point, Actor actor) {
		if (actor.isSystem()) {
			return;
		}
		boolean keeps = keepers.pickupPointKeptBy(actor.requireAccount()).map(p -> p.id().equals(point.id())).orElse(false);
		if (!keeps) {
			throw new AccessDeniedException("only the leader who runs pickup point " + point.id() + " receives its goods");
		}
	}
}
