package com.linli.supply.internal.web;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.linli.identity.Actor;
import com.linli.shared.Page;
import com.linli.shared.export.Spreadsheets;
import com.linli.supply.PurchaseOrderId;
import com.linli.supply.PurchaseOrderManagement;
import com.linli.supply.PurchaseOrderStatus;
import com.linli.supply.SettlementManagement;
import com.linli.supply.SupplierConfirmationManagement;
import com.linli.supply.SupplierManagement;
import com.linli.supply.internal.SupplyWorkbooks;
import com.linli.supply.internal.web.SupplyViews.PurchaseOrderView;
import com.linli.supply.internal.web.SupplyViews.StatementView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The supplier portal's API: a SUPPLIER account sees and answers only its own supplier's purchase orders
 * (another supplier's are "not found") and reads its settlement statements.
 */
@RestController
@RequestMapping("/api/supplier")
@PreAuthorize("hasRole('SUPPLIER')")
@Tag(name = "supplier portal", description = "A supplier's own purchase orders and statements")
class SupplierPortalRestController {

	private final SupplierManagement suppliers;

	private final PurchaseOrderManagement orders;

	private final SupplierConfirmationManagement confirmations;

	private final SettlementManagement settlement;

	SupplierPortalRestController(SupplierManagement suppliers, PurchaseOrderManagement orders,
			SupplierConfirmationManagement confirmations,
			SettlementManagement settlement) {
		this.suppliers = suppliers;
		this.orders = orders;
		this.confirmations = confirmations;
		this.settlement = settlement;
	}

	@GetMapping("/purchase-orders")
	@Operation(summary = "My purchase orders (sent or later), newest pickup date first")
	Page<PurchaseOrderView> list(@RequestParam(required = false) PurchaseOrderStatus status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		var result = orders.ofSupplier(SupplyViews.mySupplier(suppliers), status, page, size);
		return new Page<>(result.items().stream().map(p -> PurchaseOrderView.of(p, false, null)).toList(),
				result.total(), result.page(), result.size());
	}

	@GetMapping("/purchase-orders.xlsx")
	@Operation(summary = "Export my purchase orders as an Excel workbook")
	ResponseEntity<byte[]> export() {
		var mine = orders.ofSupplier(SupplyViews.mySupplier(suppliers), null, 0, 200).items();
		return Spreadsheets.file(SupplyWorkbooks.purchaseOrders("采购单 Purchase orders", mine), "purchase-orders.xlsx", Spreadsheets.XLSX);
	}

	@GetMapping("/purchase-orders/{id}")
	PurchaseOrderView get(@PathVariable long id) {
		return PurchaseOrderView.of(orders.getFor(SupplyViews.mySupplier(suppliers), new PurchaseOrderId(id)), false,
				null);
	}

	@PostMapping("/purchase-orders/{id}/confirm")
	@Operation(summary = "Confirm a sent order: in full, or with shorter quantities for some lines")
	PurchaseOrderView confirm(@PathVariable long id, @Valid @RequestBody(required = false) ConfirmRequest r,
			Actor actor) {
		Map<Long, Integer> quantities = new HashMap<>();
		if (r != null && r.lines() != null) {
			for (var l : r.lines()) {
				quantities.put(l.lineId(), l.quantity());
			}
		}
		return PurchaseOrderView.of(confirmations.confirm(SupplyViews.mySupplier(suppliers), new PurchaseOrderId(id),
				quantities, actor), false, null);
	}

	@PostMapping("/purchase-orders/{id}/delivery")
	@Operation(summary = "Announce when the goods will arrive at the central warehouse")
	PurchaseOrderView announce(@PathVariable long id, @Valid @RequestBody DeliveryRequest r) {
		return PurchaseOrderView.of(confirmations.announce(SupplyViews.mySupplier(suppliers), new PurchaseOrderId(id),
				r.deliveryAt()), false, null);
	}

	@GetMapping("/statements")
	@Operation(summary = "My settlement statements, newest period first")
	List<StatementView> statements() {
		return settlement.listFor(SupplyViews.mySupplier(suppliers)).stream()
			.map(s -> StatementView.of(s, false)).toList();
	}

	@GetMapping("/statements/{id}")
	StatementView statement(@PathVariable long id) {
		return StatementView.of(settlement.getFor(SupplyViews.mySupplier(suppliers), id), false);
	}

	@GetMapping("/statements/{id}.xlsx")
	ResponseEntity<byte[]> statementFile(@PathVariable long id) {
		var s = settlement.getFor(SupplyViews.mySupplier(suppliers), id);
		return Spreadsheets.file(SupplyWorkbooks.statement(s), "statement-" + s.periodStart() + ".xlsx", Spreadsheets.XLSX);
	}

	record ConfirmRequest(@Size(max = 500) List<@Valid ConfirmLine> lines) {
	}

	record ConfirmLine(@NotNull Long lineId, @NotNull @Min(0) Integer quantity) {
	}

	record DeliveryRequest(@NotNull Instant deliveryAt) {
	}
}
