package com.linli.leader.internal.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

import com.linli.identity.CurrentUser;
import com.linli.leader.Leader;
import com.linli.leader.LeaderManagement;
import com.linli.leader.ServiceManagement;
import com.linli.network.PickupPointManagement;
import com.linli.network.ResidentBindingManagement;
import com.linli.network.WarehouseManagement;
import com.linli.network.CommunityManagement;
import com.linli.network.RegionManagement;
import com.linli.network.PickupPoint;
import com.linli.shared.PickupPointFigures;
import com.linli.shared.PickupPointFigures.Figure;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The leader's phone pages: their pickup point at a glance with today's figures (from every module's
 * {@link PickupPointFigures}), and their own profile.
 */
@Controller
class LeaderWorkbenchController {

	private final LeaderManagement leaders;

	private final PickupPointManagement network;

	private final ResidentBindingManagement residentBindings;

	private final WarehouseManagement warehouses;

	private final CommunityManagement communities;

	private final RegionManagement regions;

	private final List<PickupPointFigures> figures;

	private final Clock clock;

	private final ServiceManagement service;

	LeaderWorkbenchController(LeaderManagement leaders, PickupPointManagement network,
			ResidentBindingManagement residentBindings, WarehouseManagement warehouses,
			CommunityManagement communities, RegionManagement regions, List<PickupPointFigures> figures,
			Clock clock, ServiceManagement service) {
		this.service = service;
		this.leaders = leaders;
		this.network = network;
		this.residentBindings = residentBindings;
		this.warehouses = warehouses;
		this.communities = communities;
		this.regions = regions;
		this.figures = figures;
		this.clock = clock;
	}

	@GetMapping("/leader")
	String workbench(Model model) {
		leaders.leaderFor(CurrentUser.require().id()).ifPresent(leader -> {
			var point = network.getPickupPoint(leader.pickupPointId());
			model.addAttribute("leader", leader);
			model.addAttribute("point", point);
			model.addAttribute("community", communities.getCommunity(point.communityId()));
			model.addAttribute("grid", warehouses.getWarehouse(point.gridWarehouseId()));
			model.addAttribute("residents", residentBindings.residentsAt(point.id()));
			model.addAttribute("today", today(leader, point));
			model.addAttribute("service", service.figures(leader.id()));
		});
		return "leader/workbench";
	}

	/** Today's figures of the pickup point, in the order their modules give. */
	private List<Figure> today(Leader leader, PickupPoint point) {
		ZoneId zone = regions.getRegion(point.regionId()).zone();
		LocalDate date = LocalDate.now(clock.withZone(zone));
		var day = new PickupPointFigures.Day(point.id().value(), leader.id().value(), date,
				date.atStartOfDay(zone).toInstant(), date.plusDays(1).atStartOfDay(zone).toInstant());
		return figures.stream().flatMap(f -> f.figures(day).stream()).sorted(Comparator.comparingInt(Figure::order))
			.toList();
	}

	@GetMapping("/leader/me")
	String profile(Model model) {
		leaders.leaderFor(CurrentUser.require().id()).ifPresent(leader -> {
			model.addAttribute("leader", leader);
			model.addAttribute("point", network.getPickupPoint(leader.pickupPointId()));
			model.addAttribute("region", regions.getRegion(leader.regionId()));
		});
		return "leader/profile";
	}
}
