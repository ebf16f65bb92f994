package com.linli.inventory.internal.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.linli.catalog.Sku;
import com.linli.catalog.SkuId;
import com.linli.catalog.SkuManagement;
import com.linli.identity.Actor;
import com.linli.inventory.AlertKind;
import com.linli.inventory.AlertManagement;
import com.linli.inventory.Clearance;
import com.linli.inventory.ClearanceManagement;
import com.linli.inventory.InventorySettings;
import com.linli.inventory.Movement;
import com.linli.inventory.MovementManagement;
import com.linli.inventory.StockAlert;
import com.linli.inventory.StockBatch;
import com.linli.inventory.StockBatchId;
import com.linli.inventory.StockManagement;
import com.linli.inventory.Stocktake;
import com.linli.inventory.StocktakeLine;
import com.linli.inventory.StocktakeManagement;
import com.linli.network.WarehouseId;
import com.linli.shared.Page;
import com.linli.shared.Text;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Inventory for staff of the warehouse's region: stock per warehouse, a SKU's batches and ledger, movements
 * (transfer, return, damage), stocktakes, alerts with clearance suggestions, and the safety stock settings.
 */
@RestController
@RequestMapping("/api/inventory")
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR', 'WAREHOUSE_STAFF')")
@Tag(name = "inventory", description = "Stock, batches, ledger, movements, stocktakes (盘点), alerts and clearance")
class InventoryRestController {

	static final String REFERENCE = "[A-Za-z0-9:_.\\-/#]+";

	private final StockManagement stock;

	private final MovementManagement movements;

	private final StocktakeManagement stocktakes;

	private final AlertManagement alerts;

	private final ClearanceManagement clearances;

	private final SkuManagement catalog;

	InventoryRestController(StockManagement stock, MovementManagement movements, StocktakeManagement stocktakes,
			AlertManagement alerts, ClearanceManagement clearances, SkuManagement catalog) {
		this.stock = stock;
		this.movements = movements;
		this.stocktakes = stocktakes;
		this.alerts = alerts;
		this.clearances = clearances;
		this.catalog = catalog;
	}

	@GetMapping("/warehouses/{warehouseId}/stock")
	@Operation(summary = "Stock of a warehouse: on hand, reserved, available, nearest expiry and open alert kinds; "
			+ "q searches SKU names")
	Page<StockView> stock(@PathVariable long warehouseId, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, Actor actor) {
		WarehouseId warehouse = new WarehouseId(warehouseId);
		var found = stock.stockOf(warehouse, q, page, size, actor);
		Map<SkuId, Sku> skus = catalog.skus(found.items().stream().map(l -> l.stock().skuId()).toList());
		var kinds = alerts.openKinds(warehouse);
		return new Page<>(found.items().stream().map(l -> {
			Sku sku = skus.get(l.stock().skuId());
			return new StockView(l.stock().skuId().value(), sku == null ? null : sku.displayName(), l.stock().onHand(),
					l.stock().reserved(), l.stock().available(), l.nextExpiry(), kinds.getOrDefault(l.stock().skuId(), Set.of()));
		}).toList(), found.total(), found.page(), found.size());
	}

	@GetMapping("/warehouses/{warehouseId}/stock/{skuId}")
	@Operation(summary = "One SKU at a warehouse: stock, batches (FEFO order) and the latest ledger rows")
	StockDetail detail(@PathVariable long warehouseId, @PathVariable long skuId,
			@RequestParam(defaultValue = "100") int movementLimit, Actor actor) {
		WarehouseId w = new WarehouseId(warehouseId);
		SkuId sku = new SkuId(skuId);
		var s = stock.stock(w, sku);
		List<StockBatch> batches = stock.batches(w, sku, actor);
		return new StockDetail(warehouseId, skuId, catalog.getSku(sku).displayName(), s.onHand(), s.reserved(),
				s.available(), stock.ledgerSum(w, sku, actor), batches.stream().map(BatchView::of).toList(),
				stock.movements(w, sku, movementLimit, actor).stream().map(MovementView::of).toList());
	}

	@PostMapping("/transfers")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Move available units between two warehouses of a region (central -> grid), first expiry first")
	StockPair transfer(@Valid @RequestBody TransferRequest r, Actor actor) {
		movements.transfer(new WarehouseId(r.fromWarehouseId()), new WarehouseId(r.toWarehouseId()), new SkuId(r.skuId()),
				r.quantity(), r.reference(), actor);
		return new StockPair(StockView.of(stock.stock(new WarehouseId(r.fromWarehouseId()), new SkuId(r.skuId()))),
				StockView.of(stock.stock(new WarehouseId(r.toWarehouseId()), new SkuId(r.skuId()))));
	}

	@PostMapping("/damages")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Write off damaged, spoiled or lost units (报损) with the reason; a batch or first expiry first")
	StockView damage(@Valid @RequestBody DamageRequest r, Actor actor) {
		movements.damage(new WarehouseId(r.warehouseId()), new SkuId(r.skuId()), r.quantity(),
				r.batchId() == null ? null : new StockBatchId(r.batchId()), r.reason(), r.reference(), actor);
		return StockView.of(stock.stock(new WarehouseId(r.warehouseId()), new SkuId(r.skuId())));
	}

	@PostMapping("/returns")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Goods come back into a warehouse, into a batch they left (default: the latest-expiring one)")
	StockView returnGoods(@Valid @RequestBody ReturnRequest r, Actor actor) {
		movements.returnGoods(new WarehouseId(r.warehouseId()), new SkuId(r.skuId()), r.quantity(),
				r.batchId() == null ? null : new StockBatchId(r.batchId()), r.reason(), r.reference(), actor);
		return StockView.of(stock.stock(new WarehouseId(r.warehouseId()), new SkuId(r.skuId())));
	}

	@PostMapping("/stocktakes")
	@Operation(summary = "Open a count of a warehouse: a snapshot of the expected units of every batch holding units")
	ResponseEntity<StocktakeView> openStocktake(@Valid @RequestBody OpenStocktake r, Actor actor) {
		Stocktake s = stocktakes.open(new WarehouseId(r.warehouseId()), r.note(), actor);
		return ResponseEntity.created(URI.create("/api/inventory/stocktakes/" + s.id())).body(view(s));
	}

	@GetMapping("/stocktakes/{id}")
	@Operation(summary = "A count with its lines: expected, counted, variance and its value at cost when known")
	StocktakeView stocktake(@PathVariable long id, Actor actor) {
		return view(stocktakes.get(id, actor));
	}

	@PutMapping("/stocktakes/{id}/lines/{batchId}")
	@Operation(summary = "Enter (or correct) the units counted of a batch while the count is open")
	StocktakeView count(@PathVariable long id, @PathVariable long batchId, @Valid @RequestBody CountRequest r, Actor actor) {
		return view(stocktakes.count(id, new StockBatchId(batchId), r.counted(), actor));
	}

	@PostMapping("/stocktakes/{id}/close")
	@Operation(summary = "Close the count: every counted variance becomes an ADJUSTMENT movement")
	StocktakeView close(@PathVariable long id, Actor actor) {
		return view(stocktakes.close(id, actor));
	}

	@GetMapping("/alerts")
	@Operation(summary = "Alerts of the caller's regions (open first), each with its clearance suggestion if any")
	Page<AlertView> alerts(@RequestParam(required = false) Boolean open, @RequestParam(required = false) AlertKind kind,
			@RequestParam(required = false) Long warehouseId, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, Actor actor) {
		var found = alerts.search(open, kind, warehouseId == null ? null : new WarehouseId(warehouseId), page, size, actor);
		var suggestions = clearances.forAlerts(found.items().stream().map(StockAlert::id).toList());
		return new Page<>(found.items().stream().map(a -> AlertView.of(a, suggestions.get(a.id()))).toList(),
				found.total(), found.page(), found.size());
	}

	@PostMapping("/alerts/recompute")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "Recompute safety stock and alerts now (the job runs every hour)")
	AlertManagement.Recomputed recompute(Actor actor) {
		return alerts.recompute(actor);
	}

	@PostMapping("/clearances/{id}/accept")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "Accept a clearance suggestion: publishes its listing; accepting again returns the same listing")
	ClearanceView accept(@PathVariable long id, Actor actor) {
		return ClearanceView.of(clearances.accept(id, actor));
	}

	@GetMapping("/settings")
	@Operation(summary = "Safety stock and alert settings with the seasonal factor per month")
	InventorySettings settings() {
		return alerts.settings();
	}

	@PutMapping("/settings")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "Change the safety stock and alert settings")
	InventorySettings updateSettings(@Valid @RequestBody SettingsRequest r, Actor actor) {
		return alerts.updateSettings(new InventorySettings(r.salesWindowDays(), r.safetyDays(), r.overstockDays(),
				r.nearExpiryDays(), r.seasonalFactors() == null ? Map.of() : r.seasonalFactors()), actor);
	}

	private static StocktakeView view(Stocktake s) {
		return new StocktakeView(s.id(), s.warehouseId().value(), s.status().name(), s.note(), s.openedAt(), s.closedAt(),
				s.lines().stream().map(LineView::of).toList());
	}

	record TransferRequest(@NotNull Long fromWarehouseId, @NotNull Long toWarehouseId, @NotNull Long skuId,
			@Positive @Max(1_000_000) long quantity, @Size(max = 80) @Pattern(regexp = REFERENCE) String reference) {
	}

	record DamageRequest(@NotNull Long warehouseId, @NotNull Long skuId, @Positive @Max(1_000_000) long quantity,
			Long batchId, @NotBlank @Size(max = 200) String reason,
			@Size(max = 80) @Pattern(regexp = REFERENCE) String reference) {
	}

	record ReturnRequest(@NotNull Long warehouseId, @NotNull Long skuId, @Positive @Max(1_000_000) long quantity,
			Long batchId, @Size(max = 200) String reason, @Size(max = 80) @Pattern(regexp = REFERENCE) String reference) {
	}

	record OpenStocktake(@NotNull Long warehouseId, @Size(max = 200) String note) {
	}

	record CountRequest(@NotNull @PositiveOrZero @Max(10_000_000) Long counted) {
	}

	record SettingsRequest(@Min(1) @Max(90) int salesWindowDays,
			@NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("60") BigDecimal safetyDays,
			@NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("365") BigDecimal overstockDays,
			@Min(0) @Max(60) int nearExpiryDays, Map<Integer, BigDecimal> seasonalFactors) {
	}

	record StockView(long skuId, String skuName, long onHand, long reserved, long available, LocalDate nextExpiry,
			Set<AlertKind> alerts) {

		static StockView of(com.linli.inventory.Stock s) {
			return new StockView(s.skuId().value(), null, s.onHand(), s.reserved(), s.available(), null, null);
		}
	}

	record StockPair(StockView from, StockView to) {
	}

	record StockDetail(long warehouseId, long skuId, String skuName, long onHand, long reserved, long available,
			long ledgerSum, List<BatchView> batches, List<MovementView> movements) {
	}

	record BatchView(long id, String batchNo, LocalDate productionDate, LocalDate expiresOn, long received,
			long remaining, Instant receivedAt) {

		static BatchView of(StockBatch b) {
			return new BatchView(b.id().value(), b.batchNo(), b.productionDate(), b.expiresOn(), b.received(),
					b.remaining(), b.receivedAt());
		}
	}

	record MovementView(long id, long batchId, String batchNo, String kind, long quantity, String reference,
			String reason, String reasonCode, Long otherWarehouseId, Instant at) {

		/** The reason in the caller's language, and its message code (null for a reason typed by a person). */
		static MovementView of(Movement m) {
			Text reason = Text.fromStored(m.reason());
			return new MovementView(m.id(), m.batchId().value(), m.batchNo(), m.kind().name(), m.quantity(), m.reference(),
					reason == null ? null : reason.inReadersLanguage(), reason == null ? null : reason.code(),
					m.otherWarehouseId() == null ? null : m.otherWarehouseId().value(), m.createdAt());
		}
	}

	record StocktakeView(long id, long warehouseId, String status, String note, Instant openedAt, Instant closedAt,
			List<LineView> lines) {
	}

	record LineView(long batchId, long skuId, String skuName, String batchNo, LocalDate expiresOn, long expected,
			Long counted, Long variance, Long varianceValueFen, Long adjusted) {

		static LineView of(StocktakeLine l) {
			return new LineView(l.batchId().value(), l.skuId().value(), l.skuName(), l.batchNo(), l.expiresOn(),
					l.expected(), l.counted(), l.variance(), l.varianceValue() == null ? null : l.varianceValue().fen(),
					l.adjusted());
		}
	}

	record AlertView(long id, String kind, long warehouseId, long skuId, Long batchId, boolean open, long available,
			long safetyStock, BigDecimal averageDailySales, BigDecimal daysOfCover, LocalDate expiresOn, long units,
			Instant raisedAt, ClearanceView clearance) {

		static AlertView of(StockAlert a, Clearance c) {
			return new AlertView(a.id(), a.kind().name(), a.warehouseId().value(), a.skuId().value(),
					a.batchId() == null ? null : a.batchId().value(), a.open(), a.available(), a.safetyStock(),
					a.averageDailySales(), a.daysOfCover(), a.expiresOn(), a.units(), a.raisedAt(),
					c == null ? null : ClearanceView.of(c));
		}
	}

	record ClearanceView(long id, String kind, long skuId, long basePriceFen, int discountPercent, long priceFen, int cap,
			LocalDate pickupDate, LocalDate lastPickupDate, Long bundleSkuId, String bundleName, boolean accepted,
			Long listingId) {

		static ClearanceView of(Clearance c) {
			return new ClearanceView(c.id(), c.kind().name(), c.skuId().value(), c.basePrice().fen(), c.discountPercent(),
					c.price().fen(), c.cap(), c.pickupDate(), c.lastPickupDate(),
					c.bundleSkuId() == null ? null : c.bundleSkuId().value(), c.bundleName(), c.accepted(),
					c.listingId() == null ? null : c.listingId().value());
		}
	}
}
