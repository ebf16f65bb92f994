package com.linli.inventory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.linli.catalog.Sku;
import com.linli.catalog.SkuId;
import com.linli.catalog.SkuManagement;
import com.linli.identity.Actor;
import com.linli.inventory.internal.Reservations;
import com.linli.inventory.internal.StockLedger;
import com.linli.inventory.internal.StockQueries;
import com.linli.network.RegionManagement;
import com.linli.network.Warehouse;
import com.linli.network.WarehouseId;
import com.linli.network.WarehouseManagement;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import com.linli.shared.Page;
import com.linli.shared.Text;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stock as other modules see it: goods received into a warehouse as batches, units reserved for a demand
 * reference, and the available units. Supply calls these as the platform (receiving checks the staff
 * member itself); every change locks the stock row of the warehouse and SKU, so concurrent calls queue.
 */
@Service
@Transactional(readOnly = true)
public class StockManagement {

	/** Who receives when the caller names nobody. */
	private static final Actor PLATFORM = Actor.system("stock-receiving");

	private final StockLedger ledger;

	private final Reservations reservations;

	private final SkuManagement catalog;

	private final WarehouseManagement network;

	private final RegionManagement regionManagement;

	private final StockQueries queries;

	private final Scope scope;

	private final Clock clock;

	StockManagement(StockLedger ledger, Reservations reservations, StockQueries queries, Scope scope,
			SkuManagement catalog, WarehouseManagement network, RegionManagement regionManagement, Clock clock) {
		this.ledger = ledger;
		this.queries = queries;
		this.scope = scope;
		this.reservations = reservations;
		this.catalog = catalog;
		this.network = network;
		this.regionManagement = regionManagement;
		this.clock = clock;
	}

	/**
	 * Accepted goods enter a warehouse as a batch (expiry = production date + the SKU's shelf life from catalog);
	 * RECEIPT movement. When reserveFor != null the units are at once reserved for that demand reference
	 * (e.g. "cutoff-run:42"). Idempotent by {@code reference} (e.g. "po-line:17"): a retry returns the same batch.
	 * Received by the platform itself (no person recorded on the movement): a person receiving names
	 * themselves with {@link #receive(WarehouseId, SkuId, int, String, LocalDate, String, String, Money, Actor)}.
	 */
	@Transactional
	public StockBatch receive(WarehouseId warehouse, SkuId sku, int quantity, String batchNo,
			LocalDate productionDate, String reference, String reserveFor) {
		return receive(warehouse, sku, quantity, batchNo, productionDate, reference, reserveFor, null);
	}

	/** As {@link #receive(WarehouseId, SkuId, int, String, LocalDate, String, String)}, with the unit cost when known. */
	@Transactional
	public StockBatch receive(WarehouseId warehouse, SkuId sku, int quantity, String batchNo,
			LocalDate productionDate, String reference, String reserveFor, Money unitCost) {
		return receive(warehouse, sku, quantity, batchNo, productionDate, reference, reserveFor, unitCost, PLATFORM);
	}

	/**
	 * As {@link #receive(WarehouseId, SkuId, int, String, LocalDate, String, String, Money)}, naming who received
	 * the goods (recorded on the RECEIPT movement). The warehouse's region is not checked here: the caller
	 * (supply's receiving) checks its staff member itself.
	 */
	@Transactional
	public StockBatch receive(WarehouseId warehouse, SkuId sku, int quantity, String batchNo,
			LocalDate productionDate, String reference, String reserveFor, Money unitCost, Actor actor) {
		String ref = Checks.reference("reference", reference);
		var earlier = ledger.batchByReference(ref);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		network.getWarehouse(Checks.required("warehouseId", warehouse));
		Sku item = catalog.getSku(Checks.required("skuId", sku));
		if (quantity <= 0) {
			throw new InvalidInputException("quantity", Text.of("inventory.problem.quantityMustAboveZero"));
		}
		String no = Checks.text("batchNo", batchNo, 40);
		String holdFor = reserveFor == null || reserveFor.isBlank() ? null : Checks.reference("reserveFor", reserveFor);
		Instant now = clock.instant();
		if (productionDate != null && productionDate.isAfter(LocalDate.now(clock).plusDays(1))) {
			throw new InvalidInputException("productionDate", Text.of("inventory.problem.productionDateFuture"));
		}
		if (unitCost != null && unitCost.fen() < 0) {
			throw new InvalidInputException("unitCostFen", Text.of("inventory.problem.costMustNotNegative"));
		}
		LocalDate expires = productionDate == null ? null : productionDate.plusDays(item.shelfLifeDays());
		ledger.lock(warehouse, sku, now);
		earlier = ledger.batchByReference(ref);
		if (earlier.isPresent()) {
			// a concurrent retry committed while we waited for the lock
			return earlier.get();
		}
		StockBatchId id = ledger.insertBatch(warehouse, sku, no, productionDate, expires, now, ref, null,
				unitCost == null ? null : unitCost.fen());
		StockBatch batch = ledger.batch(id).orElseThrow();
		ledger.book(batch, MovementKind.RECEIPT, quantity, ref, null, null, actor.accountIdOrNull(), now);
		if (holdFor != null) {
			ledger.addReserved(warehouse, sku, quantity, now);
			reservations.hold(holdFor, warehouse, sku, quantity, now);
		}
		return ledger.batch(id).orElseThrow();
	}

	/**
	 * Reserves, per SKU, min(wanted, available) units at the warehouse for a demand reference and returns what
	 * was reserved; idempotent per (reference, sku): a second call returns the first answer.
	 */
	@Transactional
	public Map<SkuId, Long> reserve(WarehouseId warehouse, Map<SkuId, Long> wanted, String reference) {
		String ref = Checks.reference("reference", reference);
		Checks.required("warehouseId", warehouse);
		Instant now = clock.instant();
		// lock in SKU order: two reservations over the same SKUs never wait for each other in a circle
		Map<Long, Long> sorted = new TreeMap<>();
		(wanted == null ? Map.<SkuId, Long>of() : wanted).forEach((sku, units) -> {
			if (sku == null || units == null || units < 0) {
				throw new InvalidInputException("wanted", Text.of("inventory.problem.unitsMustZeroMore"));
			}
			sorted.merge(sku.value(), units, Long::sum);
		});
		if (!sorted.isEmpty()) {
			network.getWarehouse(warehouse);
		}
		Map<SkuId, Long> result = new LinkedHashMap<>();
		sorted.forEach((skuValue, units) -> {
			SkuId sku = new SkuId(skuValue);
			Stock stock = ledger.lock(warehouse, sku, now);
			var row = reservations.find(ref, sku);
			if (row.isPresent() && row.get().answered() != null) {
				result.put(sku, row.get().answered());
				return;
			}
			long reserved = Math.min(units, Math.max(stock.available(), 0));
			if (reserved > 0 && !ledger.addReserved(warehouse, sku, reserved, now)) {
				throw new IllegalStateException("reservation refused under lock: " + warehouse + "/" + sku);
			}
			reservations.answer(ref, warehouse, sku, reserved, now);
			result.put(sku, reserved);
		});
		return result;
	}

	/** Frees what is still held for a demand reference at a warehouse (e.g. a cancelled demand). */
	@Transactional
	public Map<SkuId, Long> release(WarehouseId warehouse, String reference) {
		String ref = Checks.reference("reference", reference);
		Instant now = clock.instant();
		Map<SkuId, Long> released = new LinkedHashMap<>();
		for (var row : reservations.heldFor(ref, warehouse)) {
			ledger.lock(warehouse, row.skuId(), now);
			var current = reservations.find(ref, row.skuId()).orElseThrow();
			if (current.held() > 0 && reservations.consume(ref, row.skuId(), current.held(), now)
					&& ledger.addReserved(warehouse, row.skuId(), -current.held(), now)) {
				released.put(row.skuId(), current.held());
			}
		}
		return released;
	}

	/** Units available (on hand - reserved) per SKU at the warehouse; SKUs never stocked there have 0. */
	public Map<SkuId, Long> available(WarehouseId warehouse, Collection<SkuId> skus) {
		Map<SkuId, Long> result = new LinkedHashMap<>();
		skus.forEach(s -> result.put(s, 0L));
		if (!skus.isEmpty()) {
			ledger.find(warehouse, skus).forEach(s -> result.put(s.skuId(), s.available()));
		}
		return result;
	}

	public Stock stock(WarehouseId warehouse, SkuId sku) {
		return ledger.find(warehouse, sku).orElse(Stock.of(warehouse, sku, 0, 0));
	}

	/** Units still held for a demand reference and SKU (0 when nothing is). */
	public long held(String reference, SkuId sku) {
		return reservations.find(reference, sku).map(Reservations.Row::held).orElse(0L);
	}

	/** Stock of a warehouse the caller works in; {@code query} matches SKU names (null = all), in-stock rows first. */
	public Page<StockLine> stockOf(WarehouseId warehouse, String query, int page, int size, Actor actor) {
		scope.warehouse(warehouse, "warehouseId", actor);
		List<SkuId> skus = query == null || query.isBlank() ? null : catalog.searchSkus(query.strip(), 500);
		if (skus != null && skus.isEmpty()) {
			return new Page<>(List.of(), 0, Math.max(page, 0), Page.size(size));
		}
		return queries.stock(warehouse, skus, Math.max(page, 0), Page.size(size));
	}

	/** Batches of a SKU at a warehouse the caller works in, those holding units first. */
	public List<StockBatch> batches(WarehouseId warehouse, SkuId sku, Actor actor) {
		scope.warehouse(warehouse, "warehouseId", actor);
		return queries.batches(warehouse, sku);
	}

	/** The latest ledger rows (at most {@code limit}) of a SKU at a warehouse the caller works in. */
	public List<Movement> movements(WarehouseId warehouse, SkuId sku, int limit, Actor actor) {
		scope.warehouse(warehouse, "warehouseId", actor);
		return queries.movements(warehouse, sku, Math.min(Math.max(limit, 1), 500));
	}

	/** The sum of the whole ledger of a SKU at a warehouse: always equal to on hand. */
	public long ledgerSum(WarehouseId warehouse, SkuId sku, Actor actor) {
		scope.warehouse(warehouse, "warehouseId", actor);
		return queries.ledgerSum(warehouse, sku);
	}

	/** The active warehouses of the regions the actor works in, central first. */
	public List<Warehouse> warehouses(Actor actor) {
		var regions = actor.regions().idsOrNull();
		return regionManagement.regions().stream().filter(r -> regions == null || regions.contains(r.id().value()))
			.flatMap(r -> network.warehouses(r.id()).stream()).filter(Warehouse::active).toList();
	}
}
