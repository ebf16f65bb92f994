package com.linli.network.internal.web;

import com.linli.identity.CurrentUser;
import com.linli.network.PickupPointId;
import com.linli.network.PickupPointManagement;
import com.linli.network.ResidentBindingManagement;
import com.linli.network.internal.web.Views.PickupPointView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in person's own pickup point: where their orders are delivered for collection. */
@RestController
@Tag(name = "network: my pickup point", description = "Where the signed-in resident collects orders")
class ResidentPickupPointRestController {

	private final ResidentBindingManagement network;

	private final PickupPointManagement pickupPoints;

	ResidentPickupPointRestController(ResidentBindingManagement network, PickupPointManagement pickupPoints) {
		this.network = network;
		this.pickupPoints = pickupPoints;
	}

	@GetMapping("/api/me/pickup-point")
	@Operation(summary = "My pickup point; 204 when none is chosen yet")
	ResponseEntity<PickupPointView> mine() {
		return network.pickupPointOf(CurrentUser.require().id())
			.map(p -> ResponseEntity.ok(PickupPointView.of(p)))
			.orElseGet(() -> ResponseEntity.noContent().build());
	}

	@PutMapping("/api/me/pickup-point")
	@Operation(summary = "Choose or change my pickup point (404 unknown, 409 closed)")
	PickupPointView choose(@Valid @RequestBody Choice request) {
		var me = CurrentUser.require();
		network.bindResident(me.id(), new PickupPointId(request.pickupPointId()));
		return PickupPointView.of(pickupPoints.getPickupPoint(new PickupPointId(request.pickupPointId())));
	}

	record Choice(@NotNull Long pickupPointId) {
	}
}
