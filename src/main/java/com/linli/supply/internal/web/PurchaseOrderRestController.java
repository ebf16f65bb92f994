package com.linli.supply.internal.web;

import java.util.List;

import com.linli.identity.Actor;
import com.linli.identity.CurrentUser;
import com.linli.identity.RegionScope;
import com.linli.ordering.ShortageRule;
import com.linli.shared.Page;
import com.linli.shared.SupplierId;
import com.linli.shared.export.Spreadsheets;
import com.linli.supply.PurchaseOrder;
import com.linli.supply.PurchaseOrderId;
import com.linli.supply.PurchaseOrderManagement;
import com.linli.supply.PurchaseOrderStatus;
import com.linli.supply.ReceiptLine;
import com.linli.supply.ReceivingManagement;
import com.linli.supply.RejectReason;
import com.linli.supply.internal.SupplyWorkbooks;
import com.linli.supply.internal.web.SupplyViews.PurchaseOrderView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Purchase orders for staff: operators (their regions) review drafts, change or drop lines, send or cancel;
 * warehouse staff receive them at the central warehouse ({@code /api/warehouse/...}).
 */
@RestController
@Tag(name = "purchase orders", description = "Purchase orders from cutoff demand; receiving at the central warehouse")
class PurchaseOrderRestController {

	private final PurchaseOrderManagement orders;

	private final ReceivingManagement receiving;

	PurchaseOrderRestController(PurchaseOrderManagement orders, ReceivingManagement receiving) {
		this.orders = orders;
		this.receiving = receiving;
	}

	@GetMapping("/api/purchase-orders")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "Page through purchase orders of your regions, newest pickup date first")
	Page<PurchaseOrderView> search(@RequestParam(required = false) Long supplierId,
			@RequestParam(required = false) PurchaseOrderStatus status, @RequestParam(required = false) Long cutoffRunId,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		var me = CurrentUser.require();
		if (cutoffRunId != null) {
			var list = orders.ofRun(cutoffRunId).stream().filter(p -> me.managesRegion(p.regionId().value()))
				.map(p -> PurchaseOrderView.of(p, true, null)).toList();
			return new Page<>(list, list.size(), 0, Math.max(list.size(), 1));
		}
		var result = orders.search(supplierId == null ? null : new SupplierId(supplierId),
				staffScope(me), status, page, size);
		return new Page<>(result.items().stream().map(p -> PurchaseOrderView.of(p, true, null)).toList(),
				result.total(), result.page(), result.size());
	}

	@GetMapping("/api/purchase-orders.xlsx")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "Export purchase orders (one row per line) as an Excel workbook")
	ResponseEntity<byte[]> export(@RequestParam(required = false) Long supplierId,
			@RequestParam(required = false) PurchaseOrderStatus status) {
		var me = CurrentUser.require();
		var result = orders.search(supplierId == null ? null : new SupplierId(supplierId),
				staffScope(me), status, 0, 200);
		return Spreadsheets.file(SupplyWorkbooks.purchaseOrders("采购单 Purchase orders", result.items()),
				"purchase-orders.xlsx", Spreadsheets.XLSX);
	}

	@GetMapping("/api/purchase-orders/{id}")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	PurchaseOrderView get(@PathVariable long id) {
		return view(scoped(id));
	}

	@PatchMapping("/api/purchase-orders/{id}/lines/{lineId}")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "Change a draft line's quantity (0 drops it)")
	PurchaseOrderView changeLine(@PathVariable long id, @PathVariable long lineId, @Valid @RequestBody LineChange r,
			Actor actor) {
		scoped(id);
		return view(orders.changeLine(new PurchaseOrderId(id), lineId, r.ordered(), actor));
	}

	@DeleteMapping("/api/purchase-orders/{id}/lines/{lineId}")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "Drop a line of a draft")
	PurchaseOrderView dropLine(@PathVariable long id, @PathVariable long lineId, Actor actor) {
		scoped(id);
		return view(orders.dropLine(new PurchaseOrderId(id), lineId, actor));
	}

	@PostMapping("/api/purchase-orders/{id}/send")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "DRAFT -> SENT: the supplier sees it in the portal")
	PurchaseOrderView send(@PathVariable long id, Actor actor) {
		scoped(id);
		return view(orders.send(new PurchaseOrderId(id), actor));
	}

	@PostMapping("/api/purchase-orders/{id}/cancel")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	PurchaseOrderView cancel(@PathVariable long id, Actor actor) {
		scoped(id);
		return view(orders.cancel(new PurchaseOrderId(id), actor));
	}

	@GetMapping("/api/warehouse/purchase-orders")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR', 'WAREHOUSE_STAFF')")
	@Operation(summary = "Purchase orders to receive (SENT or CONFIRMED)")
	List<PurchaseOrderView> toReceive() {
		var scope = warehouseScope();
		var list = new java.util.ArrayList<PurchaseOrder>();
		list.addAll(orders.search(null, scope, PurchaseOrderStatus.CONFIRMED, 0, 100).items());
		list.addAll(orders.search(null, scope, PurchaseOrderStatus.SENT, 0, 100).items());
		return list.stream().map(p -> PurchaseOrderView.of(p, true, null)).toList();
	}

	@GetMapping("/api/warehouse/purchase-orders/{id}")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR', 'WAREHOUSE_STAFF')")
	PurchaseOrderView receiving(@PathVariable long id) {
		return view(warehouseScoped(id));
	}

	@PostMapping("/api/warehouse/purchase-orders/{id}/receipt")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR', 'WAREHOUSE_STAFF')")
	@Operation(summary = "Receive lines at the central warehouse: accepted (batch, production date) and rejected (reason) "
			+ "units; the demand's missing units are refunded to residents by shortageRule (default NEWEST_FIRST)")
	PurchaseOrderView receive(@PathVariable long id, @Valid @RequestBody ReceiptRequest r, Actor actor) {
		warehouseScoped(id);
		return view(receiving.receive(new PurchaseOrderId(id), r.lines().stream().map(ReceiptLineRequest::toLine).toList(),
				r.shortageRule(), actor));
	}

	private PurchaseOrder scoped(long id) {
		var po = orders.get(new PurchaseOrderId(id));
		CurrentUser.checkRegion(po.regionId().value());
		return po;
	}

	/**
	 * Operators only in their regions; warehouse staff in the regions on their account, or everywhere when
	 * their account names none (a warehouse team that serves the whole platform).
	 */
	private PurchaseOrder warehouseScoped(long id) {
		var po = orders.get(new PurchaseOrderId(id));
		var scope = warehouseScope();
		if (!scope.includes(po.regionId().value())) {
			throw new org.springframework.security.access.AccessDeniedException("region " + po.regionId()
					+ " is not among your regions");
		}
		return po;
	}

	/** The regions the user may receive in. */
	private static RegionScope warehouseScope() {
		var me = CurrentUser.require();
		if (me.isAdmin()) {
			return RegionScope.all();
		}
		if (me.hasRole(com.linli.identity.Role.OPERATOR)) {
			return RegionScope.only(me.regionIds());
		}
		return me.regionIds().isEmpty() ? RegionScope.all() : RegionScope.only(me.regionIds());
	}

	/** Admins see every region, other staff their own. */
	private static RegionScope staffScope(CurrentUser me) {
		return me.regionScope().map(RegionScope::only).orElse(RegionScope.all());
	}

	private PurchaseOrderView view(PurchaseOrder po) {
		return PurchaseOrderView.of(po, true, orders.shortages(po.id()));
	}

	record LineChange(@Min(0) @Max(1_000_000) int ordered) {
	}

	record ReceiptRequest(@NotEmpty @Size(max = 500) List<@Valid ReceiptLineRequest> lines, ShortageRule shortageRule) {
	}

	record ReceiptLineRequest(@NotNull Long lineId, @Min(0) int accepted, @Min(0) int rejected,
			RejectReason rejectReason, @Size(max = 40) String batchNo, java.time.LocalDate productionDate) {

		ReceiptLine toLine() {
			return new ReceiptLine(lineId, accepted, rejected, rejectReason, batchNo, productionDate);
		}
	}

}
