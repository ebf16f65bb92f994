package com.linli.network.internal.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.linli.identity.Actor;
import com.linli.network.CommunityId;
import com.linli.network.CommunityManagement;
import com.linli.network.NetworkSearch;
import com.linli.network.NewPickupPoint;
import com.linli.network.PickupPoint;
import com.linli.network.PickupPointChange;
import com.linli.network.PickupPointId;
import com.linli.network.PickupPointManagement;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.network.ResidentBindingManagement;
import com.linli.network.Warehouse;
import com.linli.network.WarehouseId;
import com.linli.network.WarehouseKind;
import com.linli.network.WarehouseManagement;
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

/**
 * Console pages of pickup points. The form offers the communities and open grid warehouses of the
 * chosen region; choosing a region or a community redraws the form (htmx), taking over the
 * community's address and position as a starting point.
 */
@Controller
@RequestMapping("/console/pickup-points")
class PickupPointPageController {

	private final PickupPointManagement network;

	private final WarehouseManagement warehouseManagement;

	private final ResidentBindingManagement residentBindings;

	private final CommunityManagement communityManagement;

	private final RegionManagement regionManagement;

	PickupPointPageController(PickupPointManagement network, WarehouseManagement warehouseManagement,
			ResidentBindingManagement residentBindings, CommunityManagement communityManagement,
			RegionManagement regionManagement) {
		this.network = network;
		this.warehouseManagement = warehouseManagement;
		this.residentBindings = residentBindings;
		this.communityManagement = communityManagement;
		this.regionManagement = regionManagement;
	}

	@GetMapping
	String list(@RequestParam(required = false) Long regionId, @RequestParam(required = false) Boolean active,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
		var search = new NetworkSearch(Scopes.listRegions(regionId), q, active, page, 20);
		var found = network.searchPickupPoints(search, null);
		Map<WarehouseId, Warehouse> grids = new HashMap<>();
		found.items().forEach(p -> grids.computeIfAbsent(p.gridWarehouseId(), warehouseManagement::getWarehouse));
		model.addAttribute("page", found);
		model.addAttribute("grids", grids);
		model.addAttribute("residents", residentBindings.residentsAt(found.items().stream().map(PickupPoint::id).toList()));
		model.addAttribute("regions", Scopes.managed(regionManagement.regions()));
		model.addAttribute("regionNames", Scopes.names(regionManagement.regions()));
		model.addAttribute("regionId", regionId);
		model.addAttribute("active", active);
		model.addAttribute("q", q);
		model.addAttribute("pageUrl", Forms.listUrl("/console/pickup-points", "regionId", regionId, "active", active, "q", q));
		return "network/pickup-points";
	}

	/** The empty form, or the form redrawn after a region or community was chosen. */
	@GetMapping("/new")
	String newForm(@ModelAttribute("form") PickupPointForm form, Model model) {
		if (form.getCommunityId() != null && (form.getAddress() == null || form.getAddress().isBlank())) {
			var community = communityManagement.getCommunity(new CommunityId(form.getCommunityId()));
			if (community.regionId().value() == (form.getRegionId() == null ? -1 : form.getRegionId())) {
				form.setAddress(community.address());
				form.setLatitude(community.latitude());
				form.setLongitude(community.longitude());
			}
		}
		return form(form, null, model);
	}

	@PostMapping
	String create(Actor actor, @Valid @ModelAttribute("form") PickupPointForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (form.getCommunityId() == null) {
			result.rejectValue("communityId", "network.required");
		}
		if (result.hasErrors()) {
			return form(form, null, model);
		}
		try {
			var point = network.openPickupPoint(actor, new NewPickupPoint(new CommunityId(form.getCommunityId()),
					new WarehouseId(form.getGridWarehouseId()), form.getName(), form.getAddress(), form.getLatitude(),
					form.getLongitude(), form.getOpensAt(), form.getClosesAt()));
			redirect.addFlashAttribute("saved", point.name());
			return "redirect:/console/pickup-points?regionId=" + point.regionId();
		}
		catch (BusinessRuleException e) {
			Forms.reject(result, e);
			return form(form, null, model);
		}
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		var point = network.getPickupPoint(new PickupPointId(id));
		Scopes.check(point.regionId());
		var form = PickupPointForm.of(point);
		model.addAttribute("form", form);
		return form(form, point, model);
	}

	@PostMapping("/{id}")
	String update(Actor actor, @PathVariable long id, @Valid @ModelAttribute("form") PickupPointForm form,
			BindingResult result,
			Model model, RedirectAttributes redirect) {
		var point = network.getPickupPoint(new PickupPointId(id));
		Scopes.check(point.regionId());
		form.setRegionId(point.regionId().value());
		form.setCommunityId(point.communityId().value());
		if (result.hasErrors()) {
			return form(form, point, model);
		}
		try {
			network.updatePickupPoint(actor, point.id(), new PickupPointChange(new WarehouseId(form.getGridWarehouseId()),
					form.getName(), form.getAddress(), form.getLatitude(), form.getLongitude(), form.getOpensAt(),
					form.getClosesAt(), form.isActive()));
			redirect.addFlashAttribute("saved", form.getName());
			return "redirect:/console/pickup-points?regionId=" + point.regionId();
		}
		catch (BusinessRuleException e) {
			Forms.reject(result, e);
			return form(form, point, model);
		}
	}

	private String form(PickupPointForm form, PickupPoint point, Model model) {
		model.addAttribute("point", point);
		model.addAttribute("regions", Scopes.managed(regionManagement.regions()));
		model.addAttribute("regionNames", Scopes.names(regionManagement.regions()));
		if (form.getRegionId() != null) {
			var region = new RegionId(form.getRegionId());
			Scopes.check(region);
			model.addAttribute("communities", communityManagement.communities(region));
			model.addAttribute("grids", gridWarehouses(region, point));
		}
		else {
			model.addAttribute("communities", List.of());
			model.addAttribute("grids", List.of());
		}
		return "network/pickup-point-form";
	}

	/** Open grid warehouses of the region, and the one serving the point now even if it closed since. */
	private List<Warehouse> gridWarehouses(RegionId region, PickupPoint point) {
		return warehouseManagement.warehouses(region).stream()
			.filter(w -> w.kind() == WarehouseKind.GRID)
			.filter(w -> w.active() || (point != null && w.id().equals(point.gridWarehouseId())))
			.toList();
	}
}
