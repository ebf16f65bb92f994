package com.linli.supply;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
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
import com.linli.identity.Actor;
import com.linli.inventory.StockManagement;
import com.linli.network.RegionManagement;
import com.linli.network.WarehouseManagement;
import com.linli.network.Warehouse;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.NotFoundException;
import com.linli.shared.SupplierId;
import com.linli.shared.Text;
import com.linli.supply.internal.PurchaseOrders;
import com.linli.supply.internal.Suppliers;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Purchase orders drafted from a cutoff's demand (采购单草稿): what the central warehouse does not have and
 * no open order brings is ordered from the best eligible supplier, one draft per supplier. The platform does
 * this after every cutoff; operators then review the drafts ({@link PurchaseOrderManagement}).
 */
@Service
@Transactional(readOnly = true)
public class PurchaseOrderDraftingManagement {

	private static final Logger log = LoggerFactory.getLogger(PurchaseOrderDraftingManagement.class);

	/** Goods are due at the central warehouse by this hour of the pickup day (deliveries run 01:00-05:00). */
	static final LocalTime DUE_BY = LocalTime.of(5, 0);

	private final PurchaseOrders orders;

	private final Suppliers suppliers;

	private final QualificationManagement qualifications;

	private final SupplierSkuManagement supplierSkus;

	private final ScorecardManagement scorecards;

	private final CutoffManagement cutoffs;

	private final RegionManagement network;

	private final WarehouseManagement warehouses;

	private final StockManagement stock;

	private final Clock clock;

	PurchaseOrderDraftingManagement(PurchaseOrders orders, Suppliers suppliers, QualificationManagement qualifications,
			SupplierSkuManagement supplierSkus, ScorecardManagement scorecards, CutoffManagement cutoffs,
			RegionManagement network, WarehouseManagement warehouses, StockManagement stock, Clock clock) {
		this.orders = orders;
		this.suppliers = suppliers;
		this.qualifications = qualifications;
		this.supplierSkus = supplierSkus;
		this.scorecards = scorecards;
		this.cutoffs = cutoffs;
		this.network = network;
		this.warehouses = warehouses;
		this.stock = stock;
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
		var central = warehouses.purchasingCentral(event.regionId());
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
		for (SkuDemand d : cutoffs.demand(event.runId(), Actor.system("purchase-drafting"))) {
			if (d.units() > 0) {
				demand.put(d.skuId(), d.units());
				rows.put(d.skuId(), d);
			}
		}
		if (demand.isEmpty()) {
			return new Drafted(List.of(), Map.of(), List.of());
		}
		qualifications.checkQualifications();
		// the reservation answers once per SKU; what the run's orders were drafted for is covered already
		Map<SkuId, Long> reserved = stock.reserve(warehouse.id(), demand, PurchaseOrder.runReference(runId));
		Map<SkuId, Long> drafted = orders.draftedForRun(runId);
		Map<SkuId, Long> onOrder = orders.spareOnOrder(warehouse.id(), demand.keySet());
		Set<SupplierId> blocked = qualifications.suppliersWithExpiredQualification();
		var tiers = suppliers.tiers();
		var scores = scorecards.recentScores();
		Map<SkuId, List<SupplierSku>> offers = new HashMap<>();
		for (SupplierSku offer : supplierSkus.offers(demand.keySet())) {
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
		var run = cutoffs.get(runId, Actor.system("purchase-drafting"));
		if (!run.isCompleted()) {
			throw new BusinessRuleException("cutoff-not-completed", Text.of("supply.problem.cutoffRunNotComplete"));
		}
		return draftForCutoff(new CutoffCompleted(run.id(), run.regionId(), run.pickupDate(), run.orders(), run.lines(),
				run.units()));
	}

	private PurchaseOrder get(PurchaseOrderId id) {
		return orders.find(id).orElseThrow(() -> new NotFoundException("purchase order", id));
	}
}
