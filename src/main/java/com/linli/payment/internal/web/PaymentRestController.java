package com.linli.payment.internal.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.linli.identity.CurrentUser;
import com.linli.identity.Role;
import com.linli.payment.Payment;
import com.linli.payment.PaymentManagement;
import com.linli.payment.Refund;
import com.linli.payment.internal.Payments;
import com.linli.shared.NotFoundException;
import com.linli.shared.ReferenceRegions;
import com.linli.shared.Text;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A client's view of a payment: its status, the cashier to pay at, its refunds. Only the payer
 * (the account signed in when the payment was created) and staff of the region of what is paid for (an
 * order's region, see {@link ReferenceRegions}) see a payment; for anyone else it does not exist (404), so
 * references cannot be probed.
 */
@RestController
@RequestMapping("/api/payments/{merchantReference}")
@Tag(name = "payments", description = "Payment status for the payer and staff")
class PaymentRestController {

	private final PaymentManagement payments;

	private final Payments records;

	private final List<ReferenceRegions> regions;

	PaymentRestController(PaymentManagement payments, Payments records, List<ReferenceRegions> regions) {
		this.payments = payments;
		this.records = records;
		this.regions = regions;
	}

	@GetMapping
	@Operation(summary = "Status, amounts and cashier URL of the payment of a merchant reference")
	PaymentView get(@PathVariable String merchantReference) {
		return view(visible(merchantReference));
	}

	@PostMapping("/query")
	@Operation(summary = "Ask the provider now (after returning from the cashier) and apply a success it reports")
	PaymentView query(@PathVariable String merchantReference) {
		visible(merchantReference);
		return view(payments.query(merchantReference));
	}

	private Payment visible(String merchantReference) {
		var user = CurrentUser.require();
		var payment = payments.find(merchantReference);
		boolean staff = user.isAdmin() || (user.hasRole(Role.OPERATOR) && regionOf(merchantReference)
			.map(user::worksIn).orElse(false));
		if (payment.isEmpty() || !(staff
				|| records.payer(merchantReference).map(p -> p == user.id().value()).orElse(false))) {
			throw new NotFoundException("payment", merchantReference);
		}
		return payment.get();
	}

	private Optional<Long> regionOf(String merchantReference) {
		return regions.stream().flatMap(r -> r.regionOf(merchantReference).stream()).findFirst();
	}

	private PaymentView view(Payment p) {
		var refunds = payments.refunds(p.merchantReference()).stream().map(RefundView::of).toList();
		return new PaymentView(p.merchantReference(), p.amount().fen(), p.refunded().fen(), p.status().name(),
				p.provider(), p.providerTransactionId(), p.cashierUrl(), p.createdAt(), p.expiresAt(), p.paidAt(),
				refunds);
	}

	record PaymentView(String merchantReference, long amountFen, long refundedFen, String status, String provider,
			String providerTransactionId, String cashierUrl, Instant createdAt, Instant expiresAt, Instant paidAt,
			List<RefundView> refunds) {
	}

	record RefundView(String refundReference, long amountFen, String reason, String reasonCode, String status,
			Instant createdAt, Instant completedAt) {

		/** The reason in the caller's language, and its message code (null for a reason typed by a person). */
		static RefundView of(Refund r) {
			Text reason = Text.fromStored(r.reason());
			return new RefundView(r.refundReference(), r.amount().fen(), reason == null ? null : reason.inReadersLanguage(),
					reason == null ? null : reason.code(), r.status().name(), r.createdAt(), r.completedAt());
		}
	}
}
