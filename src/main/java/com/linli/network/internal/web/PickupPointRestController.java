package com.linli.network.internal.web;

import java.time.LocalTime;
import java.util.List;

import com.linli.identity.Actor;
import com.linli.network.CommunityId;
import com.linli.network.Geo;
import com.linli.network.NetworkSearch;
import com.linli.network.NewPickupPoint;
import com.linli.network.PickupPoint;
import com.linli.network.PickupPointChange;
import com.linli.network.PickupPointId;
import com.linli.network.PickupPointManagement;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.network.ResidentBindingManagement;
import com.linli.network.WarehouseId;
import com.linli.network.internal.web.Views.PickupPointView;
import com.linli.shared.InvalidInputException;
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
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
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
 * Pickup points: anyone may list a region's open ones (nearest first when a position is given), so a
 * resident can choose where to collect; staff open and edit them in their regions.
 */
@RestController
@RequestMapping("/api/network/pickup-points")
@Validated
@Tag(name = "network: pickup points", description = "Pickup points (自提点)")
class PickupPointRestController {

	private final PickupPointManagement network;

	private final ResidentBindingManagement residentBindings;

	private final RegionManagement regionManagement;

	PickupPointRestController(PickupPointManagement network, ResidentBindingManagement residentBindings,
			RegionManagement regionManagement) {
		this.network = network;
		this.residentBindings = residentBindings;
		this.regionManagement = regionManagement;
	}

	@GetMapping
	@Operation(summary = "Open pickup points of a region (public): by name, or nearest first when lat and lng are given")
	List<PickupPointView> list(@RequestParam long regionId, @RequestParam(required = false) Double lat,
			@RequestParam(required = false) Double lng,
			@RequestParam(defaultValue = "20") @Min(1) @Max(200) int limit) {
		var region = regionManagement.getRegion(new RegionId(regionId));
		if (lat == null && lng == null) {
			return network.pickupPoints(region.id()).stream().limit(limit).map(PickupPointView::of).toList();
		}
		if (lat == null || lng == null) {
			throw new InvalidInputException(lat == null ? "lat" : "lng", Text.of("network.problem.giveBothLatLng"));
		}
		if (!Geo.isLatitude(lat) || !Geo.isLongitude(lng)) {
			throw new InvalidInputException(Geo.isLatitude(lat) ? "lng" : "lat",
					Text.of("network.problem.notValidWgs84Coordinate"));
		}
		return network.nearestPickupPoints(region.id(), lat, lng, limit).stream()
			.map(p -> PickupPointView.of(p, Math.round(p.distanceMetersTo(lat, lng)), null))
			.toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One pickup point (public)")
	PickupPointView get(@PathVariable long id) {
		return PickupPointView.of(network.getPickupPoint(new PickupPointId(id)));
	}

	@GetMapping("/search")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "Pickup points of the caller's regions, open or closed, with the number of residents bound to each")
	Page<PickupPointView> search(@RequestParam(required = false) Long regionId,
			@RequestParam(required = false) Long communityId, @RequestParam(required = false) Boolean active,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		var search = new NetworkSearch(Scopes.listRegions(regionId), q, active, page, size);
		var found = network.searchPickupPoints(search, communityId == null ? null : new CommunityId(communityId));
		var residents = residentBindings.residentsAt(found.items().stream().map(PickupPoint::id).toList());
		return Views.page(found, p -> PickupPointView.of(p, null, residents.get(p.id())));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "Open a pickup point in a community, served by a grid warehouse of the same region")
	PickupPointView open(Actor actor, @Valid @RequestBody OpenPickupPoint request) {
		return PickupPointView.of(network.openPickupPoint(actor, new NewPickupPoint(new CommunityId(request.communityId()),
				new WarehouseId(request.gridWarehouseId()), request.name(), request.address(), request.latitude(),
				request.longitude(), request.opensAt(), request.closesAt())));
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "Edit a pickup point (its community stays), move it to another grid warehouse, close or reopen it")
	PickupPointView update(Actor actor, @PathVariable long id, @Valid @RequestBody UpdatePickupPoint request) {
		return PickupPointView.of(network.updatePickupPoint(actor, new PickupPointId(id),
				new PickupPointChange(new WarehouseId(request.gridWarehouseId()), request.name(), request.address(),
						request.latitude(), request.longitude(), request.opensAt(), request.closesAt(),
						request.active())));
	}

	record OpenPickupPoint(@NotNull Long communityId, @NotNull Long gridWarehouseId,
			@NotBlank @Size(max = 60) String name, @NotBlank @Size(max = 200) String address,
			@NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
			@NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude, @NotNull LocalTime opensAt,
			@NotNull LocalTime closesAt) {
	}

	record UpdatePickupPoint(@NotNull Long gridWarehouseId, @NotBlank @Size(max = 60) String name,
			@NotBlank @Size(max = 200) String address, @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
			@NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude, @NotNull LocalTime opensAt,
			@NotNull LocalTime closesAt, @NotNull Boolean active) {
	}
}
