package com.linli.ordering.internal.web;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.linli.identity.Account;
import com.linli.identity.AccountManagement;
import com.linli.identity.CurrentUser;
import com.linli.network.KeeperManagement;
import com.linli.network.PickupPointId;
import com.linli.network.PickupPointManagement;
import com.linli.network.RegionManagement;
import com.linli.ordering.Order;
import com.linli.ordering.internal.OverduePickups;
import com.linli.ordering.internal.PickupPointOrders;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Operators follow up orders waiting at a pickup point for too long: each with its pickup point, the
 * leader who runs it and the resident, so one call settles it. Only the operator's regions.
 */
@Controller
class OverduePickupPageController {

	private final PickupPointOrders pointOrders;

	private final OverduePickups overdue;

	private final KeeperManagement network;

	private final RegionManagement regionManagement;

	private final PickupPointManagement pickupPoints;

	private final AccountManagement accounts;

	private final Clock clock;

	OverduePickupPageController(PickupPointOrders pointOrders, OverduePickups overdue, KeeperManagement network,
			RegionManagement regionManagement, PickupPointManagement pickupPoints,
			AccountManagement accounts, Clock clock) {
		this.pointOrders = pointOrders;
		this.overdue = overdue;
		this.network = network;
		this.regionManagement = regionManagement;
		this.pickupPoints = pickupPoints;
		this.accounts = accounts;
		this.clock = clock;
	}

	@GetMapping("/console/orders/overdue")
	String overdue(@RequestParam(required = false) Long regionId, @RequestParam(defaultValue = "0") int page,
			Model model) {
		var user = CurrentUser.require();
		if (regionId != null) {
			user.checkManagesRegion(regionId);
		}
		var found = pointOrders.overdue(user.regionScope(), regionId, overdue.readyBefore(), Math.max(page, 0), 30);
		List<PickupPointId> pointIds = found.items().stream().map(Order::pickupPointId).distinct().toList();
		var keepers = network.keepersOf(pointIds);
		Map<PickupPointId, Account> leaders = new HashMap<>();
		var keeperAccounts = accounts.getAll(keepers.values());
		keepers.forEach((point, account) -> keeperAccounts.stream().filter(a -> a.id().equals(account)).findFirst()
			.ifPresent(a -> leaders.put(point, a)));
		var now = clock.instant();
		Map<Long, Long> waitingDays = new HashMap<>();
		found.items().forEach(o -> waitingDays.put(o.id().value(), Duration.between(o.readyAt(), now).toDays()));

		model.addAttribute("page", found);
		model.addAttribute("points", pickupPoints.pickupPoints(pointIds));
		model.addAttribute("leaders", leaders);
		model.addAttribute("waitingDays", waitingDays);
		model.addAttribute("days", overdue.days());
		model.addAttribute("regions", regionManagement.regions().stream().filter(r -> user.managesRegion(r.id().value())).toList());
		model.addAttribute("regionId", regionId);
		var url = UriComponentsBuilder.fromPath("/console/orders/overdue");
		if (regionId != null) {
			url.queryParam("regionId", regionId);
		}
		model.addAttribute("pageUrl", url.build().toUriString());
		return "ordering/overdue-pickups";
	}
}
