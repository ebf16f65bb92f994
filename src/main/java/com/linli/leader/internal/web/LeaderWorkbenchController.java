package com.linli.leader.internal.web;

import com.linli.identity.CurrentUser;
import com.linli.leader.LeaderManagement;
import com.linli.network.NetworkManagement;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The leader's phone pages: their pickup point at a glance, and their own profile. */
@Controller
class LeaderWorkbenchController {

	private final LeaderManagement leaders;

	private final NetworkManagement network;

	LeaderWorkbenchController(LeaderManagement leaders, NetworkManagement network) {
		this.leaders = leaders;
		this.network = network;
	}

	@GetMapping("/leader")
	String workbench(Model model) {
		leaders.leaderFor(CurrentUser.require().id()).ifPresent(leader -> {
			var point = network.getPickupPoint(leader.pickupPointId());
			model.addAttribute("leader", leader);
			model.addAttribute("point", point);
			model.addAttribute("community", network.getCommunity(point.communityId()));
			model.addAttribute("grid", network.getWarehouse(point.gridWarehouseId()));
			model.addAttribute("residents", network.residentsAt(point.id()));
		});
		return "leader/workbench";
	}

	@GetMapping("/leader/me")
	String profile(Model model) {
		leaders.leaderFor(CurrentUser.require().id()).ifPresent(leader -> {
			model.addAttribute("leader", leader);
			model.addAttribute("point", network.getPickupPoint(leader.pickupPointId()));
			model.addAttribute("region", network.getRegion(leader.regionId()));
		});
		return "leader/profile";
	}
}
