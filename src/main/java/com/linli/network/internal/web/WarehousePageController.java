package com.linli.network.internal.web;

import java.util.Map;

import com.linli.identity.Actor;
import com.linli.network.NetworkSearch;
import com.linli.network.NewWarehouse;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.network.WarehouseChange;
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

/** Console pages of warehouses in the regions the viewer manages. */
@Controller
@RequestMapping("/console/warehouses")
class WarehousePageController {

	private final WarehouseManagement network;

	private final RegionManagement regionManagement;

	WarehousePageController(WarehouseManagement network, RegionManagement regionManagement) {
		this.network = network;
		this.regionManagement = regionManagement;
	}

	@GetMapping
	String list(@RequestParam(required = false) Long regionId, @RequestParam(required = false) WarehouseKind kind,
			@RequestParam(required = false) Boolean active, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		var search = new NetworkSearch(Scopes.listRegions(regionId), q, active, page, 20);
		model.addAttribute("page", network.searchWarehouses(search, kind));
		model.addAttribute("regions", Scopes.managed(regionManagement.regions()));
		model.addAttribute("regionNames", regionNames());
		model.addAttribute("regionId", regionId);
		model.addAttribute("kind", kind);
		model.addAttribute("active", active);
		model.addAttribute("q", q);
		model.addAttribute("kinds", WarehouseKind.values());
		model.addAttribute("pageUrl",
				Forms.listUrl("/console/warehouses", "regionId", regionId, "kind", kind, "active", active, "q", q));
		return "network/warehouses";
	}

	@GetMapping("/new")
	String newForm(@RequestParam(required = false) Long regionId, Model model) {
		var form = new WarehouseForm();
		form.setRegionId(regionId);
		model.addAttribute("form", form);
		return form(model);
	}

	@PostMapping
	String create(Actor actor, @Valid @ModelAttribute("form") WarehouseForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (form.getRegionId() == null) {
			result.rejectValue("regionId", "network.required");
		}
		if (form.getKind() == null) {
			result.rejectValue("kind", "network.required");
		}
		if (result.hasErrors()) {
			return form(model);
		}
		try {
			var warehouse = network.createWarehouse(actor, new NewWarehouse(new RegionId(form.getRegionId()), form.getKind(),
					form.getName(), form.getAddress(), form.getLatitude(), form.getLongitude()));
			redirect.addFlashAttribute("saved", warehouse.name());
			return "redirect:/console/warehouses?regionId=" + warehouse.regionId();
		}
		catch (BusinessRuleException e) {
			Forms.reject(result, e);
			return form(model);
		}
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		var warehouse = network.getWarehouse(new WarehouseId(id));
		Scopes.check(warehouse.regionId());
		model.addAttribute("warehouse", warehouse);
		model.addAttribute("form", WarehouseForm.of(warehouse));
		return form(model);
	}

	@PostMapping("/{id}")
	String update(Actor actor, @PathVariable long id, @Valid @ModelAttribute("form") WarehouseForm form,
			BindingResult result,
			Model model, RedirectAttributes redirect) {
		var warehouse = network.getWarehouse(new WarehouseId(id));
		Scopes.check(warehouse.regionId());
		model.addAttribute("warehouse", warehouse);
		form.setRegionId(warehouse.regionId().value());
		form.setKind(warehouse.kind());
		if (result.hasErrors()) {
			return form(model);
		}
		try {
			network.updateWarehouse(actor, warehouse.id(), new WarehouseChange(form.getName(), form.getAddress(),
					form.getLatitude(), form.getLongitude(), form.isActive()));
			redirect.addFlashAttribute("saved", form.getName());
			return "redirect:/console/warehouses?regionId=" + warehouse.regionId();
		}
		catch (BusinessRuleException e) {
			Forms.reject(result, e);
			return form(model);
		}
	}

	private String form(Model model) {
		model.addAttribute("regions", Scopes.managed(regionManagement.regions()));
		model.addAttribute("regionNames", regionNames());
		model.addAttribute("kinds", WarehouseKind.values());
		return "network/warehouse-form";
	}

	private Map<RegionId, String> regionNames() {
		return Scopes.names(regionManagement.regions());
	}
}
