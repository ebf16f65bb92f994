package com.linli.network.internal.web;

import com.linli.identity.Actor;
import com.linli.network.NetworkSearch;
import com.linli.network.NewRegion;
import com.linli.network.Region;
import com.linli.network.RegionChange;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.network.Zones;
import com.linli.shared.BusinessRuleException;
import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
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

/** Console pages of regions: operators see theirs, platform admins see and edit all. */
@Controller
@RequestMapping("/console/regions")
class RegionPageController {

	private final RegionManagement network;

	RegionPageController(RegionManagement network) {
		this.network = network;
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) Boolean active,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("page", network.searchRegions(new NetworkSearch(Scopes.listRegions(null), q, active, page, 20)));
		model.addAttribute("q", q);
		model.addAttribute("active", active);
		model.addAttribute("pageUrl", Forms.listUrl("/console/regions", "q", q, "active", active));
		return "network/regions";
	}

	@GetMapping("/new")
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	String newForm(Model model) {
		model.addAttribute("form", new RegionForm());
		return "network/region-form";
	}

	@PostMapping
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	String create(Actor actor, @Valid @ModelAttribute("form") RegionForm form, BindingResult result,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return "network/region-form";
		}
		try {
			var region = network.createRegion(actor, new NewRegion(form.getName(), form.getCode(), Zones.parse(form.getZone())));
			redirect.addFlashAttribute("saved", region.name());
			return "redirect:/console/regions";
		}
		catch (BusinessRuleException e) {
			Forms.reject(result, e);
			return "network/region-form";
		}
	}

	@GetMapping("/{id}/edit")
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	String editForm(@PathVariable long id, Model model) {
		var region = network.getRegion(new RegionId(id));
		model.addAttribute("region", region);
		model.addAttribute("form", RegionForm.of(region));
		return "network/region-form";
	}

	@PostMapping("/{id}")
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	String update(Actor actor, @PathVariable long id, @Valid @ModelAttribute("form") RegionForm form,
			BindingResult result,
			Model model, RedirectAttributes redirect) {
		Region region = network.getRegion(new RegionId(id));
		model.addAttribute("region", region);
		form.setCode(region.code());
		if (result.hasErrors()) {
			return "network/region-form";
		}
		try {
			network.updateRegion(actor, region.id(), new RegionChange(form.getName(), Zones.parse(form.getZone()), form.isActive()));
			redirect.addFlashAttribute("saved", form.getName());
			return "redirect:/console/regions";
		}
		catch (BusinessRuleException e) {
			Forms.reject(result, e);
			return "network/region-form";
		}
	}
}
