package com.linli.leader.internal.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import com.linli.identity.Actor;
import com.linli.identity.CurrentUser;
import com.linli.leader.Leader;
import com.linli.leader.LeaderId;
import com.linli.leader.LeaderManagement;
import com.linli.leader.LeaderSearch;
import com.linli.leader.LeaderStatus;
import com.linli.leader.NewLeader;
import com.linli.leader.ServiceFigures;
import com.linli.leader.ServiceManagement;
import com.linli.network.PickupPoint;
import com.linli.network.PickupPointId;
import com.linli.network.PickupPointManagement;
import com.linli.network.ResidentBindingManagement;
import com.linli.network.WarehouseManagement;
import com.linli.shared.NotFoundException;
import com.linli.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Staff appoint group leaders to pickup points of their regions and change their status. */
@RestController
@RequestMapping("/api/leaders")
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
@Tag(name = "leaders", description = "Group leaders (团长)")
class LeaderRestController {

	private final LeaderManagement leaders;

	private final PickupPointManagement network;

	private final ResidentBindingManagement residentBindings;

	private final WarehouseManagement warehouses;

	private final ServiceManagement service;

	LeaderRestController(LeaderManagement leaders, PickupPointManagement network,
			ResidentBindingManagement residentBindings, WarehouseManagement warehouses, ServiceManagement service) {
		this.service = service;
		this.leaders = leaders;
		this.network = network;
		this.residentBindings = residentBindings;
		this.warehouses = warehouses;
	}

	@GetMapping
	@Operation(summary = "Leaders of the caller's regions, by region, status, name or phone; newest first")
	Page<LeaderView> search(@RequestParam(required = false) Long regionId,
			@RequestParam(required = false) LeaderStatus status, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		var found = leaders.search(new LeaderSearch(Scopes.listRegions(regionId), status, q, page, size));
		var points = network.pickupPoints(found.items().stream().map(Leader::pickupPointId).toList());
		return new Page<>(found.items().stream().map(l -> LeaderView.of(l, points)).toList(), found.total(),
				found.page(), found.size());
	}

	@GetMapping("/{id}")
	LeaderView get(@PathVariable long id) {
		var leader = leaders.get(new LeaderId(id));
		Scopes.check(leader.regionId());
		return LeaderView.of(leader, network.pickupPoints(List.of(leader.pickupPointId())));
	}

	@GetMapping("/{id}/service")
	@Operation(summary = "A leader's service figures: average service stars from reviews, ratings, complaints about them in the last 30 days and their close satisfaction")
	ServiceFigures service(@PathVariable long id) {
		var leader = leaders.get(new LeaderId(id));
		Scopes.check(leader.regionId());
		return service.figures(leader.id());
	}

	@GetMapping("/me/service")
	@PreAuthorize("hasRole('LEADER')")
	@Operation(summary = "The signed-in leader's own service figures (as GET /api/leaders/{id}/service)")
	ServiceFigures myService() {
		var leader = leaders.leaderFor(CurrentUser.require().id())
			.orElseThrow(() -> new NotFoundException("leader for account", CurrentUser.require().id()));
		return service.figures(leader.id());
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Appoint a leader to a pickup point: opens their LEADER account, or grants the role to the account with that phone")
	LeaderView appoint(Actor actor, @Valid @RequestBody Appointment request) {
		var leader = leaders.appoint(actor, new NewLeader(request.phone(), request.name(), request.password(),
				new PickupPointId(request.pickupPointId())));
		return LeaderView.of(leader, network.pickupPoints(List.of(leader.pickupPointId())));
	}

	@PostMapping("/{id}/suspend")
	@Operation(summary = "Suspend an active leader")
	LeaderView suspend(Actor actor, @PathVariable long id) {
		return view(leaders.suspend(actor, new LeaderId(id)));
	}

	@PostMapping("/{id}/reactivate")
	@Operation(summary = "Reactivate a suspended leader")
	LeaderView reactivate(Actor actor, @PathVariable long id) {
		return view(leaders.reactivate(actor, new LeaderId(id)));
	}

	@PostMapping("/{id}/close")
	@Operation(summary = "Close a leader for good; frees the pickup point")
	LeaderView close(Actor actor, @PathVariable long id) {
		return view(leaders.close(actor, new LeaderId(id)));
	}

	@GetMapping("/me")
	@PreAuthorize("hasRole('LEADER')")
	@Operation(summary = "The signed-in leader: their status and pickup point, with the number of residents bound to it")
	Workbench me() {
		var leader = leaders.leaderFor(CurrentUser.require().id())
			.orElseThrow(() -> new NotFoundException("leader for account", CurrentUser.require().id()));
		var point = network.getPickupPoint(leader.pickupPointId());
		return new Workbench(LeaderView.of(leader, Map.of(point.id(), point)), point.communityName(),
				warehouses.getWarehouse(point.gridWarehouseId()).name(), point.address(), point.opensAt(), point.closesAt(),
				residentBindings.residentsAt(point.id()));
	}

	private LeaderView view(Leader leader) {
		return LeaderView.of(leader, network.pickupPoints(List.of(leader.pickupPointId())));
	}

	record Appointment(
			@NotBlank @Pattern(regexp = "^1[3-9][0-9]{9}$", message = "must be a mainland mobile number") String phone,
			@NotBlank @Size(max = 30) String name, @Size(max = 72) String password, @NotNull Long pickupPointId) {
	}

	record LeaderView(long id, long accountId, String name, String phone, long pickupPointId, String pickupPointName,
			long regionId, LeaderStatus status, LocalDate since) {

		static LeaderView of(Leader l, Map<PickupPointId, PickupPoint> points) {
			var point = points.get(l.pickupPointId());
			return new LeaderView(l.id().value(), l.accountId().value(), l.name(), l.phone(), l.pickupPointId().value(),
					point == null ? null : point.name(), l.regionId().value(), l.status(), l.since());
		}
	}

	record Workbench(LeaderView leader, String communityName, String gridWarehouseName, String address,
			LocalTime opensAt, LocalTime closesAt, long residents) {
	}
}
