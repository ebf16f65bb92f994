package com.linli.supply.internal.vmi.web;

import java.time.LocalDate;
import java.util.List;

import com.linli.catalog.SkuId;
import com.linli.catalog.SkuManagement;
import com.linli.identity.Actor;
import com.linli.network.WarehouseId;
import com.linli.shared.SupplierId;
import com.linli.supply.NewVmiProposal;
import com.linli.supply.SupplierManagement;
import com.linli.supply.VmiManagement;
import com.linli.supply.VmiProposalStatus;
import com.linli.supply.internal.vmi.web.VmiViews.ProposalView;
import com.linli.supply.internal.vmi.web.VmiViews.StockLineView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Supplier-managed inventory (VMI): a VMI supplier reads stock, forecast and on-order of its own SKUs at the
 * central warehouses and proposes replenishment ({@code /api/supplier/vmi...}, SUPPLIER only, scoped to the
 * supplier); operators approve or reject proposals of their regions ({@code /api/vmi-proposals}) and mark a
 * supplier VMI ({@code /api/suppliers/{id}/vmi}).
 */
@RestController
@Tag(name = "VMI", description = "Supplier-managed inventory: the supplier's view and proposals, the operator's decisions")
class VmiRestController {

	private final VmiManagement vmi;

	private final SupplierManagement suppliers;

	private final SkuManagement catalog;

	VmiRestController(VmiManagement vmi, SupplierManagement suppliers, SkuManagement catalog) {
		this.vmi = vmi;
		this.suppliers = suppliers;
		this.catalog = catalog;
	}

	// --- operators ---

	@PutMapping("/api/suppliers/{id}/vmi")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "Mark a supplier as managing its inventory (VMI) or not")
	VmiFlag setVmi(@PathVariable long id, @Valid @RequestBody VmiFlag flag, Actor actor) {
		return new VmiFlag(suppliers.setVmi(new SupplierId(id), flag.vmi(), actor).vmi());
	}

	@GetMapping("/api/vmi-proposals")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "VMI proposals of my regions (or one of them), open ones first")
	List<ProposalView> search(@RequestParam(required = false) Long regionId,
			@RequestParam(required = false) VmiProposalStatus status, Actor actor) {
		return views(vmi.search(regionId, status, actor));
	}

	@GetMapping("/api/vmi-proposals/{id}")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	ProposalView get(@PathVariable long id, Actor actor) {
		return view(vmi.get(id, actor));
	}

	@PostMapping("/api/vmi-proposals/{id}/approve")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "Approve a proposal: a purchase order to the supplier, sent at once (409 once decided)")
	ProposalView approve(@PathVariable long id, Actor actor) {
		return view(vmi.approve(id, actor));
	}

	@PostMapping("/api/vmi-proposals/{id}/reject")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "Reject a proposal with a reason the supplier reads")
	ProposalView reject(@PathVariable long id, @Valid @RequestBody RejectRequest r, Actor actor) {
		return view(vmi.reject(id, r.reason(), actor));
	}

	// --- the signed-in VMI supplier ---

	@GetMapping("/api/supplier/vmi/stock")
	@PreAuthorize("hasRole('SUPPLIER')")
	@Operation(summary = "My SKUs at the central warehouses: stock, 7-day forecast, on order and a suggested quantity")
	List<StockLineView> stock() {
		return vmi.stock(VmiViews.mySupplier(suppliers)).stream().map(StockLineView::of).toList();
	}

	@GetMapping("/api/supplier/vmi-proposals")
	@PreAuthorize("hasRole('SUPPLIER')")
	@Operation(summary = "My replenishment proposals, newest first")
	List<ProposalView> mine() {
		return views(vmi.proposalsOf(VmiViews.mySupplier(suppliers)));
	}

	@PostMapping("/api/supplier/vmi-proposals")
	@PreAuthorize("hasRole('SUPPLIER')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Propose a replenishment of one of my SKUs at a central warehouse")
	ProposalView propose(@Valid @RequestBody ProposalRequest r, Actor actor) {
		return view(vmi.propose(VmiViews.mySupplier(suppliers), new NewVmiProposal(
				r.skuId() == null ? null : new SkuId(r.skuId()),
				r.warehouseId() == null ? null : new WarehouseId(r.warehouseId()), r.units(), r.deliveryDate(), r.note()),
				actor));
	}

	@PostMapping("/api/supplier/vmi-proposals/{id}/withdraw")
	@PreAuthorize("hasRole('SUPPLIER')")
	@Operation(summary = "Withdraw my open proposal")
	ProposalView withdraw(@PathVariable long id, Actor actor) {
		return view(vmi.withdraw(VmiViews.mySupplier(suppliers), id, actor));
	}

	private ProposalView view(com.linli.supply.VmiProposal p) {
		return ProposalView.of(p, VmiViews.skuNames(catalog, List.of(p)));
	}

	private List<ProposalView> views(List<com.linli.supply.VmiProposal> list) {
		var names = VmiViews.skuNames(catalog, list);
		return list.stream().map(p -> ProposalView.of(p, names)).toList();
	}

	record VmiFlag(@NotNull Boolean vmi) {
	}

	record ProposalRequest(@NotNull Long skuId, @NotNull Long warehouseId, @NotNull Integer units,
			@NotNull LocalDate deliveryDate, @Size(max = 200) String note) {
	}

	record RejectRequest(@NotNull @Size(min = 1, max = 200) String reason) {
	}
}
