package com.linli.supply;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.linli.catalog.SkuId;
import com.linli.fulfilment.CutoffCompleted;
import com.linli.fulfilment.CutoffManagement;
import com.linli.fulfilment.SkuDemand;
import com.linli.inventory.StockManagement;
import com.linli.network.NetworkManagement;
import com.linli.network.Warehouse;
import com.linli.network.WarehouseKind;
import com.linli.ordering.OrderRefundManagement;
import com.linli.ordering.ShortageRule;
import com.linli.shared.AdminChange;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.NotFoundException;
import com.linli.shared.Page;
import com.linli.shared.SupplierId;
import com.linli.shared.Text;
import com.linli.supply.internal.PurchaseOrders;
import com.linli.supply.internal.Suppliers;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Purchase orders (采购单): drafted from a cutoff's demand, reviewed and sent by operators, confirmed by
 * the supplier in the portal (fully or short), received line by line at the central warehouse. Every
 * state change is a conditional update, so two clicks or two staff members cannot apply one twice.
 * Roles and region scope are checked by the web layer; the demo simulator calls with no user.
 */
@Service
@Transactional(readOnly = true)
public class PurchaseOrderManagement {

	private static final Logger log = LoggerFactory.getLogger(PurchaseOrderManagement.class);

	/** Goods are due at the central warehouse by this hour of the pickup day (deliveries run 01:00-05:00). */
	static final LocalTime DUE_BY = LocalTime.of(5, 0);

	private final PurchaseOrders orders;

	private final Suppliers suppliers;

	private final SupplierManagement supplierManagement;

	private final ScorecardManagement scorecards;

	private final CutoffManagement cutoffs;

	private final NetworkManagement network;

	private final StockManagement stock;

	private final OrderRefundManagement fulfilmentOrders;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PurchaseOrderManagement(PurchaseOrders orders, Suppliers suppliers, SupplierManagement supplierManagement,
			ScorecardManagement scorecards, CutoffManagement cutoffs, NetworkManagement network, StockManagement stock,
			OrderRefundManagement fulfilmentOrders, ApplicationEventPublisher events, Clock clock) {
		this.orders = orders;
		this.suppliers = suppliers;
		this.supplierManagement = supplierManagement;
		this.scorecards = scorecards;
		this.cutoffs = cutoffs;
		this.network = network;
		this.stock = stock;
		this.fulfilmentOrders = fulfilmentOrders;
		this.events = events;
		this.clock = clock;
	}

	/** What drafting did for a cutoff run. */
	public record Drafted(List<PurchaseOrder> orders, Map<SkuId, Long> reserved, List<SkuId> unsourced) {
	}

	/**
	 * After a cutoff: reserves what the central warehouse has for the run's demand, nets out units already on
	 * order, and drafts one purchase order per supplier for the rest (rounded up to each supplier's MOQ). The
	 * supplier of a SKU is chosen by tier, then price, then score, among active suppliers whose licences are all
	 * valid. Drafts only what the run's orders do not cover yet: a rerun that raised the demand (a late order)
	 * gets the difference, on the supplier's draft or a new order; a redelivered event drafts nothing.
	 */
	@Transactional
	public Drafted draftForCutoff(CutoffCompleted event) {
		var central = network.warehouses(event.regionId()).stream()
			.filter(w -> w.kind() == WarehouseKind.CENTRAL && w.active())
			.min(Comparator.comparingLong(w -> w.id().value()));
		if (central.isEmpty()) {
			log.warn("region {} has no central warehouse: no purchase orders for cutoff run {}", event.regionId(),
					event.runId());
			return new Drafted(List.of(), Map.of(), List.of());
		}
		Warehouse warehouse = central.get();
		long runId = event.runId().value();
		orders.lockRun(runId);
		Map<SkuId, Long> demand = new LinkedHashMap<>();
		Map<SkuId, SkuDemand> rows = new HashMap<>();
		for (SkuDemand d : cutoffs.demand(event.runId())) {
			if (d.units() > 0) {
				demand.put(d.skuId(), d.units());
				rows.put(d.skuId(), d);
			}
		}
		if (demand.isEmpty()) {
			return new Drafted(List.of(), Map.of(), List.of());
		}
		supplierManagement.checkQualifications();
		// the reservation answers once per SKU; what the run's orders were drafted for is covered already
		Map<SkuId, Long> reserved = stock.reserve(warehouse.id(), demand, reference(runId));
		Map<SkuId, Long> drafted = orders.draftedForRun(runId);
		Map<SkuId, Long> onOrder = orders.spareOnOrder(warehouse.id(), demand.keySet());
		Set<SupplierId> blocked = supplierManagement.suppliersWithExpiredQualification();
		var tiers = suppliers.tiers();
		var scores = scorecards.recentScores();
		Map<SkuId, List<SupplierSku>> offers = new HashMap<>();
		for (SupplierSku offer : supplierManagement.offers(demand.keySet())) {
			if (!blocked.contains(offer.supplierId())) {
				offers.computeIfAbsent(offer.skuId(), k -> new ArrayList<>()).add(offer);
			}
		}
		Comparator<SupplierSku> best = Comparator
			.comparing((SupplierSku o) -> tiers.getOrDefault(o.supplierId(), SupplierTier.EMERGENCY))
			.thenComparing(SupplierSku::price)
			.thenComparing(o -> -scores.getOrDefault(o.supplierId(), 0.0))
			.thenComparingLong(o -> o.supplierId().value());
		Map<SupplierId, List<Object[]>> bySupplier = new LinkedHashMap<>();
		List<SkuId> unsourced = new ArrayList<>();
		for (var entry : demand.entrySet()) {
			SkuId sku = entry.getKey();
			long need = entry.getValue() - reserved.getOrDefault(sku, 0L) - drafted.getOrDefault(sku, 0L)
					- onOrder.getOrDefault(sku, 0L);
			if (need <= 0) {
				continue;
			}
			var candidates = offers.getOrDefault(sku, List.of());
			if (candidates.isEmpty()) {
				unsourced.add(sku);
				continue;
			}
			SupplierSku chosen = candidates.stream().min(best).orElseThrow();
			bySupplier.computeIfAbsent(chosen.supplierId(), k -> new ArrayList<>())
				.add(new Object[] { chosen, need, rows.get(sku) });
		}
		if (!unsourced.isEmpty()) {
			log.warn("cutoff run {}: no eligible supplier for SKUs {}", runId, unsourced);
		}
		Instant now = clock.instant();
		var zone = network.getRegion(event.regionId()).zone();
		Instant due = event.pickupDate().atTime(DUE_BY).atZone(zone).toInstant();
		List<PurchaseOrder> touched = new ArrayList<>();
		Map<SupplierId, PurchaseOrder> drafts = new HashMap<>();
		orders.ofRun(runId).stream().filter(po -> po.status() == PurchaseOrderStatus.DRAFT)
			.forEach(po -> drafts.putIfAbsent(po.supplierId(), po));
		for (var entry : bySupplier.entrySet()) {
			// a rerun's difference goes onto the supplier's draft if it has one, else onto a new order
			PurchaseOrder draft = drafts.get(entry.getKey());
			Optional<PurchaseOrderId> id = draft != null ? Optional.of(draft.id())
					: orders.insertDraft(entry.getKey(), event.regionId(), warehouse.id(), runId, event.pickupDate(), due, now);
			if (id.isEmpty()) {
				continue;
			}
			for (Object[] line : entry.getValue()) {
				SupplierSku offer = (SupplierSku) line[0];
				long need = (Long) line[1];
				SkuDemand d = (SkuDemand) line[2];
				if (draft == null || !orders.topUpLine(id.get(), offer.skuId(), need, offer::roundToMoq)) {
					orders.insertLine(id.get(), offer.skuId(), d.skuName() + " " + d.spec(), d.unit(), offer.price(),
							offer.roundToMoq(need), need);
				}
			}
			touched.add(get(id.get()));
		}
		if (!touched.isEmpty() && !drafted.isEmpty()) {
			log.info("cutoff run {}: a rerun raised the demand; purchase orders drafted or topped up: {}", runId,
					touched.stream().map(PurchaseOrder::poNo).toList());
		}
		return new Drafted(touched, reserved, unsourced);
	}

	/** As {@link #draftForCutoff}, for a completed run by its id (the demo's simulated day calls this). */
	@Transactional
	public Drafted draftForRun(com.linli.fulfilment.CutoffRunId runId) {
		var run = cutoffs.get(runId);
		if (!run.isCompleted()) {
			throw new BusinessRuleException("cutoff-not-completed", Text.of("supply.problem.cutoffRunNotComplete"));
		}
		return draftForCutoff(new CutoffCompleted(run.id(), run.regionId(), run.pickupDate(), run.orders(), run.lines(),
				run.units()));
	}

	static String reference(long runId) {
		return "cutoff-run:" + runId;
	}

	public PurchaseOrder get(PurchaseOrderId id) {
		return orders.find(id).orElseThrow(() -> new NotFoundException("purchase order", id));
	}

	/** A purchase order of this supplier; another supplier's order is "not found" (it must not learn it exists). */
	public PurchaseOrder getFor(SupplierId supplier, PurchaseOrderId id) {
		var po = get(id);
		if (!po.supplierId().equals(supplier) || po.status() == PurchaseOrderStatus.DRAFT) {
			throw new NotFoundException("purchase order", id);
		}
		return po;
	}

	public List<PurchaseOrder> ofRun(long runId) {
		return orders.ofRun(runId);
	}

	/** Staff's search; {@code regions} null means every region. */
	public Page<PurchaseOrder> search(SupplierId supplier, Set<Long> regions, PurchaseOrderStatus status, int page,
			int size) {
		return orders.search(supplier, regions, status, Math.max(page, 0), Page.size(size));
	}

	/** A supplier's own purchase orders (sent or later: drafts are the platform's business). */
	public Page<PurchaseOrder> ofSupplier(SupplierId supplier, PurchaseOrderStatus status, int page, int size) {
		if (status == PurchaseOrderStatus.DRAFT) {
			return new Page<>(List.of(), 0, 0, Page.size(size));
		}
		if (status != null) {
			return orders.search(supplier, null, status, Math.max(page, 0), Page.size(size));
		}
		return orders.searchNotDraft(supplier, Math.max(page, 0), Page.size(size));
	}

	public List<Shortage> shortages(PurchaseOrderId id) {
		return orders.shortages(id);
	}

	/** The operator changes a draft line's quantity (0 drops the line). */
	@Transactional
	public PurchaseOrder changeLine(PurchaseOrderId id, long lineId, int ordered) {
		var po = get(id);
		line(po, lineId);
		if (ordered < 0 || ordered > 1_000_000) {
			throw new InvalidInputException("ordered", Text.of("supply.problem.quantity01000000"));
		}
		requireStatus(po, PurchaseOrderStatus.DRAFT, Text.of("supply.problem.onlyDraftChanged"));
		boolean done = ordered == 0 ? orders.deleteLine(id, lineId) : orders.setOrdered(id, lineId, ordered);
		if (!done) {
			throw notInStatus(PurchaseOrderStatus.DRAFT, Text.of("supply.problem.onlyDraftChanged"));
		}
		events.publishEvent(new AdminChange("purchase-order.line", "purchase-order:" + id,
				"line:" + lineId + " → " + ordered));
		return get(id);
	}

	@Transactional
	public PurchaseOrder dropLine(PurchaseOrderId id, long lineId) {
		return changeLine(id, lineId, 0);
	}

	/** DRAFT -> SENT: the supplier sees it in the portal. Blocked while a licence of the supplier has expired. */
	@Transactional
	public PurchaseOrder send(PurchaseOrderId id) {
		var po = get(id);
		requireStatus(po, PurchaseOrderStatus.DRAFT, Text.of("supply.problem.onlyDraftSent"));
		if (po.lines().stream().noneMatch(l -> l.ordered() > 0)) {
			throw new BusinessRuleException("purchase-order-empty", Text.of("supply.problem.purchaseOrderHasNoLines"));
		}
		var supplier = supplierManagement.get(po.supplierId());
		if (!supplier.active()) {
			throw new BusinessRuleException("supplier-inactive", Text.of("supply.problem.supplierInactive"));
		}
		if (supplierManagement.qualificationExpired(po.supplierId())) {
			supplierManagement.checkQualifications();
			throw new BusinessRuleException("qualification-expired",
					Text.of("supply.problem.licenceSupplierHasExpiredNoNew"));
		}
		if (!orders.transition(id, EnumSet.of(PurchaseOrderStatus.DRAFT), PurchaseOrderStatus.SENT, "sent_at",
				clock.instant())) {
			throw notInStatus(PurchaseOrderStatus.DRAFT, Text.of("supply.problem.onlyDraftSent"));
		}
		events.publishEvent(new AdminChange("purchase-order.send", "purchase-order:" + id, po.poNo()));
		return get(id);
	}

	/** DRAFT or SENT -> CANCELLED. */
	@Transactional
	public PurchaseOrder cancel(PurchaseOrderId id) {
		var po = get(id);
		if (!orders.transition(id, EnumSet.of(PurchaseOrderStatus.DRAFT, PurchaseOrderStatus.SENT),
				PurchaseOrderStatus.CANCELLED, "cancelled_at", clock.instant())) {
			throw new BusinessRuleException("purchase-order-status", "status",
					Text.of("supply.problem.onlyDraftOrSentCancelled", po.status()));
		}
		events.publishEvent(new AdminChange("purchase-order.cancel", "purchase-order:" + id, po.poNo()));
		return get(id);
	}

	/**
	 * The supplier confirms a SENT order: every line in full, or with a shorter quantity for the lines in
	 * {@code quantities} (line id -> units it will deliver, 0 to the ordered quantity).
	 */
	@Transactional
	public PurchaseOrder confirm(SupplierId supplier, PurchaseOrderId id, Map<Long, Integer> quantities) {
		var po = getFor(supplier, id);
		Map<Long, Integer> q = quantities == null ? Map.of() : quantities;
		for (var e : q.entrySet()) {
			var line = po.lines().stream().filter(l -> l.id() == e.getKey()).findFirst()
				.orElseThrow(() -> new InvalidInputException("lines." + e.getKey(), Text.of("supply.problem.notLineOrder")));
			if (e.getValue() == null || e.getValue() < 0 || e.getValue() > line.ordered()) {
				throw new InvalidInputException("lines." + e.getKey(),
						Text.of("supply.problem.confirmRange", line.ordered()));
			}
		}
		if (!orders.transition(id, EnumSet.of(PurchaseOrderStatus.SENT), PurchaseOrderStatus.CONFIRMED, "confirmed_at",
				clock.instant())) {
			throw notInStatus(PurchaseOrderStatus.SENT, Text.of("supply.problem.onlySentConfirmed"));
		}
		StringBuilder shortLines = new StringBuilder();
		for (var line : po.lines()) {
			int confirmed = q.getOrDefault(line.id(), line.ordered());
			orders.setConfirmed(line.id(), confirmed);
			if (confirmed < line.ordered()) {
				shortLines.append(shortLines.isEmpty() ? "" : ", ").append(line.skuName()).append(' ').append(confirmed).append('/')
					.append(line.ordered());
			}
		}
		// the supplier's word fixes what is paid and what residents get: on the audit log like a staff change
		events.publishEvent(new AdminChange("purchase-order.confirm", "purchase-order:" + id,
				po.poNo() + (shortLines.isEmpty() ? " confirmed in full" : " confirmed short: " + shortLines)));
		return get(id);
	}

	/** The supplier announces when the goods will arrive at the central warehouse. */
	@Transactional
	public PurchaseOrder announce(SupplierId supplier, PurchaseOrderId id, Instant at) {
		var po = getFor(supplier, id);
		if (at == null) {
			throw new InvalidInputException("deliveryAt", Text.of("supply.problem.required"));
		}
		Instant now = clock.instant();
		if (at.isBefore(now.minus(Duration.ofHours(1))) || at.isAfter(now.plus(Duration.ofDays(60)))) {
			throw new InvalidInputException("deliveryAt", Text.of("supply.problem.deliveryTimeWithinNext60Days"));
		}
		if (!orders.announce(id, at)) {
			throw new BusinessRuleException("purchase-order-status", "status",
					Text.of("supply.problem.onlySentOrConfirmedAnnounced", po.status()));
		}
		return get(id);
	}

	/**
	 * Warehouse staff receive lines of a SENT or CONFIRMED order at its central warehouse. Accepted units go
	 * into stock as a batch (reserved for the cutoff's demand); units of the demand that did not come (short
	 * confirmed, short delivered or rejected) are refunded to residents by {@code rule}. Lines with nothing to
	 * deliver are received with the first call. The order is DELIVERED once every line is received; a line
	 * is received once (a second try is a 409).
	 */
	@Transactional
	public PurchaseOrder receive(PurchaseOrderId id, List<ReceiptLine> receipt, ShortageRule rule) {
		var po = get(id);
		if (po.status() != PurchaseOrderStatus.SENT && po.status() != PurchaseOrderStatus.CONFIRMED) {
			throw notInStatus(PurchaseOrderStatus.CONFIRMED,
					Text.of("supply.problem.onlySentOrConfirmedReceived", po.status()));
		}
		ShortageRule chosen = rule == null ? ShortageRule.NEWEST_FIRST : rule;
		Instant now = clock.instant();
		LocalDate today = LocalDate.now(clock.withZone(network.getRegion(po.regionId()).zone()));
		Map<Long, ReceiptLine> given = new LinkedHashMap<>();
		for (ReceiptLine r : receipt == null ? List.<ReceiptLine>of() : receipt) {
			var line = line(po, r.lineId());
			check(r, line, today);
			if (given.put(r.lineId(), r) != null) {
				throw new InvalidInputException("lines." + r.lineId(), Text.of("supply.problem.lineAppearsOnce"));
			}
		}
		for (var line : po.lines()) {
			if (!line.received() && line.toDeliver() == 0 && !given.containsKey(line.id())) {
				given.put(line.id(), new ReceiptLine(line.id(), 0, 0, null, null, null));
			}
		}
		if (given.isEmpty()) {
			throw new InvalidInputException("lines", Text.of("supply.problem.receiveAtLeastOneLine"));
		}
		List<GoodsReceived.Line> received = new ArrayList<>();
		for (ReceiptLine r : given.values()) {
			var line = line(po, r.lineId());
			String batchNo = r.accepted() > 0 ? r.batchNo().strip() : null;
			if (!orders.receiveLine(line.id(), r.accepted(), r.rejected(), r.rejected() > 0 ? r.rejectReason() : null,
					batchNo, r.accepted() > 0 ? r.productionDate() : null, now)) {
				throw new BusinessRuleException("line-received", "lines." + line.id(),
						Text.of("supply.problem.lineHasBeenReceivedAlready"));
			}
			if (r.accepted() > 0) {
				var batch = stock.receive(po.warehouseId(), line.skuId(), r.accepted(), batchNo, r.productionDate(),
						"po-line:" + line.id(), po.cutoffRunId() == null ? null : reference(po.cutoffRunId()), line.price());
				orders.setBatch(line.id(), batch.id().value());
			}
			received.add(new GoodsReceived.Line(line.skuId(), r.accepted(), r.rejected(),
					r.rejected() > 0 ? r.rejectReason() : null, batchNo));
			int missing = line.forDemand() - r.accepted();
			if (missing > 0) {
				String why = r.rejected() > 0 ? Text.of("supply.refund.rejectedAtReceiving").stored()
						: Text.of("supply.refund.shortFromSupplier").stored();
				var refund = fulfilmentOrders.refundShortage(po.regionId(), po.pickupDate(), line.skuId(), missing,
						chosen, "po-line:" + line.id(), why);
				orders.recordShortage(line.id(), line.skuId(), missing, chosen.name(), refund.units(), refund.amount(),
						refund.orders(), now);
				events.publishEvent(new ShortageFound(po.id(), po.supplierId(), po.regionId(), po.pickupDate(),
						line.skuId(), line.skuName(), missing, refund.units(), refund.amount(), refund.orders()));
			}
		}
		if (chosen != ShortageRule.NEWEST_FIRST) {
			orders.setShortageRule(id, chosen.name());
		}
		var after = get(id);
		if (after.fullyReceived()) {
			if (after.status() == PurchaseOrderStatus.SENT) {
				orders.transition(id, EnumSet.of(PurchaseOrderStatus.SENT), PurchaseOrderStatus.CONFIRMED,
						"confirmed_at", now);
			}
			orders.transition(id, EnumSet.of(PurchaseOrderStatus.CONFIRMED), PurchaseOrderStatus.DELIVERED,
					"delivered_at", now);
		}
		events.publishEvent(new GoodsReceived(po.id(), po.supplierId(), po.regionId(), po.warehouseId(), received, now));
		StringBuilder detail = new StringBuilder(po.poNo()).append(" at warehouse ").append(po.warehouseId()).append(':');
		for (ReceiptLine r : given.values()) {
			var line = line(po, r.lineId());
			detail.append(' ').append(line.skuName()).append(" accepted ").append(r.accepted());
			if (r.rejected() > 0) {
				detail.append(" rejected ").append(r.rejected()).append(" (").append(r.rejectReason()).append(')');
			}
			detail.append(';');
		}
		events.publishEvent(new AdminChange("purchase-order.receive", "purchase-order:" + id, detail.toString()));
		return get(id);
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

	private static PurchaseOrderLine line(PurchaseOrder po, long lineId) {
		return po.lines().stream().filter(l -> l.id() == lineId).findFirst()
			.orElseThrow(() -> new InvalidInputException("lines." + lineId, Text.of("supply.problem.notLineOrder")));
	}

	private static void requireStatus(PurchaseOrder po, PurchaseOrderStatus status, Text message) {
		if (po.status() != status) {
			throw new BusinessRuleException("purchase-order-status", "status",
					Text.of("supply.problem.withStatus", message, po.status()));
		}
	}

	private static BusinessRuleException notInStatus(PurchaseOrderStatus status, Text message) {
		return new BusinessRuleException("purchase-order-status", "status", message);
	}
}
