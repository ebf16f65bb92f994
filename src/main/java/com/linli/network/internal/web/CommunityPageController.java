package com.linli.network.internal.web;

import com.linli.identity.Actor;
import com.linli.network.CommunityChange;
import com.linli.network.CommunityId;
import com.linli.network.CommunityManagement;
import com.linli.network.NetworkSearch;
import com.linli.network.NewCommunity;
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

/** Console pages of communities in the regions the viewer manages. */
@Controller
@RequestMapping("/console/communities")
class CommunityPageController {

	private final CommunityManagement network;

	private final RegionManagement regionManagement;

	CommunityPageController(CommunityManagement network, RegionManagement regionManagement) {
		this.network = network;
		this.regionManagement = regionManagement;
	}

	@GetMapping
	String list(@RequestParam(required = false) Long regionId, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		var search = new NetworkSearch(Scopes.listRegions(regionId), q, null, page, 20);
		model.addAttribute("page", network.searchCommunities(search));
		model.addAttribute("regions", Scopes.managed(regionManagement.regions()));
		model.addAttribute("regionNames", Scopes.names(regionManagement.regions()));
		model.addAttribute("regionId", regionId);
		model.addAttribute("q", q);
		model.addAttribute("pageUrl", Forms.listUrl("/console/communities", "regionId", regionId, "q", q));
		return "network/communities";
	}

	@GetMapping("/new")
	String newForm(@RequestParam(required = false) Long regionId, Model model) {
		var form = new CommunityForm();
		form.setRegionId(regionId);
		model.addAttribute("form", form);
		return form(model);
	}

	@PostMapping
	String create(Actor actor, @Valid @ModelAttribute("form") CommunityForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (form.getRegionId() == null) {
			result.rejectValue("regionId", "network.required");
		}
		if (result.hasErrors()) {
			return form(model);
		}
		try {
			var community = network.createCommunity(actor, new NewCommunity(new RegionId(form.getRegionId()), form.getName(),
					form.getDistrict(), form.getAddress(), form.getLatitude(), form.getLongitude(),
					form.getHouseholds()));
			redirect.addFlashAttribute("saved", community.name());
			return "redirect:/console/communities?regionId=" + community.regionId();
		}
		catch (BusinessRuleException e) {
			Forms.reject(result, e);
			return form(model);
		}
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		var community = network.getCommunity(new CommunityId(id));
		Scopes.check(community.regionId());
		model.addAttribute("community", community);
		model.addAttribute("form", CommunityForm.of(community));
		return form(model);
	}

	@PostMapping("/{id}")
	String update(Actor actor, @PathVariable long id, @Valid @ModelAttribute("form") CommunityForm form,
			BindingResult result,
			Model model, RedirectAttributes redirect) {
		var community = network.getCommunity(new CommunityId(id));
		Scopes.check(community.regionId());
		model.addAttribute("community", community);
		form.setRegionId(community.regionId().value());
		if (result.hasErrors()) {
			return form(model);
		}
		try {
			network.updateCommunity(actor, community.id(), new CommunityChange(form.getName(), form.getDistrict(),
					form.getAddress(), form.getLatitude(), form.getLongitude(), form.getHouseholds()));
			redirect.addFlashAttribute("saved", form.getName());
			return "redirect:/console/communities?regionId=" + community.regionId();
		}
		catch (BusinessRuleException e) {
			Forms.reject(result, e);
			return form(model);
		}
	}

	private String form(Model model) {
		model.addAttribute("regions", Scopes.managed(regionManagement.regions()));
		model.addAttribute("regionNames", Scopes.names(regionManagement.regions()));
		return "network/community-form";
	}
}
