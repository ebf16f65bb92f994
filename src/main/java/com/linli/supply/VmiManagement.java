package com.linli.supply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.linli.catalog.SkuId;
import com.linli.identity.Actor;
import com.linli.inventory.DemandOutlook;
import com.linli.inventory.ForecastManagement;
import com.linli.inventory.InboundStock;
import com.linli.inventory.StockManagement;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.network.Warehouse;
import com.linli.network.WarehouseKind;
import com.linli.network.WarehouseManagement;
import com.linli.shared.AdminChange;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.NotFoundException;
import com.linli.shared.SupplierId;
import com.linli.shared.Text;
import com.linli.supply.internal.Suppliers;
import com.linli.supply.internal.vmi.VmiProposals;
import com.linli.supply.internal.vmi.VmiSuggestion;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supplier-managed inventory (VMI, 供应商管理库存): a supplier marked VMI sees, for each of its own SKUs at the
 * central warehouse of every region it supplies (the regions of its purchase orders), stock, the forecast of the
 * next {@value #DAYS} days, units on order and a suggested replenishment, and proposes replenishment; an operator
 * of the warehouse's region approves a proposal into a purchase order or rejects it. A supplier reaches only its
 * own SKUs and proposals; a supplier that is not VMI is refused (403).
 */
@Service
@Transactional(readOnly = true)
public class VmiManagement {

	/** The days ahead the supplier sees and the suggestion covers. */
	public static final int DAYS = 7;

	/** The latest delivery date a proposal may ask for, in days after today. */
	static final int MAX_DAYS_AHEAD = 60;

	/** Forecasts are the region staff's; suppliers are not, so the platform reads them for the supplier's own SKUs. */
	private static final Actor READER = Actor.system("vmi");

	private final Suppliers suppliers;

	private final SupplierManagement supplierManagement;

	private final SupplierSkuManagement supplierSkus;

	private final PurchaseOrderManagement orders;

	private final VmiProposals proposals;

	private final WarehouseManagement warehouses;

	private final RegionManagement regions;

	private final StockManagement stock;

	private final ForecastManagement forecasts;

	private final InboundStock inbound;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	VmiManagement(Suppliers suppliers, SupplierManagement supplierManagement, SupplierSkuManagement supplierSkus,
			PurchaseOrderManagement orders, VmiProposals proposals, WarehouseManagement warehouses,
			RegionManagement regions, StockManagement stock, ForecastManagement forecasts, InboundStock inbound,
			ApplicationEventPublisher events, Clock clock) {
		this.suppliers = suppliers;
		this.supplierManagement = supplierManagement;
		this.supplierSkus = supplierSkus;
		this.orders = orders;
		this.proposals = proposals;
		this.warehouses = warehouses;
		this.regions = regions;
		this.stock = stock;
		this.forecasts = forecasts;
		this.inbound = inbound;
		this.events = events;
		this.clock = clock;
	}

	// --- the supplier's side ---

	/** Whether the supplier is marked VMI (the portal shows its VMI page only then). */
	public boolean isVmi(SupplierId supplier) {
		return supplierManagement.get(supplier).vmi();
	}

	/** The supplier's own active SKUs at the central warehouses of the regions it supplies, by region and SKU. */
	public List<VmiStockLine> stock(SupplierId supplier) {
		requireVmi(supplier);
		var offers = supplierSkus.skus(supplier).stream().filter(SupplierSku::active).toList();
		List<VmiStockLine> lines = new ArrayList<>();
		if (offers.isEmpty()) {
			return lines;
		}
		List<SkuId> skus = offers.stream().map(SupplierSku::skuId).toList();
		for (long regionId : suppliers.regionsSupplied(supplier)) {
			var region = regions.getRegion(new RegionId(regionId));
			if (!region.active()) {
				continue;
			}
			Map<SkuId, DemandOutlook> outlook = forecasts.outlook(region.id(), skus, DAYS, READER);
			for (Warehouse w : centralWarehouses(region.id())) {
				Map<SkuId, Long> onOrder = inbound.onOrder(w.id(), skus);
				Map<SkuId, VmiProposal> open = new HashMap<>();
				proposals.openAt(w.id(), skus).forEach(p -> open.put(p.skuId(), p));
				for (SupplierSku offer : offers) {
					var s = stock.stock(w.id(), offer.skuId());
					var o = outlook.get(offer.skuId());
					List<DemandOutlook.Day> days = o == null ? List.of() : o.days();
					long ordered = onOrder.getOrDefault(offer.skuId(), 0L);
					long cover = VmiSuggestion.cover(days);
					var proposal = open.get(offer.skuId());
					boolean mine = proposal != null && proposal.supplierId().equals(supplier);
					lines.add(new VmiStockLine(region.id(), region.name(), w.id(), w.name(), offer.skuId(), offer.skuName(),
							offer.moq(), offer.price(), s.onHand(), s.available(), ordered, days,
							o == null ? null : o.method(), days.stream().mapToDouble(DemandOutlook.Day::mean).sum(),
							VmiSuggestion.spread(days), cover,
							days.isEmpty() ? 0 : VmiSuggestion.suggested(cover, s.available(), ordered, offer.moq()),
							mine ? proposal : null, proposal != null && !mine));
				}
			}
		}
		return lines;
	}

	/** The supplier's own proposals, newest first. */
	public List<VmiProposal> proposalsOf(SupplierId supplier) {
		requireVmi(supplier);
		return proposals.ofSupplier(supplier, 100);
	}

	/**
	 * A VMI supplier proposes a replenishment: one of its own active SKUs, for the central warehouse of a region
	 * it supplies, a multiple of its minimum order quantity up to 100,000 units, delivered today or later (at most
	 * {@value #MAX_DAYS_AHEAD} days ahead). At most one proposal per SKU and warehouse is open (409).
	 */
	@Transactional
	public VmiProposal propose(SupplierId supplier, NewVmiProposal p, Actor actor) {
		requireVmi(supplier);
		if (p.skuId() == null) {
			throw new InvalidInputException("skuId", Text.of("supply.problem.required"));
		}
		if (p.warehouseId() == null) {
			throw new InvalidInputException("warehouseId", Text.of("supply.problem.required"));
		}
		var offer = ownOffer(supplier, p.skuId())
			.orElseThrow(() -> new InvalidInputException("skuId", Text.of("supply.vmi.problem.notYourSku")));
		Warehouse warehouse;
		try {
			warehouse = warehouses.getWarehouse(p.warehouseId());
		}
		catch (NotFoundException e) {
			throw new InvalidInputException("warehouseId", Text.of("supply.vmi.problem.notYourWarehouse"));
		}
		if (warehouse.kind() != WarehouseKind.CENTRAL || !warehouse.active()
				|| !suppliers.regionsSupplied(supplier).contains(warehouse.regionId().value())) {
			throw new InvalidInputException("warehouseId", Text.of("supply.vmi.problem.notYourWarehouse"));
		}
		if (p.units() == null || p.units() < 1 || p.units() > 100_000) {
			throw new InvalidInputException("units", Text.of("supply.vmi.problem.units", 100_000));
		}
		if (p.units() % offer.moq() != 0) {
			throw new InvalidInputException("units", Text.of("supply.vmi.problem.moq", offer.moq()));
		}
		LocalDate today = today(warehouse.regionId());
		if (p.deliveryDate() == null) {
			throw new InvalidInputException("deliveryDate", Text.of("supply.problem.required"));
		}
		if (p.deliveryDate().isBefore(today) || p.deliveryDate().isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
			throw new InvalidInputException("deliveryDate", Text.of("supply.vmi.problem.deliveryDate", MAX_DAYS_AHEAD));
		}
		String note = p.note() == null || p.note().isBlank() ? null : p.note().strip();
		if (note != null && note.codePointCount(0, note.length()) > 200) {
			throw new InvalidInputException("note", Text.of("supply.problem.atMostCharacters", 200));
		}
		long id = proposals.insert(supplier, warehouse.regionId(),
				new NewVmiProposal(p.skuId(), p.warehouseId(), p.units(), p.deliveryDate(), note), actor.accountIdOrNull(),
				clock.instant());
		events.publishEvent(new AdminChange(actor.actedBy(), "vmi.propose", "vmi-proposal:" + id,
				"sku:" + p.skuId() + " × " + p.units() + " → warehouse:" + p.warehouseId()));
		return proposals.find(id).orElseThrow();
	}

	/** The supplier takes back its open proposal; another supplier's is "not found". */
	@Transactional
	public VmiProposal withdraw(SupplierId supplier, long id, Actor actor) {
		requireVmi(supplier);
		var p = proposals.find(id).filter(x -> x.supplierId().equals(supplier))
			.orElseThrow(() -> new NotFoundException("VMI proposal", id));
		var saved = proposals.save(p, p.withdraw(actor.accountIdOrNull(), clock.instant()));
		events.publishEvent(new AdminChange(actor.actedBy(), "vmi.withdraw", "vmi-proposal:" + id, ""));
		return saved;
	}

	// --- the operator's side ---

	/** Proposals in the actor's regions (or the one asked for: 403 outside them), open ones first. */
	public List<VmiProposal> search(Long regionId, VmiProposalStatus status, Actor actor) {
		var scope = actor.regionFilter(regionId);
		return proposals.search(scope.idsOrNull(), status, 200);
	}

	/** A proposal of the actor's regions (403 outside them). */
	public VmiProposal get(long id, Actor actor) {
		var p = proposals.find(id).orElseThrow(() -> new NotFoundException("VMI proposal", id));
		actor.checkRegion(p.regionId().value());
		return p;
	}

	/**
	 * An operator of the warehouse's region approves: a purchase order to the supplier for the units, at its
	 * current price, due on the delivery date, sent at once; the proposal links to it. Approving twice (or two
	 * operators at once) makes one order: the second is refused (409) and its order rolls back.
	 */
	@Transactional
	public VmiProposal approve(long id, Actor actor) {
		var p = proposals.find(id).orElseThrow(() -> new NotFoundException("VMI proposal", id));
		actor.checkManagesRegion(p.regionId().value());
		p.status().to(VmiProposalStatus.APPROVED);
		if (p.deliveryDate().isBefore(today(p.regionId()))) {
			throw new BusinessRuleException("vmi-delivery-date-passed", "deliveryDate",
					Text.of("supply.vmi.problem.datePassed", p.deliveryDate()));
		}
		var offer = ownOffer(p.supplierId(), p.skuId()).orElseThrow(() -> new BusinessRuleException(
				"vmi-sku-not-offered", "skuId", Text.of("supply.vmi.problem.noLongerOffered")));
		var order = orders.placeReplenishment(offer, p.regionId(), p.warehouseId(), p.units(), p.deliveryDate(), actor);
		var saved = proposals.save(p, p.approve(order.id(), actor.accountIdOrNull(), clock.instant()));
		events.publishEvent(new AdminChange(actor.actedBy(), "vmi.approve", "vmi-proposal:" + id, order.poNo()));
		return saved;
	}

	/** An operator of the warehouse's region rejects, with a reason the supplier reads. */
	@Transactional
	public VmiProposal reject(long id, String reason, Actor actor) {
		var p = proposals.find(id).orElseThrow(() -> new NotFoundException("VMI proposal", id));
		actor.checkManagesRegion(p.regionId().value());
		var saved = proposals.save(p, p.reject(reason, actor.accountIdOrNull(), clock.instant()));
		events.publishEvent(new AdminChange(actor.actedBy(), "vmi.reject", "vmi-proposal:" + id, saved.rejectReason()));
		return saved;
	}

	// ---

	private void requireVmi(SupplierId supplier) {
		if (!isVmi(supplier)) {
			throw new AccessDeniedException("supplier " + supplier + " does not manage its inventory (not VMI)");
		}
	}

	private java.util.Optional<SupplierSku> ownOffer(SupplierId supplier, SkuId sku) {
		return supplierSkus.skus(supplier).stream().filter(o -> o.skuId().equals(sku) && o.active()).findFirst();
	}

	private List<Warehouse> centralWarehouses(RegionId region) {
		return warehouses.warehouses(region).stream().filter(w -> w.kind() == WarehouseKind.CENTRAL && w.active())
			.sorted(Comparator.comparingLong(w -> w.id().value())).toList();
	}

	private LocalDate today(RegionId region) {
		return LocalDate.now(clock.withZone(regions.getRegion(region).zone()));
	}
}
