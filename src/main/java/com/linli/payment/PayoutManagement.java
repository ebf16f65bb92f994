package com.linli.payment;

import java.time.Clock;
import java.util.Optional;

import com.linli.payment.internal.PayoutProvider;
import com.linli.payment.internal.Payouts;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import com.linli.shared.Text;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Pays money out through the provider (企业付款: a transfer to a payee's wallet or account), once per reference:
 * the payout is recorded PENDING before the provider is called, a repeated call with the same reference
 * answers the recorded outcome (and asks the provider again while it is still pending; the provider too pays
 * once per reference). The provider is called outside any transaction of the caller's own.
 */
@Service
public class PayoutManagement {

	private final Payouts payouts;

	private final ObjectProvider<PayoutProvider> provider;

	private final Clock clock;

	PayoutManagement(Payouts payouts, ObjectProvider<PayoutProvider> provider, Clock clock) {
		this.payouts = payouts;
		this.provider = provider;
		this.clock = clock;
	}

	/**
	 * Pays {@code amount} to the payee under {@code reference}; answers the payout, SUCCEEDED or FAILED (a
	 * failed payout moved no money; retry it under a new reference). The same reference with another payee
	 * or amount is refused with 409.
	 */
	public Payout payout(String reference, Payee payee, Money amount) {
		if (reference == null || !PaymentManagement.REFERENCE.matcher(reference).matches()) {
			throw new InvalidInputException("reference", Text.of("payment.problem.referenceHas164LettersDigits"));
		}
		if (amount == null || amount.fen() <= 0) {
			throw new InvalidInputException("amount", Text.of("payment.problem.amountMustMoreThanZero"));
		}
		if (payee == null || payee.account() == null || payee.account().isBlank() || payee.account().length() > 64
				|| payee.name() == null || payee.name().isBlank() || payee.name().length() > 60) {
			throw new InvalidInputException("payee", Text.of("payment.problem.payoutPayee"));
		}
		var recorded = payouts.insert(reference, payee, amount, clock.instant());
		if (!recorded.payee().equals(payee) || !recorded.amount().equals(amount)) {
			throw new BusinessRuleException("payout-reference-used", "reference",
					Text.of("payment.problem.payoutReferenceUsed", reference));
		}
		if (recorded.status() != PayoutStatus.PENDING) {
			return recorded;
		}
		var result = provider.getObject().pay(reference, payee, amount);
		payouts.complete(reference, result.succeeded() ? PayoutStatus.SUCCEEDED : PayoutStatus.FAILED,
				result.providerPayoutId(), result.failureReason(), clock.instant());
		return payouts.find(reference).orElseThrow();
	}

	public Optional<Payout> find(String reference) {
		return payouts.find(reference);
	}
}
