package com.linli.network.internal.web;

import com.linli.identity.Actor;
import com.linli.network.NetworkSearch;
import com.linli.network.NewWarehouse;
import com.linli.network.RegionId;
import com.linli.network.WarehouseChange;
import com.linli.network.WarehouseId;
import com.linli.network.WarehouseKind;
import com.linli.network.WarehouseManagement;
import com.linli.network.internal.web.Views.WarehouseView;
import com.linli.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
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

/** Central and grid warehouses of the regions the caller manages. */
@RestController
@RequestMapping("/api/network/warehouses")
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
@Tag(name = "network: warehouses", description = "Central (中心仓) and grid (网格仓) warehouses")
class WarehouseRestController {

	private final WarehouseManagement network;

	WarehouseRestController(WarehouseManagement network) {
		this.network = network;
	}

	@GetMapping
	@Operation(summary = "Warehouses of the caller's regions, filtered by region, kind, open or closed, name or address")
	Page<WarehouseView> search(@RequestParam(required = false) Long regionId,
			@RequestParam(required = false) WarehouseKind kind, @RequestParam(required = false) Boolean active,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		var search = new NetworkSearch(Scopes.listRegions(regionId), q, active, page, size);
		return Views.page(network.searchWarehouses(search, kind), WarehouseView::of);
	}

	@GetMapping("/{id}")
	WarehouseView get(@PathVariable long id) {
		var warehouse = network.getWarehouse(new WarehouseId(id));
		Scopes.check(warehouse.regionId());
		return WarehouseView.of(warehouse);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register a warehouse in one of the caller's regions")
	WarehouseView create(Actor actor, @Valid @RequestBody CreateWarehouse request) {
		return WarehouseView.of(network.createWarehouse(actor, new NewWarehouse(new RegionId(request.regionId()), request.kind(),
				request.name(), request.address(), request.latitude(), request.longitude())));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Edit a warehouse (region and kind stay); a grid warehouse serving open pickup points cannot close")
	WarehouseView update(Actor actor, @PathVariable long id, @Valid @RequestBody UpdateWarehouse request) {
		return WarehouseView.of(network.updateWarehouse(actor, new WarehouseId(id), new WarehouseChange(request.name(),
				request.address(), request.latitude(), request.longitude(), request.active())));
	}

	record CreateWarehouse(@NotNull Long regionId, @NotNull WarehouseKind kind, @NotBlank @Size(max = 60) String name,
			@NotBlank @Size(max = 200) String address,
			@NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
			@NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude) {
	}

	record UpdateWarehouse(@NotBlank @Size(max = 60) String name, @NotBlank @Size(max = 200) String address,
			@NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
			@NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude, @NotNull Boolean active) {
	}
}
