package com.linli.payment.internal.simulated;

import java.time.Instant;

import com.linli.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The simulated bank's own API, for scripts, tests and the simulator: what the payer does at the
 * cashier, without the page. Any signed-in user may pay (a resident for themselves, staff in a demo).
 */
@RestController
@RequestMapping("/api/payments/sim/{transactionId}")
@ConditionalOnSimulatedProvider
@Tag(name = "simulated bank", description = "The simulated payment provider's cashier, as an API")
class SimulatedBankRestController {

	private final SimulatedPaymentProvider provider;

	private final SimulatedBank bank;

	SimulatedBankRestController(SimulatedPaymentProvider provider, SimulatedBank bank) {
		this.provider = provider;
		this.bank = bank;
	}

	@GetMapping
	@Operation(summary = "The transaction as the bank sees it")
	BankTransactionView get(@PathVariable String transactionId) {
		return BankTransactionView.of(bank.get(transactionId));
	}

	@PostMapping("/pay")
	@Operation(summary = "Pay the transaction, as the cashier's 确认支付 button does; the platform is notified asynchronously")
	BankTransactionView pay(@PathVariable String transactionId) {
		return BankTransactionView.of(provider.pay(transactionId, CurrentUser.require().id().value()));
	}

	record BankTransactionView(String transactionId, String merchantReference, String description, long amountFen,
			long refundedFen, String status, Instant createdAt, Instant expiresAt, Instant paidAt) {

		static BankTransactionView of(BankTransaction t) {
			return new BankTransactionView(t.id(), t.merchantReference(), t.description(), t.amount().fen(),
					t.refunded().fen(), t.state().name(), t.createdAt(), t.expiresAt(), t.paidAt());
		}
	}
}
