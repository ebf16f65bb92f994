package com.linli.leader.internal.helpers.web;

import java.time.Instant;
import java.util.List;

import com.linli.identity.Actor;
import com.linli.leader.HelperManagement;
import com.linli.leader.LeaderId;
import com.linli.leader.PickupHelper;
import com.linli.leader.PickupOnlyManagement;
import com.linli.network.RegionId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The leader's helpers at the pickup point (核销员), and the operators' pickup-only mode (纯自提点) with the handling
 * fee per order of a region.
 */
@RestController
@Validated
@Tag(name = "leader helpers", description = "Helpers who verify pickups at a leader's point (核销员), and pickup-only mode (纯自提点)")
class HelperRestController {

	private final HelperManagement helpers;

	private final PickupOnlyManagement modes;

	HelperRestController(HelperManagement helpers, PickupOnlyManagement modes) {
		this.helpers = helpers;
		this.modes = modes;
	}

	@GetMapping("/api/leader/helpers")
	@PreAuthorize("hasRole('LEADER')")
	@Operation(summary = "The signed-in leader's helpers (at most 5)")
	List<HelperView> mine(Actor actor) {
		return helpers.mine(actor).stream().map(HelperView::of).toList();
	}

	@PostMapping("/api/leader/helpers")
	@PreAuthorize("hasRole('LEADER')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a helper by phone and name: a VERIFIER account at the leader's point, its first password sent by SMS",
			description = "Errors: 400 phone or name malformed; 409 helper-limit (5), helper-exists, helper-phone-taken (the phone has an account with another role)")
	HelperView add(Actor actor, @Valid @RequestBody NewHelper request) {
		return HelperView.of(helpers.add(actor, request.phone(), request.name()));
	}

	@DeleteMapping("/api/leader/helpers/{id}")
	@PreAuthorize("hasRole('LEADER')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a helper: their account is disabled, their sessions and tokens end at once (another leader's: 404)")
	void remove(Actor actor, @PathVariable long id) {
		helpers.remove(actor, id);
	}

	@GetMapping("/api/admin/leaders/{id}/pickup-only")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "Whether a leader's point is pickup-only (纯自提点), and the handling fee per order of its region")
	ModeView mode(Actor actor, @PathVariable long id) {
		return ModeView.of(modes.mode(actor, new LeaderId(id)));
	}

	@PutMapping("/api/admin/leaders/{id}/pickup-only")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "Switch a leader's point to pickup-only (a handling fee per order instead of commission) or back")
	ModeView setMode(Actor actor, @PathVariable long id, @Valid @RequestBody ModeChange request) {
		return ModeView.of(modes.setPickupOnly(actor, new LeaderId(id), request.pickupOnly()));
	}

	@PutMapping("/api/admin/regions/{regionId}/handling-fee")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "Set the region's handling fee per picked-up order of pickup-only points (0 to 10000 fen)")
	FeeView setFee(Actor actor, @PathVariable long regionId, @Valid @RequestBody FeeChange request) {
		return new FeeView(regionId, modes.setFee(actor, new RegionId(regionId), request.feeFen()).fen());
	}

	record NewHelper(@NotBlank @Size(max = 20) String phone, @NotBlank @Size(max = 30) String name) {
	}

	record HelperView(long id, String name, String phone, long accountId, long pickupPointId, Instant addedAt) {

		static HelperView of(PickupHelper h) {
			return new HelperView(h.id(), h.name(), h.phone(), h.accountId().value(), h.pickupPointId().value(),
					h.addedAt());
		}
	}

	/** Checked by the service after the region (an operator of another region gets 403, never a 400 first). */
	record ModeChange(Boolean pickupOnly) {
	}

	record ModeView(long leaderId, long pickupPointId, boolean pickupOnly, long feePerOrderFen) {

		static ModeView of(PickupOnlyManagement.Mode m) {
			return new ModeView(m.leaderId().value(), m.pickupPointId().value(), m.pickupOnly(), m.feePerOrder().fen());
		}
	}

	record FeeChange(Long feeFen) {
	}

	record FeeView(long regionId, long feeFen) {
	}
}
