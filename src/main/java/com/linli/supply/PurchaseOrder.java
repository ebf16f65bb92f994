package com.linli.supply;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.linli.network.RegionId;
import com.linli.network.WarehouseId;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import com.linli.shared.SupplierId;
import com.linli.shared.Text;

/**
 * A purchase order (采购单) to one supplier, delivered to a region's central warehouse. Its state changes
 * (change a draft line, send, cancel, the supplier's confirmation and announcement, receiving, settling)
 * are guarded methods: each checks the status (a 409 naming it when the move is illegal), computes the
 * changed order, and returns it for the repository to save with a compare-and-set on {@code version}.
 */
public record PurchaseOrder(PurchaseOrderId id, String poNo, SupplierId supplierId, String supplierName,
		RegionId regionId, WarehouseId warehouseId, Long cutoffRunId, LocalDate pickupDate, PurchaseOrderStatus status,
		Instant expectedAt, Instant announcedAt, Instant createdAt, Instant sentAt, Instant confirmedAt,
		Instant deliveredAt, Instant settledAt, Instant cancelledAt, Long statementId, List<PurchaseOrderLine> lines,
		long version) {

	public PurchaseOrder {
		lines = List.copyOf(lines);
	}

	public Money amount() {
		return lines.stream().map(PurchaseOrderLine::amount).reduce(Money.ZERO, Money::plus);
	}

	public Money acceptedAmount() {
		return lines.stream().map(PurchaseOrderLine::acceptedAmount).reduce(Money.ZERO, Money::plus);
	}

	public long units() {
		return lines.stream().mapToLong(PurchaseOrderLine::ordered).sum();
	}

	public boolean fullyReceived() {
		return lines.stream().allMatch(l -> l.received() || l.toDeliver() == 0);
	}

	/** The reference of the cutoff run's stock reservations, {@code null} for an order outside a cutoff. */
	public String runReference() {
		return cutoffRunId == null ? null : runReference(cutoffRunId);
	}

	static String runReference(long runId) {
		return "cutoff-run:" + runId;
	}

	/** The line of this order, else a 400 on {@code lines.<id>}. */
	public PurchaseOrderLine line(long lineId) {
		return lines.stream().filter(l -> l.id() == lineId).findFirst()
			.orElseThrow(() -> new InvalidInputException("lines." + lineId, Text.of("supply.problem.notLineOrder")));
	}

	// --- state changes ---

	/** A draft with a line's quantity changed; 0 drops the line. */
	PurchaseOrder changeLine(long lineId, int ordered) {
		var line = line(lineId);
		if (ordered < 0 || ordered > 1_000_000) {
			throw new InvalidInputException("ordered", Text.of("supply.problem.quantity01000000"));
		}
		requireStatus(PurchaseOrderStatus.DRAFT, "supply.problem.onlyDraftChanged");
		List<PurchaseOrderLine> changed = new ArrayList<>();
		for (var l : lines) {
			if (l.id() != line.id()) {
				changed.add(l);
			}
			else if (ordered > 0) {
				changed.add(l.withOrdered(ordered));
			}
		}
		return with(status, announcedAt, sentAt, confirmedAt, deliveredAt, settledAt, cancelledAt, changed);
	}

	/** DRAFT -> SENT: the supplier sees it. A draft without a unit to order is not sent. */
	PurchaseOrder send(Instant now) {
		requireStatus(PurchaseOrderStatus.DRAFT, "supply.problem.onlyDraftSent");
		if (lines.stream().noneMatch(l -> l.ordered() > 0)) {
			throw new BusinessRuleException("purchase-order-empty", Text.of("supply.problem.purchaseOrderHasNoLines"));
		}
		return with(status.to(PurchaseOrderStatus.SENT), announcedAt, now, confirmedAt, deliveredAt, settledAt,
				cancelledAt, lines);
	}

	/** DRAFT or SENT -> CANCELLED. */
	PurchaseOrder cancel(Instant now) {
		if (!status.canBecome(PurchaseOrderStatus.CANCELLED)) {
			throw new BusinessRuleException("purchase-order-status", "status",
					Text.of("supply.problem.onlyDraftOrSentCancelled", status));
		}
		return with(status.to(PurchaseOrderStatus.CANCELLED), announcedAt, sentAt, confirmedAt, deliveredAt, settledAt,
				now, lines);
	}

	/**
	 * SENT -> CONFIRMED by the supplier: every line in full, or with the shorter quantity given for it in
	 * {@code quantities} (line id -> units it will deliver, 0 to the ordered quantity).
	 */
	PurchaseOrder confirm(Map<Long, Integer> quantities, Instant now) {
		Map<Long, Integer> q = quantities == null ? Map.of() : quantities;
		for (var e : q.entrySet()) {
			var line = line(e.getKey());
			if (e.getValue() == null || e.getValue() < 0 || e.getValue() > line.ordered()) {
				throw new InvalidInputException("lines." + e.getKey(), Text.of("supply.problem.confirmRange", line.ordered()));
			}
		}
		requireStatus(PurchaseOrderStatus.SENT, "supply.problem.onlySentConfirmed");
		var confirmed = lines.stream().map(l -> l.withConfirmed(q.getOrDefault(l.id(), l.ordered()))).toList();
		return with(status.to(PurchaseOrderStatus.CONFIRMED), announcedAt, sentAt, now, deliveredAt, settledAt,
				cancelledAt, confirmed);
	}

	/** The supplier's word on when the goods arrive: within the next 60 days, while goods are awaited. */
	PurchaseOrder announce(Instant at, Instant now) {
		if (at == null) {
			throw new InvalidInputException("deliveryAt", Text.of("supply.problem.required"));
		}
		if (at.isBefore(now.minus(Duration.ofHours(1))) || at.isAfter(now.plus(Duration.ofDays(60)))) {
			throw new InvalidInputException("deliveryAt", Text.of("supply.problem.deliveryTimeWithinNext60Days"));
		}
		if (!status.awaitsGoods()) {
			throw new BusinessRuleException("purchase-order-status", "status",
					Text.of("supply.problem.onlySentOrConfirmedAnnounced", status));
		}
		return with(status, at, sentAt, confirmedAt, deliveredAt, settledAt, cancelledAt, lines);
	}

	/** What one receiving did: the order after it, the lines it received, and the event to publish. */
	public record Receipt(PurchaseOrder order, List<PurchaseOrderLine> received, GoodsReceived goodsReceived) {
	}

	/**
	 * Receives lines of a SENT or CONFIRMED order ({@code today} in the region's zone bounds the production
	 * dates); lines with nothing to deliver are received with the first receipt. Once every line is received,
	 * the order is DELIVERED (through CONFIRMED when the supplier never confirmed). A line is received once.
	 */
	Receipt receive(List<ReceiptLine> receipt, LocalDate today, Instant now) {
		if (!status.awaitsGoods()) {
			throw new BusinessRuleException("purchase-order-status", "status",
					Text.of("supply.problem.onlySentOrConfirmedReceived", status));
		}
		Map<Long, ReceiptLine> given = new LinkedHashMap<>();
		for (ReceiptLine r : receipt == null ? List.<ReceiptLine>of() : receipt) {
			check(r, line(r.lineId()), today);
			if (given.put(r.lineId(), r) != null) {
				throw new InvalidInputException("lines." + r.lineId(), Text.of("supply.problem.lineAppearsOnce"));
			}
		}
		for (var line : lines) {
			if (!line.received() && line.toDeliver() == 0 && !given.containsKey(line.id())) {
				given.put(line.id(), new ReceiptLine(line.id(), 0, 0, null, null, null));
			}
		}
		if (given.isEmpty()) {
			throw new InvalidInputException("lines", Text.of("supply.problem.receiveAtLeastOneLine"));
		}
		List<PurchaseOrderLine> after = new ArrayList<>();
		Map<Long, PurchaseOrderLine> receivedById = new LinkedHashMap<>();
		for (var line : lines) {
			var r = given.get(line.id());
			var next = r == null ? line : line.receivedAs(r, now);
			after.add(next);
			if (r != null) {
				receivedById.put(line.id(), next);
			}
		}
		// the received lines in the receipt's order (the event and the audit detail follow it)
		var received = given.keySet().stream().map(receivedById::get).toList();
		var partial = with(status, announcedAt, sentAt, confirmedAt, deliveredAt, settledAt, cancelledAt, after);
		var order = partial.fullyReceived() ? partial.delivered(now) : partial;
		var event = new GoodsReceived(id, supplierId, regionId, warehouseId, received.stream()
			.map(l -> new GoodsReceived.Line(l.skuId(), l.accepted(), l.rejected(), l.rejectReason(), l.batchNo()))
			.toList(), now);
		return new Receipt(order, received, event);
	}

	private PurchaseOrder delivered(Instant now) {
		var confirmed = status == PurchaseOrderStatus.SENT ? status.to(PurchaseOrderStatus.CONFIRMED) : status;
		return with(confirmed.to(PurchaseOrderStatus.DELIVERED), announcedAt, sentAt,
				confirmedAt == null ? now : confirmedAt, now, settledAt, cancelledAt, lines);
	}

	/** DELIVERED -> SETTLED, with the supplier's statement. */
	PurchaseOrder settle(Instant now) {
		return with(status.to(PurchaseOrderStatus.SETTLED), announcedAt, sentAt, confirmedAt, deliveredAt, now,
				cancelledAt, lines);
	}

	private static void check(ReceiptLine r, PurchaseOrderLine line, LocalDate today) {
		String field = "lines." + r.lineId();
		if (line.received()) {
			throw new BusinessRuleException("line-received", field, Text.of("supply.problem.lineHasBeenReceivedAlready"));
		}
		if (r.accepted() < 0 || r.rejected() < 0) {
			throw new InvalidInputException(field, Text.of("supply.problem.quantitiesMustNotNegative"));
		}
		if (r.accepted() + r.rejected() > line.toDeliver()) {
			throw new InvalidInputException(field, Text.of("supply.problem.moreThanDue", line.toDeliver()));
		}
		if (r.rejected() > 0 && r.rejectReason() == null) {
			throw new InvalidInputException(field + ".rejectReason", Text.of("supply.problem.giveReasonRejectedUnits"));
		}
		if (r.accepted() > 0) {
			if (r.batchNo() == null || r.batchNo().isBlank() || r.batchNo().strip().length() > 40) {
				throw new InvalidInputException(field + ".batchNo", Text.of("supply.problem.batchNumberUp40Characters"));
			}
			if (r.productionDate() == null) {
				throw new InvalidInputException(field + ".productionDate", Text.of("supply.problem.productionDateRequired"));
			}
			if (r.productionDate().isAfter(today) || r.productionDate().isBefore(today.minusYears(3))) {
				throw new InvalidInputException(field + ".productionDate",
						Text.of("supply.problem.productionDateMustNotFuture"));
			}
		}
	}

	private void requireStatus(PurchaseOrderStatus required, String message) {
		if (status != required) {
			throw new BusinessRuleException("purchase-order-status", "status",
					Text.of("supply.problem.withStatus", Text.of(message), status));
		}
	}

	private PurchaseOrder with(PurchaseOrderStatus status, Instant announcedAt, Instant sentAt, Instant confirmedAt,
			Instant deliveredAt, Instant settledAt, Instant cancelledAt, List<PurchaseOrderLine> lines) {
		return new PurchaseOrder(id, poNo, supplierId, supplierName, regionId, warehouseId, cutoffRunId, pickupDate,
				status, expectedAt, announcedAt, createdAt, sentAt, confirmedAt, deliveredAt, settledAt, cancelledAt,
				statementId, lines, version);
	}
}
