package com.linli.supply.internal.vmi.web;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.linli.catalog.SkuManagement;
import com.linli.identity.Actor;
import com.linli.network.Region;
import com.linli.network.RegionManagement;
import com.linli.network.WarehouseManagement;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.SupplierId;
import com.linli.shared.Text;
import com.linli.supply.SupplierManagement;
import com.linli.supply.VmiManagement;
import com.linli.supply.VmiProposal;
import com.linli.supply.VmiProposalStatus;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's VMI proposals (供应商补货建议): those of the operator's regions, open ones first, approved into a
 * purchase order or rejected with a reason; and the VMI switch on a supplier's page.
 */
@Controller
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
class VmiPageController {

	private final VmiManagement vmi;

	private final SupplierManagement suppliers;

	private final SkuManagement catalog;

	private final RegionManagement regions;

	private final WarehouseManagement warehouses;

	VmiPageController(VmiManagement vmi, SupplierManagement suppliers, SkuManagement catalog, RegionManagement regions,
			WarehouseManagement warehouses) {
		this.vmi = vmi;
		this.suppliers = suppliers;
		this.catalog = catalog;
		this.regions = regions;
		this.warehouses = warehouses;
	}

	@GetMapping("/console/vmi")
	String list(@RequestParam(required = false) Long regionId, @RequestParam(required = false) VmiProposalStatus status,
			Model model, Actor actor) {
		List<VmiProposal> proposals = vmi.search(regionId, status, actor);
		Map<Long, String> warehouseNames = new HashMap<>();
		Map<Long, String> regionNames = new HashMap<>();
		for (var p : proposals) {
			warehouseNames.computeIfAbsent(p.warehouseId().value(), id -> warehouses.getWarehouse(p.warehouseId()).name());
			regionNames.computeIfAbsent(p.regionId().value(), id -> regions.getRegion(p.regionId()).name());
		}
		List<Region> mine = regions.regions().stream().filter(r -> actor.worksIn(r.id().value())).toList();
		model.addAttribute("proposals", proposals);
		model.addAttribute("skuNames", VmiViews.skuNames(catalog, proposals));
		model.addAttribute("warehouseNames", warehouseNames);
		model.addAttribute("regionNames", regionNames);
		model.addAttribute("regions", mine);
		model.addAttribute("regionId", regionId);
		model.addAttribute("status", status);
		model.addAttribute("statuses", VmiProposalStatus.values());
		return "supply/vmi-proposals";
	}

	@PostMapping("/console/vmi/{id}/approve")
	String approve(@PathVariable long id, RedirectAttributes redirect, Locale locale, Actor actor) {
		try {
			var p = vmi.approve(id, actor);
			redirect.addFlashAttribute("approved", p.purchaseOrderId().value());
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("error", Text.half(e.getMessage(), locale));
		}
		return "redirect:/console/vmi";
	}

	@PostMapping("/console/vmi/{id}/reject")
	String reject(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect,
			Locale locale, Actor actor) {
		try {
			vmi.reject(id, reason, actor);
			redirect.addFlashAttribute("done", "supply.vmi.rejected");
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("error", Text.half(e.getMessage(), locale));
		}
		return "redirect:/console/vmi";
	}

	@PostMapping("/console/suppliers/{id}/vmi")
	String setVmi(@PathVariable long id, @RequestParam(defaultValue = "false") boolean vmi, RedirectAttributes redirect,
			Actor actor) {
		suppliers.setVmi(new SupplierId(id), vmi, actor);
		redirect.addFlashAttribute("vmiChanged", true);
		return "redirect:/console/suppliers/" + id;
	}
}
