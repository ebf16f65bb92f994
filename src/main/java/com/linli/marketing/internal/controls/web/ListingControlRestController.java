package com.linli.marketing.internal.controls.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import com.linli.identity.Actor;
import com.linli.marketing.ListingControlManagement;
import com.linli.marketing.ListingId;
import com.linli.marketing.MarketClosedDayManagement;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.network.ResidentBindingManagement;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Text;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Listing controls over REST: market-closed days per region (operators mark them; residents read those of
 * their region), leader-only pickup points and the leader's commission rate of a listing.
 */
@RestController
@Tag(name = "listing-controls", description = "休市, leader-only items, per-item commission")
class ListingControlRestController {

	private final MarketClosedDayManagement closedDays;

	private final ListingControlManagement controls;

	private final ResidentBindingManagement bindings;

	ListingControlRestController(MarketClosedDayManagement closedDays, ListingControlManagement controls,
			ResidentBindingManagement bindings) {
		this.closedDays = closedDays;
		this.controls = controls;
		this.bindings = bindings;
	}

	@PostMapping("/api/admin/marketing/closed-days")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "Close a region's market on a day (休市)", description = "No listing can then be "
			+ "published for that pickup date (409 market-closed naming pickupDate). 400 names regionId, day or "
			+ "reason; 409 already-closed.")
	MarketClosedDayManagement.Closed close(Actor actor, @RequestBody CloseDay request) {
		return closedDays.close(actor, request.regionId() == null ? null : new RegionId(request.regionId()), request.day(),
				request.reason());
	}

	record CloseDay(Long regionId, LocalDate day, String reason) {
	}

	@DeleteMapping("/api/admin/marketing/closed-days/{regionId}/{date}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "Open a closed day again")
	void reopen(Actor actor, @PathVariable long regionId,
			@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		closedDays.reopen(actor, new RegionId(regionId), date);
	}

	@GetMapping("/api/admin/marketing/closed-days")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "A region's closed days between two dates (default: from today, 90 days)")
	List<MarketClosedDayManagement.Closed> closedDays(Actor actor, @RequestParam long regionId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		actor.checkRegion(regionId);
		LocalDate start = from != null ? from : closedDays.today(new RegionId(regionId));
		return closedDays.closedDays(new RegionId(regionId), start, to != null ? to : start.plusDays(90));
	}

	@GetMapping("/api/marketing/closed-days")
	@Operation(summary = "The closed days of the coming week in my pickup point's region, with why")
	List<MarketClosedDayManagement.Closed> myClosedDays(Actor actor) {
		var point = bindings.pickupPointOf(actor.requireAccount())
			.orElseThrow(() -> new InvalidInputException("pickupPointId", Text.of("marketing.controls.problem.noPickupPoint")));
		return closedDays.upcoming(point.regionId());
	}

	@PutMapping("/api/admin/marketing/listings/{id}/pickup-points")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "Make a listing leader-only: sold only at these pickup points (empty: everywhere again)",
			description = "Only before the listing's cutoff; the points must be in the listing's region.")
	PickupPoints restrict(Actor actor, @PathVariable long id, @RequestBody PickupPoints request) {
		var ids = request.pickupPointIds() == null ? List.<Long>of() : request.pickupPointIds();
		Set<PickupPointId> chosen = controls.restrictToPickupPoints(actor, new ListingId(id),
				ids.stream().map(PickupPointId::new).toList());
		return new PickupPoints(chosen.stream().map(PickupPointId::value).sorted().toList());
	}

	@GetMapping("/api/admin/marketing/listings/{id}/pickup-points")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	PickupPoints pickupPoints(Actor actor, @PathVariable long id) {
		return new PickupPoints(controls.pickupPointsOf(actor, new ListingId(id)).stream().map(PickupPointId::value).sorted().toList());
	}

	record PickupPoints(List<Long> pickupPointIds) {
	}

	@PutMapping("/api/admin/marketing/listings/{id}/commission")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "The leader's commission rate on this listing, in basis points (null: the scheme's rate)",
			description = "0 to 5000 (50%); only before the listing's cutoff, so every order of it earns the same rate.")
	Commission commission(Actor actor, @PathVariable long id, @RequestBody Commission request) {
		return new Commission(controls.setCommissionRate(actor, new ListingId(id), request.commissionRateBasisPoints())
			.orElse(null));
	}

	record Commission(Integer commissionRateBasisPoints) {
	}
}
