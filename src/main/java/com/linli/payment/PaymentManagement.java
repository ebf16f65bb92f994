package com.linli.payment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.linli.identity.AccountId;
import com.linli.payment.internal.PaymentLedger;
import com.linli.payment.internal.PaymentProvider;
import com.linli.payment.internal.PaymentProvider.PaidNotification;
import com.linli.payment.internal.PaymentProvider.TransactionState;
import com.linli.payment.internal.PaymentProviders;
import com.linli.payment.internal.Payments;
import com.linli.payment.internal.Payments.NewPayment;
import com.linli.payment.internal.Refunds;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;

import org.springframework.stereotype.Service;

/**
 * Use cases of payments: open a payment for a merchant reference, learn its state from the provider,
 * close it unpaid, refund it. Provider calls happen outside the platform's own transactions where the
 * caller has none, so a slow provider never holds database locks; every step is idempotent, so a caller
 * may repeat any call after a failure.
 */
@Service
public class PaymentManagement {

	/** Merchant and refund references: what WeChat Pay and Alipay accept as out_trade_no, plus ':'. */
	static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9:_.|*-]{0,63}");

	private final Payments payments;

	private final Refunds refunds;

	private final PaymentLedger ledger;

	private final PaymentProviders providers;

	private final Clock clock;

	PaymentManagement(Payments payments, Refunds refunds, PaymentLedger ledger, PaymentProviders providers,
			Clock clock) {
		this.payments = payments;
		this.refunds = refunds;
		this.ledger = ledger;
		this.providers = providers;
		this.clock = clock;
	}

	/**
	 * Idempotent per merchantReference: a second call returns the existing payment (same amount required,
	 * else 409). No payer is recorded: only staff see the payment (the platform's own payments, such as a
	 * price difference). A resident's payment names its payer with
	 * {@link #createPayment(String, Money, String, Instant, AccountId)}.
	 */
	public Payment createPayment(String merchantReference, Money amount, String description, Instant expiresAt) {
		return createPayment(merchantReference, amount, description, expiresAt, null);
	}

	/** As {@link #createPayment(String, Money, String, Instant)}, naming the payer who may see it (may be null). */
	public Payment createPayment(String merchantReference, Money amount, String description, Instant expiresAt,
			AccountId payer) {
		checkReference("merchantReference", merchantReference);
		if (amount == null || amount.fen() <= 0) {
			throw new InvalidInputException("amount", Text.of("payment.problem.amountMustMoreThanZero"));
		}
		if (description == null || description.isBlank() || description.trim().length() > 200) {
			throw new InvalidInputException("description", Text.of("payment.problem.description1200CharactersRequired"));
		}
		Instant now = clock.instant();
		if (expiresAt == null || !expiresAt.isAfter(now)) {
			throw new InvalidInputException("expiresAt", Text.of("payment.problem.expiryMustFuture"));
		}
		// no read before or after on the way of a new order: the insert tells whether the reference is new
		PaymentProvider provider = providers.active();
		var opened = provider.createTransaction(merchantReference, amount, description.trim(), expiresAt);
		var inserted = payments.insert(new NewPayment(merchantReference, description.trim(), amount, provider.name(),
				opened.transactionId(), opened.cashierUrl(), payer == null ? null : payer.value(), now, expiresAt));
		if (inserted.isEmpty()) {
			return sameAmount(get(merchantReference), amount);
		}
		return new Payment(inserted.get(), merchantReference, amount, Money.ZERO, PaymentStatus.PENDING, provider.name(),
				opened.transactionId(), opened.cashierUrl(), now, expiresAt, null);
	}

	public Optional<Payment> find(String merchantReference) {
		return payments.find(merchantReference);
	}

	/** The payment of a merchant reference; 404 when there is none. */
	public Payment get(String merchantReference) {
		return payments.find(merchantReference).orElseThrow(() -> new NotFoundException("payment", merchantReference));
	}

	/**
	 * Asks the provider for the current state (the "query API") and applies a success it had missed,
	 * exactly once: if the notification arrives as well, whichever comes second changes nothing. A
	 * transaction the provider closed on its side closes the pending payment too.
	 */
	public Payment query(String merchantReference) {
		Payment payment = get(merchantReference);
		if (payment.status() == PaymentStatus.SUCCEEDED) {
			return payment;
		}
		TransactionState state = providers.of(payment.provider()).query(payment.providerTransactionId());
		apply(payment, state);
		return get(merchantReference);
	}

	/**
	 * Closes an unpaid payment (order expired or cancelled before paying). A payment that already
	 * succeeded is not closed: returns it unchanged. When the provider answers that the payer has paid in
	 * the meantime, the payment is recorded as succeeded instead (and {@link PaymentSucceeded} published).
	 */
	public Payment close(String merchantReference) {
		Payment payment = get(merchantReference);
		if (payment.status() != PaymentStatus.PENDING) {
			return payment;
		}
		TransactionState state = providers.of(payment.provider()).close(payment.providerTransactionId());
		if (state.isPaid()) {
			apply(payment, state);
		}
		else {
			ledger.closed(payment);
		}
		return get(merchantReference);
	}

	/**
	 * Refund through the provider; idempotent per refundReference; the sum of refunds never exceeds the
	 * paid amount (DB-enforced). The amount is set aside before the provider is called, so concurrent
	 * refunds cannot promise the same money twice. Repeating a call with the same reference returns the
	 * recorded refund (and retries the provider if it is still pending); a different amount or payment
	 * under a used reference is refused with 409. A refund the provider refused is FAILED and frees its
	 * amount: retry it under a new reference.
	 */
	public Refund refund(String merchantReference, String refundReference, Money amount, String reason) {
		checkReference("merchantReference", merchantReference);
		checkReference("refundReference", refundReference);
		if (amount == null || amount.fen() <= 0) {
			throw new InvalidInputException("amount", Text.of("payment.problem.refundAmountMustMoreThanZero"));
		}
		if (reason != null && reason.trim().length() > 200) {
			throw new InvalidInputException("reason", Text.of("payment.problem.reasonMayHaveAtMost200"));
		}
		var recorded = refunds.find(refundReference);
		if (recorded.isPresent()) {
			return carryOn(recorded.get(), merchantReference, amount);
		}
		Payment payment = get(merchantReference);
		if (payment.status() != PaymentStatus.SUCCEEDED) {
			throw new BusinessRuleException("payment-not-paid", "merchantReference",
					Text.of("payment.problem.notPaid", merchantReference, payment.status()));
		}
		var reservation = ledger.reserveRefund(payment, refundReference, amount,
				reason == null || reason.isBlank() ? null : reason.trim());
		if (!reservation.created()) {
			return carryOn(reservation.refund(), merchantReference, amount);
		}
		return send(payment, reservation.refund());
	}

	/** The refunds of a payment, oldest first; empty when there is no such payment. */
	public List<Refund> refunds(String merchantReference) {
		return payments.find(merchantReference).map(p -> refunds.ofPayment(p.id())).orElse(List.of());
	}

	/** A refund by its reference. */
	public Optional<Refund> findRefund(String refundReference) {
		return refunds.find(refundReference);
	}

	private Refund carryOn(Refund refund, String merchantReference, Money amount) {
		if (!refund.merchantReference().equals(merchantReference) || !refund.amount().equals(amount)) {
			throw new BusinessRuleException("refund-reference-used", "refundReference",
					Text.of("payment.problem.refundReferenceUsed", refund.refundReference(), refund.amount(), refund.merchantReference()));
		}
		if (refund.status() != RefundStatus.PENDING) {
			return refund;
		}
		return send(get(merchantReference), refund);
	}

	private Refund send(Payment payment, Refund refund) {
		var result = providers.of(payment.provider())
			.refund(payment.providerTransactionId(), refund.refundReference(), refund.amount());
		return ledger.refunded(refund, result);
	}

	private void apply(Payment payment, TransactionState state) {
		switch (state.state()) {
			case PAID -> ledger.paid(payment.provider(), new PaidNotification(state.transactionId(),
					state.merchantReference(), state.amount(), state.paidAt()));
			case CLOSED -> ledger.closed(payment);
			case NOT_PAID -> {
			}
		}
	}

	private static Payment sameAmount(Payment payment, Money amount) {
		if (!payment.amount().equals(amount)) {
			throw new BusinessRuleException("payment-exists", "amount",
					Text.of("payment.problem.paymentExists", payment.merchantReference(), payment.amount()));
		}
		return payment;
	}

	private static void checkReference(String field, String reference) {
		if (reference == null || !REFERENCE.matcher(reference).matches()) {
			throw new InvalidInputException(field,
					Text.of("payment.problem.referenceHas164LettersDigits"));
		}
	}
}
