package com.linli.network.internal.web;

import com.linli.identity.Actor;
import com.linli.network.CommunityChange;
import com.linli.network.CommunityId;
import com.linli.network.CommunityManagement;
import com.linli.network.NetworkSearch;
import com.linli.network.NewCommunity;
import com.linli.network.RegionId;
import com.linli.network.internal.web.Views.CommunityView;
import com.linli.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
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

/** Housing communities of the regions the caller manages. */
@RestController
@RequestMapping("/api/network/communities")
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
@Tag(name = "network: communities", description = "Housing communities (小区)")
class CommunityRestController {

	private final CommunityManagement network;

	CommunityRestController(CommunityManagement network) {
		this.network = network;
	}

	@GetMapping
	@Operation(summary = "Communities of the caller's regions, filtered by region and by name, district or address")
	Page<CommunityView> search(@RequestParam(required = false) Long regionId, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		var search = new NetworkSearch(Scopes.listRegions(regionId), q, null, page, size);
		return Views.page(network.searchCommunities(search), CommunityView::of);
	}

	@GetMapping("/{id}")
	CommunityView get(@PathVariable long id) {
		var community = network.getCommunity(new CommunityId(id));
		Scopes.check(community.regionId());
		return CommunityView.of(community);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register a community in one of the caller's regions")
	CommunityView create(Actor actor, @Valid @RequestBody CreateCommunity request) {
		return CommunityView.of(network.createCommunity(actor, new NewCommunity(new RegionId(request.regionId()),
				request.name(), request.district(), request.address(), request.latitude(), request.longitude(),
				request.households())));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Edit a community (its region stays)")
	CommunityView update(Actor actor, @PathVariable long id, @Valid @RequestBody UpdateCommunity request) {
		return CommunityView.of(network.updateCommunity(actor, new CommunityId(id), new CommunityChange(request.name(),
				request.district(), request.address(), request.latitude(), request.longitude(), request.households())));
	}

	record CreateCommunity(@NotNull Long regionId, @NotBlank @Size(max = 60) String name,
			@NotBlank @Size(max = 40) String district, @NotBlank @Size(max = 200) String address,
			@NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
			@NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude, @NotNull @Min(0) Integer households) {
	}

	record UpdateCommunity(@NotBlank @Size(max = 60) String name, @NotBlank @Size(max = 40) String district,
			@NotBlank @Size(max = 200) String address, @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
			@NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude, @NotNull @Min(0) Integer households) {
	}
}
