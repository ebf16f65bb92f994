package com.linli.payment.internal.web;

import com.linli.payment.internal.PaymentMismatches;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The reconciliation's findings for the platform admins: payments whose record here disagrees with
 * their provider's, newest first. Payments belong to no region, so operators do not see them here.
 */
@Controller
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
class PaymentMismatchPageController {

	private static final int SHOWN = 200;

	private final PaymentMismatches mismatches;

	PaymentMismatchPageController(PaymentMismatches mismatches) {
		this.mismatches = mismatches;
	}

	@GetMapping("/console/payment-mismatches")
	String list(Model model) {
		model.addAttribute("mismatches", mismatches.latest(SHOWN));
		return "payment/mismatches";
	}
}
