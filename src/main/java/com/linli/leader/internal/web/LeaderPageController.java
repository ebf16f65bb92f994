package com.linli.leader.internal.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.linli.identity.Actor;
import com.linli.leader.Leader;
import com.linli.leader.LeaderId;
import com.linli.leader.LeaderManagement;
import com.linli.leader.LeaderSearch;
import com.linli.leader.LeaderStatus;
import com.linli.leader.NewLeader;
import com.linli.leader.ServiceManagement;
import com.linli.network.PickupPoint;
import com.linli.network.PickupPointId;
import com.linli.network.PickupPointManagement;
import com.linli.network.Region;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.shared.BusinessRuleException;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** Console pages of leaders: the list with status actions, and the appoint form. */
@Controller
@RequestMapping("/console/leaders")
class LeaderPageController {

	private static final java.util.regex.Pattern BACK = java.util.regex.Pattern
		.compile("/console/leaders(\\?[A-Za-z0-9=&%._-]*)?");

	/** The status actions of a list row, each with the status it leads to. */
	private static final List<StatusAction> ACTIONS = List.of(new StatusAction("suspend", LeaderStatus.SUSPENDED),
			new StatusAction("reactivate", LeaderStatus.ACTIVE), new StatusAction("close", LeaderStatus.CLOSED));

	private final LeaderManagement leaders;

	private final RegionManagement network;

	private final PickupPointManagement pickupPoints;

	private final ServiceManagement service;

	LeaderPageController(LeaderManagement leaders, RegionManagement network, PickupPointManagement pickupPoints,
			ServiceManagement service) {
		this.service = service;
		this.leaders = leaders;
		this.network = network;
		this.pickupPoints = pickupPoints;
	}

	@GetMapping
	String list(@RequestParam(required = false) Long regionId, @RequestParam(required = false) LeaderStatus status,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
		var found = leaders.search(new LeaderSearch(Scopes.listRegions(regionId), status, q, page, 20));
		model.addAttribute("page", found);
		model.addAttribute("service", service.figures(found.items().stream().map(Leader::id).toList()));
		model.addAttribute("points", pickupPoints.pickupPoints(found.items().stream().map(Leader::pickupPointId).toList()));
		model.addAttribute("regions", Scopes.managed(network.regions()));
		model.addAttribute("regionNames", regionNames());
		model.addAttribute("statuses", LeaderStatus.values());
		model.addAttribute("actions", ACTIONS);
		model.addAttribute("regionId", regionId);
		model.addAttribute("status", status);
		model.addAttribute("q", q);
		model.addAttribute("pageUrl", listUrl(regionId, status, q, null));
		model.addAttribute("here", listUrl(regionId, status, q, page > 0 ? page : null));
		return "leader/leaders";
	}

	/** The empty form, or the form redrawn after a region was chosen. */
	@GetMapping("/new")
	String newForm(@ModelAttribute("form") AppointForm form, Model model) {
		return form(form, model);
	}

	@PostMapping
	String appoint(Actor actor, @Valid @ModelAttribute("form") AppointForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return form(form, model);
		}
		try {
			var leader = leaders.appoint(actor, new NewLeader(form.getPhone(), form.getName(), form.getPassword(),
					new PickupPointId(form.getPickupPointId())));
			redirect.addFlashAttribute("saved", leader.name());
			return "redirect:/console/leaders?regionId=" + leader.regionId();
		}
		catch (BusinessRuleException e) {
			if (e.field() != null && result.getFieldType(e.field()) != null) {
				result.rejectValue(e.field(), e.code(), e.getMessage());
			}
			else {
				result.reject(e.code(), e.getMessage());
			}
			return form(form, model);
		}
	}

	@PostMapping("/{id}/{action:suspend|reactivate|close}")
	String changeStatus(Actor actor, @PathVariable long id, @PathVariable String action,
			@RequestParam(defaultValue = "/console/leaders") String back, RedirectAttributes redirect) {
		var leaderId = new LeaderId(id);
		try {
			var leader = switch (action) {
				case "suspend" -> leaders.suspend(actor, leaderId);
				case "reactivate" -> leaders.reactivate(actor, leaderId);
				default -> leaders.close(actor, leaderId);
			};
			redirect.addFlashAttribute("changed", leader.name());
			redirect.addFlashAttribute("changedTo", leader.status());
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("failed", e.getMessage());
		}
		// only back into this list (with its filters), never to an address taken from elsewhere
		return "redirect:" + (BACK.matcher(back).matches() ? back : "/console/leaders");
	}

	private String form(AppointForm form, Model model) {
		model.addAttribute("regions", Scopes.managed(network.regions()));
		List<PickupPoint> free = List.of();
		if (form.getRegionId() != null) {
			var region = new RegionId(form.getRegionId());
			Scopes.check(region);
			var open = pickupPoints.pickupPoints(region);
			var held = leaders.pickupPointsWithLeader(open.stream().map(PickupPoint::id).toList());
			free = open.stream().filter(p -> !held.contains(p.id())).toList();
		}
		model.addAttribute("freePoints", free);
		return "leader/appoint";
	}

	private Map<RegionId, String> regionNames() {
		return network.regions().stream().collect(Collectors.toMap(Region::id, Region::name));
	}

	private static String listUrl(Long regionId, LeaderStatus status, String q, Integer page) {
		var builder = UriComponentsBuilder.fromPath("/console/leaders");
		if (regionId != null) {
			builder.queryParam("regionId", regionId);
		}
		if (status != null) {
			builder.queryParam("status", status);
		}
		if (q != null && !q.isBlank()) {
			builder.queryParam("q", q.trim());
		}
		if (page != null) {
			builder.queryParam("page", page);
		}
		return builder.encode().build().toUriString();
	}

	/** A button of a list row: its path segment and the status it leads to. */
	record StatusAction(String key, LeaderStatus value) {
	}
}
