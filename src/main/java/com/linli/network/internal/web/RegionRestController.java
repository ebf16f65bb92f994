package com.linli.network.internal.web;

import java.util.List;

import com.linli.identity.Actor;
import com.linli.network.NetworkSearch;
import com.linli.network.NewRegion;
import com.linli.network.RegionChange;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.network.Zones;
import com.linli.network.internal.web.Views.RegionView;
import com.linli.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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

/** Regions: anyone may list the open ones (a resident picks a city); platform admins open and edit them. */
@RestController
@RequestMapping("/api/network/regions")
@Tag(name = "network: regions", description = "Cities the platform serves")
class RegionRestController {

	private final RegionManagement network;

	RegionRestController(RegionManagement network) {
		this.network = network;
	}

	@GetMapping
	@Operation(summary = "The open regions, by name (public)")
	List<RegionView> open() {
		return network.regions().stream().filter(r -> r.active()).map(RegionView::of).toList();
	}

	@GetMapping("/search")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "Regions the caller manages, by name or code, open or closed")
	Page<RegionView> search(@RequestParam(required = false) String q, @RequestParam(required = false) Boolean active,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return Views.page(network.searchRegions(new NetworkSearch(Scopes.listRegions(null), q, active, page, size)),
				RegionView::of);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One region (public)")
	RegionView get(@PathVariable long id) {
		return RegionView.of(network.getRegion(new RegionId(id)));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	@Operation(summary = "Open a region: name, unique code (such as WUHAN), IANA time zone")
	RegionView create(Actor actor, @Valid @RequestBody CreateRegion request) {
		return RegionView.of(network.createRegion(actor, new NewRegion(request.name(), request.code(), Zones.parse(request.zone()))));
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	@Operation(summary = "Rename a region, change its time zone, open or close it (the code stays)")
	RegionView update(Actor actor, @PathVariable long id, @Valid @RequestBody UpdateRegion request) {
		return RegionView.of(network.updateRegion(actor, new RegionId(id),
				new RegionChange(request.name(), Zones.parse(request.zone()), request.active())));
	}

	record CreateRegion(@NotBlank @Size(max = 60) String name, @NotBlank @Size(max = 20) String code,
			@NotBlank String zone) {
	}

	record UpdateRegion(@NotBlank @Size(max = 60) String name, @NotBlank String zone, @NotNull Boolean active) {
	}
}
