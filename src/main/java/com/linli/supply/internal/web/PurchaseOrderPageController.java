package com.linli.supply.internal.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.linli.identity.Actor;
import com.linli.identity.CurrentUser;
import com.linli.identity.RegionScope;
import com.linli.identity.Role;
import com.linli.ordering.ShortageRule;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.SupplierId;
import com.linli.shared.Text;
import com.linli.shared.export.Spreadsheets;
import com.linli.supply.PurchaseOrder;
import com.linli.supply.PurchaseOrderId;
import com.linli.supply.PurchaseOrderManagement;
import com.linli.supply.PurchaseOrderStatus;
import com.linli.supply.QualificationManagement;
import com.linli.supply.ReceiptLine;
import com.linli.supply.ReceivingManagement;
import com.linli.supply.RejectReason;
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
 * Purchase orders in the console (review drafts, change or drop lines, send, cancel, export) and the
 * warehouse's receiving screens (tablet: one line per row, big inputs).
 */
@Controller
class PurchaseOrderPageController {

	private final PurchaseOrderManagement orders;

	private final SupplierManagement suppliers;

	private final QualificationManagement qualifications;

	private final ReceivingManagement receiving;

	private final java.time.Clock clock;

	PurchaseOrderPageController(PurchaseOrderManagement orders, SupplierManagement suppliers,
			QualificationManagement qualifications, ReceivingManagement receiving, java.time.Clock clock) {
		this.orders = orders;
		this.suppliers = suppliers;
		this.qualifications = qualifications;
		this.receiving = receiving;
		this.clock = clock;
	}

	@GetMapping("/console/purchase-orders")
	String list(@RequestParam(required = false) PurchaseOrderStatus status,
			@RequestParam(required = false) Long supplierId, @RequestParam(defaultValue = "0") int page, Model model) {
		var me = CurrentUser.require();
		var result = orders.search(supplierId == null ? null : new SupplierId(supplierId), staffScope(me),
				status, page, 20);
		model.addAttribute("result", result);
		model.addAttribute("status", status);
		model.addAttribute("supplierId", supplierId);
		model.addAttribute("statuses", PurchaseOrderStatus.values());
		model.addAttribute("suppliers", suppliers.all());
		model.addAttribute("alerts", qualifications.alerts());
		return "supply/purchase-orders";
	}

	@GetMapping("/console/purchase-orders.xlsx")
	ResponseEntity<byte[]> export(@RequestParam(required = false) PurchaseOrderStatus status) {
		var me = CurrentUser.require();
		var result = orders.search(null, staffScope(me), status, 0, 200);
		return Spreadsheets.file(SupplyWorkbooks.purchaseOrders("采购单 Purchase orders", result.items()),
				"purchase-orders.xlsx", Spreadsheets.XLSX);
	}

	@GetMapping("/console/purchase-orders/{id}")
	String detail(@PathVariable long id, Model model) {
		var po = scoped(id);
		model.addAttribute("po", po);
		model.addAttribute("shortages", orders.shortages(po.id()));
		model.addAttribute("supplierBlocked", qualifications.qualificationExpired(po.supplierId()));
		return "supply/purchase-order";
	}

	@PostMapping("/console/purchase-orders/{id}/lines/{lineId}")
	String changeLine(@PathVariable long id, @PathVariable long lineId, @RequestParam int ordered,
			RedirectAttributes redirect, Locale locale, Actor actor) {
		scoped(id);
		return act(id, redirect, locale, "supply.po.lineSaved", () -> orders.changeLine(new PurchaseOrderId(id), lineId, ordered, actor));
	}

	@PostMapping("/console/purchase-orders/{id}/lines/{lineId}/drop")
	String dropLine(@PathVariable long id, @PathVariable long lineId, RedirectAttributes redirect, Locale locale,
			Actor actor) {
		scoped(id);
		return act(id, redirect, locale, "supply.po.lineDropped", () -> orders.dropLine(new PurchaseOrderId(id), lineId, actor));
	}

	@PostMapping("/console/purchase-orders/{id}/send")
	String send(@PathVariable long id, RedirectAttributes redirect, Locale locale, Actor actor) {
		scoped(id);
		return act(id, redirect, locale, "supply.po.sent", () -> orders.send(new PurchaseOrderId(id), actor));
	}

	@PostMapping("/console/purchase-orders/{id}/cancel")
	String cancel(@PathVariable long id, RedirectAttributes redirect, Locale locale, Actor actor) {
		scoped(id);
		return act(id, redirect, locale, "supply.po.cancelled", () -> orders.cancel(new PurchaseOrderId(id), actor));
	}

	private String act(long id, RedirectAttributes redirect, Locale locale, String done, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("done", done);
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("error", PageMessages.of(e, locale));
		}
		return "redirect:/console/purchase-orders/" + id;
	}

	private PurchaseOrder scoped(long id) {
		var po = orders.get(new PurchaseOrderId(id));
		CurrentUser.checkRegion(po.regionId().value());
		return po;
	}

	// --- the warehouse (tablet) ---

	@GetMapping({ "/warehouse", "/warehouse/receiving" })
	String receivingList(Model model) {
		var scope = warehouseScope();
		List<PurchaseOrder> due = new ArrayList<>();
		due.addAll(orders.search(null, scope, PurchaseOrderStatus.CONFIRMED, 0, 100).items());
		due.addAll(orders.search(null, scope, PurchaseOrderStatus.SENT, 0, 100).items());
		due.sort(java.util.Comparator.comparing(PurchaseOrder::expectedAt));
		model.addAttribute("orders", due);
		model.addAttribute("recent", orders.search(null, scope, PurchaseOrderStatus.DELIVERED, 0, 10).items());
		return "supply/receiving-list";
	}

	@GetMapping("/warehouse/receiving/{id}")
	String receiving(@PathVariable long id, Model model) {
		var po = warehouseScoped(id);
		model.addAttribute("po", po);
		model.addAttribute("shortages", orders.shortages(po.id()));
		model.addAttribute("reasons", RejectReason.values());
		model.addAttribute("rules", ShortageRule.values());
		model.addAttribute("today", LocalDate.now(clock));
		return "supply/receiving";
	}

	@PostMapping("/warehouse/receiving/{id}")
	String receive(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect,
			Locale locale, Actor actor) {
		var po = warehouseScoped(id);
		List<ReceiptLine> lines = new ArrayList<>();
		try {
			for (var line : po.lines()) {
				if (line.received() || !"on".equals(form.get("receive-" + line.id()))) {
					continue;
				}
				int accepted = number(form.get("accepted-" + line.id()), "accepted-" + line.id());
				int rejected = number(form.get("rejected-" + line.id()), "rejected-" + line.id());
				String reason = form.get("reason-" + line.id());
				lines.add(new ReceiptLine(line.id(), accepted, rejected,
						reason == null || reason.isBlank() ? null : RejectReason.valueOf(reason),
						form.get("batch-" + line.id()), date(form.get("produced-" + line.id()), "produced-" + line.id())));
			}
			String rule = form.get("rule");
			receiving.receive(po.id(), lines, rule == null || rule.isBlank() ? null : ShortageRule.valueOf(rule), actor);
			redirect.addFlashAttribute("done", "supply.receiving.done");
			return "redirect:/warehouse/receiving/" + id;
		}
		catch (BusinessRuleException e) {
			String message = PageMessages.of(e, locale);
			redirect.addFlashAttribute("error", message);
			if (e.field() != null) {
				redirect.addFlashAttribute("errors", Map.of(inputOf(e.field()), message));
			}
		}
		catch (IllegalArgumentException e) {
			// a reason or rule that is not one of the choices: only a hand-made request sends that
			redirect.addFlashAttribute("errorKey", "supply.receiving.checkChoices");
		}
		// the form comes back as it was typed: nothing entered is lost to an error
		redirect.addFlashAttribute("typed", form);
		return "redirect:/warehouse/receiving/" + id;
	}

	/** The form input that a service error names: lines.12.batchNo is batch-12; a page field stays as it is. */
	static String inputOf(String field) {
		var matcher = java.util.regex.Pattern.compile("lines\\.(\\d+)(?:\\.(\\w+))?").matcher(field);
		if (!matcher.matches()) {
			return field;
		}
		String line = matcher.group(1);
		return switch (matcher.group(2) == null ? "" : matcher.group(2)) {
			case "batchNo" -> "batch-" + line;
			case "rejectReason" -> "reason-" + line;
			case "productionDate" -> "produced-" + line;
			case "rejected" -> "rejected-" + line;
			default -> "accepted-" + line;
		};
	}

	private static LocalDate date(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (java.time.format.DateTimeParseException e) {
			throw new com.linli.shared.InvalidInputException(field, com.linli.shared.Text.of("supply.problem.enterDate"));
		}
	}

	private static int number(String value, String field) {
		if (value == null || value.isBlank()) {
			return 0;
		}
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException e) {
			throw new com.linli.shared.InvalidInputException(field, Text.of("supply.problem.enterWholeNumber"));
		}
	}

	private PurchaseOrder warehouseScoped(long id) {
		var po = orders.get(new PurchaseOrderId(id));
		var scope = warehouseScope();
		if (!scope.includes(po.regionId().value())) {
			throw new AccessDeniedException("region " + po.regionId() + " is not among your regions");
		}
		return po;
	}

	private static RegionScope warehouseScope() {
		var me = CurrentUser.require();
		if (me.isAdmin()) {
			return RegionScope.all();
		}
		if (me.hasRole(Role.OPERATOR)) {
			return RegionScope.only(me.regionIds());
		}
		return me.regionIds().isEmpty() ? RegionScope.all() : RegionScope.only(me.regionIds());
	}

	/** Admins see every region, other staff their own. */
	private static RegionScope staffScope(CurrentUser me) {
		return me.regionScope().map(RegionScope::only).orElse(RegionScope.all());
	}
}
