package com.linli.leader.internal.payouts.web;

import java.math.BigDecimal;
import java.util.List;

import com.linli.identity.Actor;
import com.linli.leader.CommissionManagement;
import com.linli.leader.WithdrawalId;
import com.linli.leader.WithdrawalManagement;
import com.linli.leader.WithdrawalStatus;
import com.linli.network.RegionManagement;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Money;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of settlement and withdrawals: the leader's earnings on the phone (pending and available, the
 * withdrawal form, the history) and the operators' approval list in the console.
 */
@Controller
class PayoutPageController {

	private final WithdrawalManagement withdrawals;

	private final CommissionManagement commission;

	private final RegionManagement regions;

	PayoutPageController(WithdrawalManagement withdrawals, CommissionManagement commission, RegionManagement regions) {
		this.withdrawals = withdrawals;
		this.commission = commission;
		this.regions = regions;
	}

	@GetMapping("/leader/earnings")
	String earnings(Actor actor, Model model) {
		var leader = withdrawals.leaders(actor);
		if (leader.isEmpty()) {
			return "leader/payouts-earnings";
		}
		model.addAttribute("leader", leader.get());
		model.addAttribute("balance", withdrawals.balance(leader.get().id()));
		model.addAttribute("rules", withdrawals.rules());
		model.addAttribute("left", withdrawals.leftThisMonth(leader.get()));
		model.addAttribute("history", withdrawals.mine(actor, 0, 50));
		model.addAttribute("ledgerBalance", commission.balance(leader.get().id()));
		return "leader/payouts-earnings";
	}

	@PostMapping("/leader/earnings/withdrawals")
	String request(Actor actor, @RequestParam(required = false) String amount, Model model,
			RedirectAttributes redirect) {
		Money money;
		try {
			money = amount == null || amount.isBlank() ? null : Money.ofYuan(new BigDecimal(amount.strip()));
		}
		catch (RuntimeException e) {
			money = Money.ZERO;
		}
		try {
			var requested = withdrawals.request(actor, money);
			redirect.addFlashAttribute("requested", requested.amount());
			return "redirect:/leader/earnings";
		}
		catch (BusinessRuleException e) {
			model.addAttribute("amountError", e.getMessage());
			model.addAttribute("amount", amount);
			return earnings(actor, model);
		}
	}

	@GetMapping("/console/withdrawals")
	String console(Actor actor, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) String status, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		WithdrawalStatus chosen = parse(status);
		model.addAttribute("regions", regions.regions().stream().filter(r -> actor.worksIn(r.id().value())).toList());
		model.addAttribute("regionId", regionId);
		model.addAttribute("status", chosen == null ? (status == null ? "REQUESTED" : "") : chosen.name());
		model.addAttribute("statuses", WithdrawalStatus.values());
		model.addAttribute("q", q);
		var shown = status == null ? WithdrawalStatus.REQUESTED : chosen;
		model.addAttribute("list", withdrawals.list(actor, regionId, shown, q, page, 50));
		model.addAttribute("total", withdrawals.total(actor, regionId, shown, q));
		model.addAttribute("approvedToday", withdrawals.approvedToday(actor, regionId));
		return "leader/payouts-console";
	}

	@PostMapping("/console/withdrawals/approvals")
	String approve(Actor actor, @RequestParam(name = "ids", required = false) List<Long> ids,
			RedirectAttributes redirect) {
		try {
			var approved = withdrawals.approve(actor, ids == null ? List.of() : ids.stream().map(WithdrawalId::new).toList());
			redirect.addFlashAttribute("approved", approved.size());
			redirect.addFlashAttribute("approvedTotal",
					approved.stream().map(w -> w.amount()).reduce(Money.ZERO, Money::plus));
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/console/withdrawals";
	}

	@PostMapping("/console/withdrawals/{id}/rejection")
	String reject(Actor actor, @PathVariable long id, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		try {
			withdrawals.reject(actor, new WithdrawalId(id), reason);
			redirect.addFlashAttribute("rejected", id);
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/console/withdrawals";
	}

	private static WithdrawalStatus parse(String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		try {
			return WithdrawalStatus.valueOf(status);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}


}
