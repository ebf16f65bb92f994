package com.linli.payment.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.linli.payment.Payment;
import com.linli.payment.PaymentManagement;
import com.linli.payment.PaymentMismatchKind;
import com.linli.payment.PaymentStatus;
import com.linli.payment.Refund;
import com.linli.payment.internal.PaymentProvider.PaidNotification;
import com.linli.payment.internal.PaymentProvider.State;
import com.linli.payment.internal.PaymentProvider.TransactionState;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The safety net under notifications (主动查单, 对账): payments still pending a while after creation are
 * queried at the provider, so a payment whose every notification was lost is still recorded; every
 * settled payment (paid or closed) is compared once with the provider's record, so a payment paid here
 * that the provider never took (a forged notification) or took for another amount is flagged and
 * alerted, and money the provider took after the close is recorded; refunds left pending by a provider
 * failure are sent again. Every path is idempotent, so this may run on several nodes at once.
 */
@Component
class PaymentReconciliation {

	private static final Logger log = LoggerFactory.getLogger(PaymentReconciliation.class);

	private static final int BATCH = 200;

	private static final String UNKNOWN = "UNKNOWN";

	private final PaymentManagement payments;

	private final Payments records;

	private final Refunds refunds;

	private final PaymentProviders providers;

	private final PaymentLedger ledger;

	private final Clock clock;

	private final Duration after;

	PaymentReconciliation(PaymentManagement payments, Payments records, Refunds refunds, PaymentProviders providers,
			PaymentLedger ledger, Clock clock, @Value("${linli.payment.reconcile-after:PT2M}") Duration after) {
		this.payments = payments;
		this.records = records;
		this.refunds = refunds;
		this.providers = providers;
		this.ledger = ledger;
		this.clock = clock;
		this.after = after;
	}

	@Scheduled(initialDelayString = "${linli.payment.reconcile-interval-ms:60000}",
			fixedDelayString = "${linli.payment.reconcile-interval-ms:60000}")
	void reconcile() {
		Instant now = clock.instant();
		int recovered = settlePending(now);
		compareSettled(now);
		retryRefunds(now);
		if (recovered > 0) {
			log.info("Reconciliation settled {} payment(s) whose notification had not arrived", recovered);
		}
	}

	/** Pending payments the provider has settled: applied as their notification would have been. */
	private int settlePending(Instant now) {
		int recovered = 0;
		// payments pending for a day or more were abandoned: their owner closes them
		for (String reference : records.pendingCreatedBetween(now.minus(Duration.ofDays(1)), now.minus(after), BATCH)) {
			try {
				Payment payment = payments.query(reference);
				if (payment.status() != PaymentStatus.PENDING) {
					recovered++;
				}
			}
			catch (BusinessRuleException e) {
				if ("payment-mismatch".equals(e.code())) {
					flagPaidForAnotherAmount(reference);
				}
				else {
					log.warn("Querying payment {} at its provider failed: {}", reference, e.getMessage());
				}
			}
			catch (RuntimeException e) {
				log.warn("Querying payment {} at its provider failed: {}", reference, e.getMessage());
			}
		}
		return recovered;
	}

	/** Each settled payment, once, against the provider's record of its transaction. */
	private void compareSettled(Instant now) {
		for (Payment payment : records.settledNotCompared(BATCH)) {
			try {
				compare(payment, now);
			}
			catch (RuntimeException e) {
				log.warn("Comparing payment {} with its provider failed: {}", payment.merchantReference(),
						e.getMessage());
			}
		}
	}

	private void compare(Payment payment, Instant now) {
		Optional<TransactionState> state = providerState(payment);
		if (payment.status() == PaymentStatus.SUCCEEDED) {
			if (state.isEmpty() || !state.get().isPaid()) {
				ledger.mismatch(payment, PaymentMismatchKind.PAID_HERE_NOT_AT_PROVIDER,
						state.map(s -> s.state().name()).orElse(UNKNOWN), null);
			}
			else if (!state.get().amount().equals(payment.amount())) {
				ledger.mismatch(payment, PaymentMismatchKind.AMOUNT_DIFFERS, State.PAID.name(), state.get().amount());
			}
			records.markCompared(payment.id(), now);
			return;
		}
		// closed here: the provider's transaction should be closed too, or paid after the close
		if (state.isPresent() && state.get().state() == State.NOT_PAID) {
			state = Optional.of(providers.of(payment.provider()).close(payment.providerTransactionId()));
		}
		if (state.isPresent() && state.get().isPaid()) {
			TransactionState paid = state.get();
			if (!paid.amount().equals(payment.amount())) {
				ledger.mismatch(payment, PaymentMismatchKind.AMOUNT_DIFFERS, State.PAID.name(), paid.amount());
				records.markCompared(payment.id(), now);
				return;
			}
			// money taken after the close is money received: recorded, so that its owner refunds it;
			// the next run compares the now paid payment
			ledger.paid(payment.provider(), new PaidNotification(paid.transactionId(), payment.merchantReference(),
					paid.amount(), paid.paidAt()));
			return;
		}
		records.markCompared(payment.id(), now);
	}

	/** The provider reports a pending payment paid, for another amount: the ledger refused to apply it. */
	private void flagPaidForAnotherAmount(String reference) {
		try {
			Payment payment = payments.get(reference);
			providerState(payment).filter(TransactionState::isPaid)
				.ifPresent(s -> ledger.mismatch(payment, PaymentMismatchKind.AMOUNT_DIFFERS, State.PAID.name(),
						s.amount()));
		}
		catch (RuntimeException e) {
			log.warn("Recording the mismatch of payment {} failed: {}", reference, e.getMessage());
		}
	}

	/** The provider's record of the payment's transaction; empty when the provider has none. */
	private Optional<TransactionState> providerState(Payment payment) {
		try {
			return Optional.of(providers.of(payment.provider()).query(payment.providerTransactionId()));
		}
		catch (NotFoundException e) {
			return Optional.empty();
		}
	}

	private void retryRefunds(Instant now) {
		for (String reference : refunds.pendingCreatedBefore(now.minus(after), BATCH)) {
			try {
				Refund refund = refunds.find(reference).orElseThrow();
				payments.refund(refund.merchantReference(), refund.refundReference(), refund.amount(), refund.reason());
			}
			catch (RuntimeException e) {
				log.warn("Sending pending refund {} again failed: {}", reference, e.getMessage());
			}
		}
	}
}
