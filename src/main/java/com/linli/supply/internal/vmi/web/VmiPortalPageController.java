package com.linli.supply.internal.vmi.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.linli.catalog.SkuId;
import com.linli.catalog.SkuManagement;
import com.linli.identity.Actor;
import com.linli.network.WarehouseId;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Text;
import com.linli.supply.NewVmiProposal;
import com.linli.supply.SupplierManagement;
import com.linli.supply.VmiManagement;
import com.linli.supply.VmiStockLine;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The VMI page of the supplier portal (mobile first): the supplier's own SKUs at the central warehouses with
 * stock, forecast, on order and a suggestion, a proposal form under each, and its proposals. A supplier that is
 * not VMI gets 403.
 */
@Controller
class VmiPortalPageController {

	private final VmiManagement vmi;

	private final SupplierManagement suppliers;

	private final SkuManagement catalog;

	private final Clock clock;

	VmiPortalPageController(VmiManagement vmi, SupplierManagement suppliers, SkuManagement catalog, Clock clock) {
		this.vmi = vmi;
		this.suppliers = suppliers;
		this.catalog = catalog;
		this.clock = clock;
	}

	@GetMapping("/supplier/vmi")
	String page(Model model) {
		var supplier = VmiViews.mySupplier(suppliers);
		List<VmiStockLine> lines = vmi.stock(supplier);
		Map<String, List<VmiStockLine>> byWarehouse = new LinkedHashMap<>();
		lines.forEach(l -> byWarehouse.computeIfAbsent(l.regionName() + " · " + l.warehouseName(), k -> new java.util.ArrayList<>())
			.add(l));
		var proposals = vmi.proposalsOf(supplier);
		model.addAttribute("supplier", suppliers.get(supplier));
		model.addAttribute("warehouses", byWarehouse);
		model.addAttribute("proposals", proposals);
		model.addAttribute("skuNames", VmiViews.skuNames(catalog, proposals));
		model.addAttribute("tomorrow", LocalDate.now(clock).plusDays(1));
		model.addAttribute("days", VmiManagement.DAYS);
		return "supply/vmi-portal";
	}

	@PostMapping("/supplier/vmi/proposals")
	String propose(@RequestParam long skuId, @RequestParam long warehouseId, @RequestParam(required = false) String units,
			@RequestParam(required = false) String deliveryDate, @RequestParam(required = false) String note,
			RedirectAttributes redirect, Locale locale, Actor actor) {
		var supplier = VmiViews.mySupplier(suppliers);
		try {
			Integer u;
			try {
				u = units == null || units.isBlank() ? null : Integer.valueOf(units.strip());
			}
			catch (NumberFormatException e) {
				throw new InvalidInputException("units", Text.of("supply.problem.enterWholeNumber"));
			}
			LocalDate date;
			try {
				date = deliveryDate == null || deliveryDate.isBlank() ? null : LocalDate.parse(deliveryDate.strip());
			}
			catch (RuntimeException e) {
				throw new InvalidInputException("deliveryDate", Text.of("supply.vmi.problem.deliveryDate", 60));
			}
			vmi.propose(supplier, new NewVmiProposal(new SkuId(skuId), new WarehouseId(warehouseId), u, date, note), actor);
			redirect.addFlashAttribute("done", "supply.vmi.proposed");
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("error", Text.half(e.getMessage(), locale));
		}
		return "redirect:/supplier/vmi";
	}

	@PostMapping("/supplier/vmi/proposals/{id}/withdraw")
	String withdraw(@PathVariable long id, RedirectAttributes redirect, Locale locale, Actor actor) {
		try {
			vmi.withdraw(VmiViews.mySupplier(suppliers), id, actor);
			redirect.addFlashAttribute("done", "supply.vmi.withdrawn");
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("error", Text.half(e.getMessage(), locale));
		}
		return "redirect:/supplier/vmi";
	}
}
