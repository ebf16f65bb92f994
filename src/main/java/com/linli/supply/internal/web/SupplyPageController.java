package com.linli.supply.internal.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import com.linli.catalog.SkuId;
import com.linli.catalog.SkuManagement;
import com.linli.shared.BusinessRuleException;
import com.linli.identity.Actor;
import com.linli.shared.Money;
import com.linli.shared.SupplierId;
import com.linli.shared.Text;
import com.linli.shared.export.Spreadsheets;
import com.linli.supply.NewQualification;
import com.linli.supply.NewSupplierSku;
import com.linli.supply.PaymentPeriod;
import com.linli.supply.PurchaseOrderId;
import com.linli.supply.ScorePeriod;
import com.linli.supply.ScorecardManagement;
import com.linli.supply.SettlementManagement;
import com.linli.supply.QualificationManagement;
import com.linli.supply.SupplierManagement;
import com.linli.supply.SupplierSkuManagement;
import com.linli.supply.SupplierTerms;
import com.linli.supply.SupplierTier;
import com.linli.supply.internal.SupplyWorkbooks;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Console pages of a supplier's supply side (tier and terms, licences, SKUs), the licence alerts, the
 * scorecard ranking and a supplier's trend, and settlement statements.
 */
@Controller
class SupplyPageController {

	private final SupplierManagement suppliers;

	private final QualificationManagement qualifications;

	private final SupplierSkuManagement supplierSkus;

	private final ScorecardManagement scorecards;

	private final SettlementManagement settlement;

	private final SkuManagement catalog;

	private final Clock clock;

	SupplyPageController(SupplierManagement suppliers, QualificationManagement qualifications,
			SupplierSkuManagement supplierSkus, ScorecardManagement scorecards, SettlementManagement settlement,
			SkuManagement catalog, Clock clock) {
		this.suppliers = suppliers;
		this.qualifications = qualifications;
		this.supplierSkus = supplierSkus;
		this.scorecards = scorecards;
		this.settlement = settlement;
		this.catalog = catalog;
		this.clock = clock;
	}

	@GetMapping("/console/suppliers/{id}/supply")
	String supply(@PathVariable long id, @RequestParam(required = false) String q, Model model) {
		var sid = new SupplierId(id);
		model.addAttribute("supplier", suppliers.get(sid));
		model.addAttribute("terms", supplierSkus.terms(sid));
		model.addAttribute("qualifications", qualifications.qualifications(sid));
		model.addAttribute("skus", supplierSkus.skus(sid));
		model.addAttribute("alerts", qualifications.alerts(sid));
		model.addAttribute("tiers", SupplierTier.values());
		model.addAttribute("periods", PaymentPeriod.values());
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("q", q);
		model.addAttribute("found", q == null || q.isBlank() ? java.util.List.of() : catalog.findSkus(q.strip(), 10));
		return "supply/supplier-supply";
	}

	@PostMapping("/console/suppliers/{id}/terms")
	String terms(@PathVariable long id, @RequestParam SupplierTier tier, @RequestParam PaymentPeriod paymentPeriod,
			@RequestParam(required = false) Integer paymentDays, RedirectAttributes redirect, Locale locale, Actor actor) {
		return act(id, redirect, locale, "supply.terms.saved",
				() -> supplierSkus.setTerms(new SupplierTerms(new SupplierId(id), tier, paymentPeriod, paymentDays), actor));
	}

	@PostMapping("/console/suppliers/{id}/qualifications")
	String addQualification(@PathVariable long id, @RequestParam String kind, @RequestParam String licenceNo,
			@RequestParam LocalDate validFrom, @RequestParam LocalDate validUntil, RedirectAttributes redirect,
			Locale locale, Actor actor) {
		return act(id, redirect, locale, "supply.qualification.saved", () -> qualifications
			.addQualification(new SupplierId(id), new NewQualification(kind, licenceNo, validFrom, validUntil), actor));
	}

	@PostMapping("/console/suppliers/{id}/qualifications/{qualificationId}")
	String updateQualification(@PathVariable long id, @PathVariable long qualificationId, @RequestParam String kind,
			@RequestParam String licenceNo, @RequestParam LocalDate validFrom, @RequestParam LocalDate validUntil,
			RedirectAttributes redirect, Locale locale, Actor actor) {
		return act(id, redirect, locale, "supply.qualification.saved", () -> qualifications.updateQualification(
				new SupplierId(id), qualificationId, new NewQualification(kind, licenceNo, validFrom, validUntil), actor));
	}

	@PostMapping("/console/suppliers/{id}/qualifications/{qualificationId}/delete")
	String removeQualification(@PathVariable long id, @PathVariable long qualificationId, RedirectAttributes redirect,
			Locale locale, Actor actor) {
		return act(id, redirect, locale, "supply.qualification.removed",
				() -> qualifications.removeQualification(new SupplierId(id), qualificationId, actor));
	}

	@PostMapping("/console/suppliers/{id}/skus")
	String offer(@PathVariable long id, @RequestParam long skuId, @RequestParam String price,
			@RequestParam(defaultValue = "1") int leadTimeDays, @RequestParam(defaultValue = "1") int moq,
			@RequestParam(defaultValue = "false") boolean active, RedirectAttributes redirect, Locale locale,
			Actor actor) {
		return act(id, redirect, locale, "supply.sku.saved", () -> {
			Money money;
			try {
				money = Money.ofYuan(price.strip());
			}
			catch (RuntimeException e) {
				throw new com.linli.shared.InvalidInputException("price", Text.of("supply.problem.enterPriceSuchAs1250"));
			}
			supplierSkus.offerSku(new SupplierId(id), new NewSupplierSku(new SkuId(skuId), money, leadTimeDays, moq, active), actor);
		});
	}

	private String act(long id, RedirectAttributes redirect, Locale locale, String done, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("done", done);
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("error", PageMessages.of(e, locale));
		}
		return "redirect:/console/suppliers/" + id + "/supply";
	}

	@GetMapping("/console/supplier-alerts")
	String alerts(Model model) {
		qualifications.checkQualifications();
		model.addAttribute("alerts", qualifications.alerts());
		return "supply/supplier-alerts";
	}

	@GetMapping("/console/supplier-scores")
	String ranking(@RequestParam(defaultValue = "MONTH") ScorePeriod period,
			@RequestParam(required = false) LocalDate day, Model model) {
		LocalDate d = day == null ? LocalDate.now(clock) : day;
		model.addAttribute("cards", scorecards.ranking(period, d));
		model.addAttribute("period", period);
		model.addAttribute("label", period.label(d));
		model.addAttribute("day", d);
		model.addAttribute("previous", period.previous(period.start(d)));
		model.addAttribute("next", period.end(d));
		model.addAttribute("threshold", scorecards.threshold());
		model.addAttribute("complaintScale", scorecards.complaintScale());
		model.addAttribute("weights", scorecards.weights());
		return "supply/supplier-scores";
	}

	@GetMapping("/console/supplier-scores/{id}")
	String trend(@PathVariable long id, @RequestParam(defaultValue = "WEEK") ScorePeriod period, Model model) {
		var sid = new SupplierId(id);
		model.addAttribute("supplier", suppliers.get(sid));
		var cards = scorecards.trend(sid, period, period == ScorePeriod.WEEK ? 12 : 6);
		model.addAttribute("cards", cards);
		model.addAttribute("labels", cards.stream().map(c -> c.period()).toList());
		model.addAttribute("scores", cards.stream().map(c -> c.score()).toList());
		model.addAttribute("onTime", cards.stream().map(c -> percent(c.onTime())).toList());
		model.addAttribute("fill", cards.stream().map(c -> percent(c.fill())).toList());
		model.addAttribute("quality", cards.stream().map(c -> percent(c.quality())).toList());
		model.addAttribute("complaint", cards.stream().map(c -> percent(c.complaint())).toList());
		model.addAttribute("period", period);
		model.addAttribute("threshold", scorecards.threshold());
		model.addAttribute("complaintScale", scorecards.complaintScale());
		return "supply/supplier-trend";
	}

	private static Double percent(Double rate) {
		return rate == null ? null : Math.round(rate * 1000) / 10.0;
	}

	@GetMapping("/console/statements")
	String statements(@RequestParam(required = false) Long supplierId, Model model, Actor actor) {
		model.addAttribute("statements", settlement.list(actor, supplierId == null ? null : new SupplierId(supplierId)));
		model.addAttribute("suppliers", suppliers.all());
		model.addAttribute("supplierId", supplierId);
		model.addAttribute("today", LocalDate.now(clock));
		return "supply/statements";
	}

	@PostMapping("/console/statements")
	String drawUp(@RequestParam long supplierId, @RequestParam(required = false) LocalDate day,
			RedirectAttributes redirect, Locale locale, Actor actor) {
		try {
			var s = settlement.drawUp(actor, new SupplierId(supplierId), day == null ? LocalDate.now(clock) : day);
			return "redirect:/console/statements/" + s.id();
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("error", PageMessages.of(e, locale));
			return "redirect:/console/statements";
		}
	}

	@GetMapping("/console/statements/{id}")
	String statement(@PathVariable long id, Model model, Actor actor) {
		var s = settlement.get(actor, id);
		model.addAttribute("statement", s);
		model.addAttribute("open", settlement.openChargebacks(actor, s.supplierId()));
		model.addAttribute("canSettle", !s.settled() && s.periodEnd().isBefore(LocalDate.now(clock)));
		return "supply/statement";
	}

	@GetMapping("/console/statements/{id}.xlsx")
	ResponseEntity<byte[]> statementFile(@PathVariable long id, Actor actor) {
		var s = settlement.get(actor, id);
		return Spreadsheets.file(SupplyWorkbooks.statement(s),
				"statement-" + s.supplierName() + "-" + s.periodStart() + ".xlsx", Spreadsheets.XLSX);
	}

	@PostMapping("/console/statements/{id}/settle")
	String settle(@PathVariable long id, RedirectAttributes redirect, Locale locale, Actor actor) {
		try {
			settlement.settle(actor, id);
			redirect.addFlashAttribute("done", "supply.statement.settled");
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("error", PageMessages.of(e, locale));
		}
		return "redirect:/console/statements/" + id;
	}

	@PostMapping("/console/statements/{id}/chargebacks")
	String chargeback(@PathVariable long id, @RequestParam String amount, @RequestParam String reason,
			@RequestParam(required = false) Long purchaseOrderId, RedirectAttributes redirect, Locale locale, Actor actor) {
		var s = settlement.get(actor, id);
		try {
			Money money;
			try {
				money = Money.ofYuan(amount.strip());
			}
			catch (RuntimeException e) {
				throw new com.linli.shared.InvalidInputException("amount", Text.of("supply.problem.enterAmountSuchAs1250"));
			}
			settlement.chargeback(actor, s.supplierId(), purchaseOrderId == null ? null : new PurchaseOrderId(purchaseOrderId),
					money, reason);
			if (!s.settled()) {
				settlement.drawUp(actor, s.supplierId(), s.periodStart());
			}
			redirect.addFlashAttribute("done", "supply.chargeback.saved");
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("error", PageMessages.of(e, locale));
		}
		return "redirect:/console/statements/" + id;
	}
}
