package com.linli.supply.internal.web;

import java.time.Clock;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.linli.identity.Actor;
import com.linli.identity.CurrentUser;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.SupplierId;
import com.linli.shared.Text;
import com.linli.shared.export.Spreadsheets;
import com.linli.supply.PurchaseOrderId;
import com.linli.supply.PurchaseOrderManagement;
import com.linli.supply.ScorePeriod;
import com.linli.supply.ScorecardManagement;
import com.linli.supply.SettlementManagement;
import com.linli.supply.SupplierConfirmationManagement;
import com.linli.supply.SupplierManagement;
import com.linli.supply.internal.SupplyWorkbooks;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The supplier portal: the company the signed-in SUPPLIER account works for, its purchase orders (confirm in
 * full or short, announce the delivery), its scorecard and its statements. Another supplier's order is 404.
 */
@Controller
class SupplierPortalPageController {

	private final SupplierManagement suppliers;

	private final PurchaseOrderManagement orders;

	private final SupplierConfirmationManagement confirmations;

	private final SettlementManagement settlement;

	private final ScorecardManagement scorecards;

	private final Clock clock;

	SupplierPortalPageController(SupplierManagement suppliers, PurchaseOrderManagement orders,
			SupplierConfirmationManagement confirmations,
			SettlementManagement settlement, ScorecardManagement scorecards, Clock clock) {
		this.suppliers = suppliers;
		this.orders = orders;
		this.confirmations = confirmations;
		this.settlement = settlement;
		this.scorecards = scorecards;
		this.clock = clock;
	}

	@GetMapping("/supplier")
	String home(@RequestParam(defaultValue = "0") int page, Model model) {
		var me = CurrentUser.require();
		var supplier = suppliers.supplierOf(me.id()).orElse(null);
		model.addAttribute("supplier", supplier);
		if (supplier != null) {
			model.addAttribute("result", orders.ofSupplier(supplier.id(), null, page, 20));
			model.addAttribute("statements", settlement.listFor(supplier.id()));
			var cards = scorecards.trend(supplier.id(), ScorePeriod.MONTH, 1);
			model.addAttribute("card", cards.isEmpty() ? null : cards.get(cards.size() - 1));
		}
		return "supply/portal";
	}

	@GetMapping("/supplier/purchase-orders/{id}")
	String order(@PathVariable long id, Model model) {
		var po = orders.getFor(mine(), new PurchaseOrderId(id));
		model.addAttribute("po", po);
		model.addAttribute("zone", clock.getZone());
		model.addAttribute("suggested", LocalDateTime.ofInstant(po.expectedAt(), clock.getZone()).minusHours(1)
			.withMinute(0).withSecond(0).withNano(0));
		return "supply/portal-order";
	}

	@PostMapping("/supplier/purchase-orders/{id}/confirm")
	String confirm(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect,
			Locale locale, Actor actor) {
		var supplier = mine();
		var po = orders.getFor(supplier, new PurchaseOrderId(id));
		try {
			Map<Long, Integer> quantities = new HashMap<>();
			for (var line : po.lines()) {
				String value = form.get("qty-" + line.id());
				if (value != null && !value.isBlank()) {
					try {
						quantities.put(line.id(), Integer.parseInt(value.strip()));
					}
					catch (NumberFormatException e) {
						throw new com.linli.shared.InvalidInputException("qty", Text.of("supply.problem.enterWholeNumber"));
					}
				}
			}
			confirmations.confirm(supplier, po.id(), quantities, actor);
			redirect.addFlashAttribute("done", "supply.portal.confirmed");
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("error", PageMessages.of(e, locale));
		}
		return "redirect:/supplier/purchase-orders/" + id;
	}

	@PostMapping("/supplier/purchase-orders/{id}/delivery")
	String announce(@PathVariable long id, @RequestParam String deliveryAt, RedirectAttributes redirect,
			Locale locale) {
		var supplier = mine();
		try {
			LocalDateTime local;
			try {
				local = LocalDateTime.parse(deliveryAt);
			}
			catch (RuntimeException e) {
				throw new com.linli.shared.InvalidInputException("deliveryAt", Text.of("supply.problem.chooseDeliveryTime"));
			}
			confirmations.announce(supplier, new PurchaseOrderId(id), local.atZone(clock.getZone()).toInstant());
			redirect.addFlashAttribute("done", "supply.portal.announced");
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("error", PageMessages.of(e, locale));
		}
		return "redirect:/supplier/purchase-orders/" + id;
	}

	@GetMapping("/supplier/purchase-orders.xlsx")
	ResponseEntity<byte[]> export() {
		var list = orders.ofSupplier(mine(), null, 0, 200).items();
		return Spreadsheets.file(SupplyWorkbooks.purchaseOrders("采购单 Purchase orders", list), "purchase-orders.xlsx", Spreadsheets.XLSX);
	}

	@GetMapping("/supplier/statements/{id}")
	String statement(@PathVariable long id, Model model) {
		model.addAttribute("statement", settlement.getFor(mine(), id));
		return "supply/portal-statement";
	}

	@GetMapping("/supplier/statements/{id}.xlsx")
	ResponseEntity<byte[]> statementFile(@PathVariable long id) {
		var s = settlement.getFor(mine(), id);
		return Spreadsheets.file(SupplyWorkbooks.statement(s), "statement-" + s.periodStart() + ".xlsx", Spreadsheets.XLSX);
	}

	private SupplierId mine() {
		var me = CurrentUser.require();
		return suppliers.supplierOf(me.id()).map(s -> s.id())
			.orElseThrow(() -> new AccessDeniedException("this account is not linked to a supplier"));
	}

}
