package com.linli.supply;

import java.time.Clock;
import java.util.List;

import com.linli.catalog.SkuId;
import com.linli.fulfilment.CutoffCompleted;
import com.linli.fulfilment.CutoffManagement;
import com.linli.fulfilment.SkuDemand;
import com.linli.inventory.StockManagement;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.network.Warehouse;
import com.linli.network.WarehouseKind;
import com.linli.network.WarehouseManagement;
import com.linli.ordering.OrderRefundManagement;
import com.linli.ordering.ShortageRule;
import com.linli.identity.Actor;
import com.linli.identity.RegionScope;
import com.linli.shared.AdminChange;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.NotFoundException;
import com.linli.shared.Page;
import com.linli.shared.SupplierId;
import com.linli.shared.Text;
import com.linli.supply.internal.PurchaseOrders;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Purchase orders (采购单) for the platform's staff: find them, and review a draft (change or drop lines),
 * send it to the supplier or cancel it. The order guards its own moves; every change is saved with a
 * compare-and-set, so two clicks or two staff members cannot apply one twice. Roles and region scope are
 * checked by the web layer. Drafting, the supplier's confirmation and receiving have services of their own.
 */
@Service
@Transactional(readOnly = true)
public class PurchaseOrderManagement {

	private final PurchaseOrders orders;

	private final SupplierManagement suppliers;

	private final QualificationManagement qualifications;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final com.linli.catalog.SkuManagement catalog;

	private final RegionManagement regions;

	PurchaseOrderManagement(PurchaseOrders orders, SupplierManagement suppliers,
			QualificationManagement qualifications, ApplicationEventPublisher events, Clock clock,
			com.linli.catalog.SkuManagement catalog, RegionManagement regions) {
		this.orders = orders;
		this.suppliers = suppliers;
		this.qualifications = qualifications;
		this.events = events;
		this.clock = clock;
		this.catalog = catalog;
		this.regions = regions;
	}

	/**
	 * A replenishment order outside any cutoff (a VMI supplier's approved proposal): one line of {@code units} of
	 * the SKU at the supplier's price, for the region's central warehouse, due by 05:00 of {@code deliveryDate}
	 * (the order's pickup date), and SENT at once: the supplier proposed it, the operator approved it. Its units
	 * serve no cutoff's demand, so they count as on order for the warehouse's stock.
	 */
	@Transactional
	public PurchaseOrder placeReplenishment(SupplierSku offer, RegionId region, com.linli.network.WarehouseId warehouse,
			int units, java.time.LocalDate deliveryDate, Actor actor) {
		if (units < 1 || units > 1_000_000) {
			throw new com.linli.shared.InvalidInputException("units", Text.of("supply.problem.quantity01000000"));
		}
		var zone = regions.getRegion(region).zone();
		var due = deliveryDate.atTime(PurchaseOrderDraftingManagement.DUE_BY).atZone(zone).toInstant();
		var id = orders.insertDraft(offer.supplierId(), region, warehouse, null, deliveryDate, due, clock.instant())
			.orElseThrow();
		var sku = catalog.getSku(offer.skuId());
		orders.insertLine(id, offer.skuId(), sku.displayName(), sku.unit(), offer.price(), units, 0);
		events.publishEvent(new AdminChange(actor.actedBy(), "purchase-order.replenishment", "purchase-order:" + id,
				"sku:" + offer.skuId() + " × " + units));
		return send(id, actor);
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

	/** Staff's search within a region scope (the caller's, or narrower). */
	public Page<PurchaseOrder> search(SupplierId supplier, RegionScope regions, PurchaseOrderStatus status, int page,
			int size) {
		return orders.search(supplier, regions.idsOrNull(), status, Math.max(page, 0), Page.size(size));
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
	public PurchaseOrder changeLine(PurchaseOrderId id, long lineId, int ordered, Actor actor) {
		var po = get(id);
		var changed = orders.save(po, po.changeLine(lineId, ordered));
		events.publishEvent(new AdminChange(actor.actedBy(), "purchase-order.line", "purchase-order:" + id,
				"line:" + lineId + " → " + ordered));
		return changed;
	}

	@Transactional
	public PurchaseOrder dropLine(PurchaseOrderId id, long lineId, Actor actor) {
		return changeLine(id, lineId, 0, actor);
	}

	/** DRAFT -> SENT: the supplier sees it in the portal. Blocked while a licence of the supplier has expired. */
	@Transactional
	public PurchaseOrder send(PurchaseOrderId id, Actor actor) {
		var po = get(id);
		var sent = po.send(clock.instant());
		var supplier = suppliers.get(po.supplierId());
		if (!supplier.active()) {
			throw new BusinessRuleException("supplier-inactive", Text.of("supply.problem.supplierInactive"));
		}
		if (qualifications.qualificationExpired(po.supplierId())) {
			qualifications.checkQualifications();
			throw new BusinessRuleException("qualification-expired",
					Text.of("supply.problem.licenceSupplierHasExpiredNoNew"));
		}
		var saved = orders.save(po, sent);
		events.publishEvent(new AdminChange(actor.actedBy(), "purchase-order.send", "purchase-order:" + id, po.poNo()));
		return saved;
	}

	/** DRAFT or SENT -> CANCELLED. */
	@Transactional
	public PurchaseOrder cancel(PurchaseOrderId id, Actor actor) {
		var po = get(id);
		var saved = orders.save(po, po.cancel(clock.instant()));
		events.publishEvent(new AdminChange(actor.actedBy(), "purchase-order.cancel", "purchase-order:" + id, po.poNo()));
		return saved;
	}
}
