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
import com.linli.ordering.FulfilmentOrders;
import com.linli.ordering.ShortageRule;
import com.linli.shared.AdminChange;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.NotFoundException;
import com.linli.shared.Page;
import com.linli.shared.SupplierId;
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

	private final FulfilmentOrders fulfilmentOrders;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PurchaseOrderManagement(PurchaseOrders orders, Suppliers suppliers, SupplierManagement supplierManagement,
			ScorecardManagement scorecards, CutoffManagement cutoffs, NetworkManagement network, StockManagement stock,
			FulfilmentOrders fulfilmentOrders, ApplicationEventPublisher events, Clock clock) {
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
			throw new BusinessRuleException("cutoff-not-completed", "截单尚未完成 / the cutoff run is not complete");
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
			throw new InvalidInputException("ordered", "数量 0 到 1000000 / a quantity of 0 to 1000000");
		}
		requireStatus(po, PurchaseOrderStatus.DRAFT, "只能修改草稿 / only a draft can be changed");
		boolean done = ordered == 0 ? orders.deleteLine(id, lineId) : orders.setOrdered(id, lineId, ordered);
		if (!done) {
			throw notInStatus(PurchaseOrderStatus.DRAFT, "只能修改草稿 / only a draft can be changed");
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
		requireStatus(po, PurchaseOrderStatus.DRAFT, "只能发送草稿 / only a draft can be sent");
		if (po.lines().stream().noneMatch(l -> l.ordered() > 0)) {
			throw new BusinessRuleException("purchase-order-empty", "采购单没有商品 / the purchase order has no lines");
		}
		var supplier = supplierManagement.get(po.supplierId());
		if (!supplier.active()) {
			throw new BusinessRuleException("supplier-inactive", "供应商已停用 / the supplier is inactive");
		}
		if (supplierManagement.qualificationExpired(po.supplierId())) {
			supplierManagement.checkQualifications();
			throw new BusinessRuleException("qualification-expired",
					"供应商资质已过期，不能下新采购单 / a licence of the supplier has expired: no new purchase orders");
		}
		if (!orders.transition(id, EnumSet.of(PurchaseOrderStatus.DRAFT), PurchaseOrderStatus.SENT, "sent_at",
				clock.instant())) {
			throw notInStatus(PurchaseOrderStatus.DRAFT, "只能发送草稿 / only a draft can be sent");
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
					"只能取消草稿或已发送的采购单 / only a draft or sent purchase order can be cancelled (it is " + po.status() + ")");
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
				.orElseThrow(() -> new InvalidInputException("lines." + e.getKey(), "不是本采购单的商品 / not a line of this order"));
			if (e.getValue() == null || e.getValue() < 0 || e.getValue() > line.ordered()) {
				throw new InvalidInputException("lines." + e.getKey(),
						"确认数量须在 0 到 " + line.ordered() + " 之间 / confirm 0 to " + line.ordered() + " units");
			}
		}
		if (!orders.transition(id, EnumSet.of(PurchaseOrderStatus.SENT), PurchaseOrderStatus.CONFIRMED, "confirmed_at",
				clock.instant())) {
			throw notInStatus(PurchaseOrderStatus.SENT, "只能确认已发送的采购单 / only a sent purchase order can be confirmed");
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
			throw new InvalidInputException("deliveryAt", "必填 / required");
		}
		Instant now = clock.instant();
		if (at.isBefore(now.minus(Duration.ofHours(1))) || at.isAfter(now.plus(Duration.ofDays(60)))) {
			throw new InvalidInputException("deliveryAt", "送货时间须在将来 60 天内 / a delivery time within the next 60 days");
		}
		if (!orders.announce(id, at)) {
			throw new BusinessRuleException("purchase-order-status", "status",
					"只能为已发送或已确认的采购单预约送货 / only a sent or confirmed order can be announced (it is " + po.status() + ")");
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
					"只能收货已发送或已确认的采购单 / only a sent or confirmed purchase order can be received (it is " + po.status() + ")");
		}
		ShortageRule chosen = rule == null ? ShortageRule.NEWEST_FIRST : rule;
		Instant now = clock.instant();
		LocalDate today = LocalDate.now(clock.withZone(network.getRegion(po.regionId()).zone()));
		Map<Long, ReceiptLine> given = new LinkedHashMap<>();
		for (ReceiptLine r : receipt == null ? List.<ReceiptLine>of() : receipt) {
			var line = line(po, r.lineId());
			check(r, line, today);
			if (given.put(r.lineId(), r) != null) {
				throw new InvalidInputException("lines." + r.lineId(), "同一行只能出现一次 / a line appears once");
			}
		}
		for (var line : po.lines()) {
			if (!line.received() && line.toDeliver() == 0 && !given.containsKey(line.id())) {
				given.put(line.id(), new ReceiptLine(line.id(), 0, 0, null, null, null));
			}
		}
		if (given.isEmpty()) {
			throw new InvalidInputException("lines", "至少收一行 / receive at least one line");
		}
		List<GoodsReceived.Line> received = new ArrayList<>();
		for (ReceiptLine r : given.values()) {
			var line = line(po, r.lineId());
			String batchNo = r.accepted() > 0 ? r.batchNo().strip() : null;
			if (!orders.receiveLine(line.id(), r.accepted(), r.rejected(), r.rejected() > 0 ? r.rejectReason() : null,
					batchNo, r.accepted() > 0 ? r.productionDate() : null, now)) {
				throw new BusinessRuleException("line-received", "lines." + line.id(),
						"该行已收货 / this line has been received already");
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
				String why = r.rejected() > 0 ? "到货质检不合格或破损，已退款 / rejected at receiving: refunded"
						: "供应商缺货，已退款 / short from the supplier: refunded";
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
			throw new BusinessRuleException("line-received", field, "该行已收货 / this line has been received already");
		}
		if (r.accepted() < 0 || r.rejected() < 0) {
			throw new InvalidInputException(field, "数量不能为负 / quantities must not be negative");
		}
		if (r.accepted() + r.rejected() > line.toDeliver()) {
			throw new InvalidInputException(field, "实收加拒收超过应到 " + line.toDeliver() + " / accepted plus rejected exceed the "
					+ line.toDeliver() + " units due");
		}
		if (r.rejected() > 0 && r.rejectReason() == null) {
			throw new InvalidInputException(field + ".rejectReason", "拒收须说明原因 / give a reason for rejected units");
		}
		if (r.accepted() > 0) {
			if (r.batchNo() == null || r.batchNo().isBlank() || r.batchNo().strip().length() > 40) {
				throw new InvalidInputException(field + ".batchNo", "请填写批次号（最多 40 字） / a batch number of up to 40 characters");
			}
			if (r.productionDate() == null) {
				throw new InvalidInputException(field + ".productionDate", "请填写生产日期 / the production date is required");
			}
			if (r.productionDate().isAfter(today) || r.productionDate().isBefore(today.minusYears(3))) {
				throw new InvalidInputException(field + ".productionDate",
						"生产日期不能晚于今天 / the production date must not be in the future");
			}
		}
	}

	private static PurchaseOrderLine line(PurchaseOrder po, long lineId) {
		return po.lines().stream().filter(l -> l.id() == lineId).findFirst()
			.orElseThrow(() -> new InvalidInputException("lines." + lineId, "不是本采购单的商品 / not a line of this order"));
	}

	private static void requireStatus(PurchaseOrder po, PurchaseOrderStatus status, String message) {
		if (po.status() != status) {
			throw new BusinessRuleException("purchase-order-status", "status", message + " (" + po.status() + ")");
		}
	}

	private static BusinessRuleException notInStatus(PurchaseOrderStatus status, String message) {
		return new BusinessRuleException("purchase-order-status", "status", message);
	}
}
