package com.linli.marketing.internal.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.linli.identity.CurrentUser;
import com.linli.network.PickupPoint;
import com.linli.network.PickupPointId;
import com.linli.network.PickupPointManagement;
import com.linli.network.Region;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.network.ResidentBindingManagement;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.NotFoundException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A resident chooses the pickup point they collect from: by region, by community name, nearest first
 * when the browser shares its position.
 */
@Controller
class ShopPickupPointPageController {

	static final int NEAREST = 50;

	private final ResidentBindingManagement network;

	private final RegionManagement regionManagement;

	private final PickupPointManagement pickupPoints;

	ShopPickupPointPageController(ResidentBindingManagement network, RegionManagement regionManagement,
			PickupPointManagement pickupPoints) {
		this.network = network;
		this.regionManagement = regionManagement;
		this.pickupPoints = pickupPoints;
	}

	@GetMapping("/shop/pickup-point")
	String chooser(@RequestParam(required = false) Long regionId, @RequestParam(required = false) String q,
			@RequestParam(required = false) Double lat, @RequestParam(required = false) Double lng, Model model) {
		Optional<PickupPoint> current = network.pickupPointOf(CurrentUser.require().id());
		List<Region> regions = regionManagement.regions().stream().filter(Region::active).toList();
		Optional<Region> region = chosenRegion(regions, regionId, current);
		boolean located = lat != null && lng != null && Math.abs(lat) <= 90 && Math.abs(lng) <= 180;
		String query = q == null ? "" : q.trim();
		List<Option> options = region.map(r -> options(r.id(), query, located ? lat : null, located ? lng : null,
				current.map(PickupPoint::id).orElse(null))).orElse(List.of());
		model.addAttribute("regions", regions);
		model.addAttribute("region", region.orElse(null));
		model.addAttribute("current", current.orElse(null));
		model.addAttribute("q", query);
		model.addAttribute("located", located);
		model.addAttribute("lat", located ? lat : null);
		model.addAttribute("lng", located ? lng : null);
		model.addAttribute("options", options);
		model.addAttribute("activeTab", "point");
		return "marketing/shop-pickup-point";
	}

	@PostMapping("/shop/pickup-point")
	String bind(@RequestParam long pickupPointId, RedirectAttributes redirect) {
		try {
			network.bindResident(CurrentUser.require().id(), new PickupPointId(pickupPointId));
		}
		catch (NotFoundException | BusinessRuleException e) {
			redirect.addFlashAttribute("bindError", true);
			return "redirect:/shop/pickup-point";
		}
		return "redirect:/shop";
	}

	private Optional<Region> chosenRegion(List<Region> regions, Long regionId, Optional<PickupPoint> current) {
		if (regionId != null) {
			var asked = regions.stream().filter(r -> r.id().value() == regionId).findFirst();
			if (asked.isPresent()) {
				return asked;
			}
		}
		if (current.isPresent()) {
			var mine = regions.stream().filter(r -> r.id().equals(current.get().regionId())).findFirst();
			if (mine.isPresent()) {
				return mine;
			}
		}
		return regions.stream().findFirst();
	}

	private List<Option> options(RegionId region, String query, Double lat, Double lng, PickupPointId current) {
		List<PickupPoint> points = lat != null ? pickupPoints.nearestPickupPoints(region, lat, lng, NEAREST)
				: pickupPoints.pickupPoints(region);
		String needle = query.toLowerCase(Locale.ROOT);
		var stream = points.stream()
			.filter(PickupPoint::active)
			.filter(p -> needle.isEmpty() || contains(p.communityName(), needle) || contains(p.name(), needle)
					|| contains(p.address(), needle))
			.map(p -> new Option(p, lat == null ? null : distanceMeters(lat, lng, p.latitude(), p.longitude()),
					p.id().equals(current)));
		if (lat != null) {
			stream = stream.sorted(Comparator.comparing(Option::meters));
		}
		return stream.toList();
	}

	private static boolean contains(String text, String needle) {
		return text != null && text.toLowerCase(Locale.ROOT).contains(needle);
	}

	/** Great-circle distance on WGS84 coordinates (haversine), good to a few metres at city scale. */
	static long distanceMeters(double lat1, double lng1, double lat2, double lng2) {
		double earth = 6_371_000;
		double dLat = Math.toRadians(lat2 - lat1);
		double dLng = Math.toRadians(lng2 - lng1);
		double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
				* Math.cos(Math.toRadians(lat2)) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
		return Math.round(earth * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a)));
	}

	/** A pickup point to choose, with its distance when the resident shared a position. */
	record Option(PickupPoint point, Long meters, boolean current) {

		public String distance() {
			if (meters == null) {
				return null;
			}
			return meters < 1000 ? meters + " m" : String.format(Locale.ROOT, "%.1f km", meters / 1000.0);
		}
	}
}
