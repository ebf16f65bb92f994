package com.linli.marketing.internal.web;

import java.util.Optional;

import com.linli.identity.CurrentUser;
import com.linli.network.PickupPoint;
import com.linli.network.PickupPointId;
import com.linli.network.PickupPointManagement;
import com.linli.network.ResidentBindingManagement;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.NotFoundException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Where a leader's share card leads (its QR code): the pickup point's storefront. A resident already
 * collecting there goes straight to the listing (or the shop); anyone else sees the point and binds to it
 * with one tap, then the listing.
 */
@Controller
class ShopPointLinkPageController {

	private final ResidentBindingManagement bindings;

	private final PickupPointManagement points;

	private final com.linli.shared.Tracking tracking;

	private final java.time.Clock clock;

	ShopPointLinkPageController(ResidentBindingManagement bindings, PickupPointManagement points,
			com.linli.shared.Tracking tracking, java.time.Clock clock) {
		this.tracking = tracking;
		this.clock = clock;
		this.bindings = bindings;
		this.points = points;
	}

	@GetMapping("/shop/points/{id}")
	String point(@PathVariable long id, @RequestParam(required = false) Long listing, Model model) {
		PickupPoint point = active(id);
		// a leader's share link (the day's listings at their point) opened: counted for the point shared
		tracking.record(com.linli.shared.TrackedEvent.of(com.linli.shared.TrackedEvent.Kind.SHARE_OPEN, clock.instant(),
				CurrentUser.require().id().value(), com.linli.shared.TrackedEvent.Client.H5)
			.at(point.id().value(), point.regionId().value()).product(listing, null));
		Optional<PickupPoint> current = bindings.pickupPointOf(CurrentUser.require().id());
		if (current.isPresent() && current.get().id().equals(point.id())) {
			return "redirect:" + next(listing);
		}
		model.addAttribute("point", point);
		model.addAttribute("current", current.orElse(null));
		model.addAttribute("listing", listing);
		model.addAttribute("activeTab", "point");
		return "marketing/shop-point-link";
	}

	@PostMapping("/shop/points/{id}")
	String bind(@PathVariable long id, @RequestParam(required = false) Long listing) {
		PickupPoint point = active(id);
		try {
			bindings.bindResident(CurrentUser.require().id(), point.id());
		}
		catch (BusinessRuleException e) {
			return "redirect:/shop/pickup-point";
		}
		return "redirect:" + next(listing);
	}

	private PickupPoint active(long id) {
		PickupPoint point = points.getPickupPoint(new PickupPointId(id));
		if (!point.active()) {
			throw new NotFoundException("pickupPoint", id);
		}
		return point;
	}

	private static String next(Long listing) {
		return listing == null ? "/shop" : "/shop/listings/" + listing;
	}
}
