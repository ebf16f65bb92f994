package com.linli.payment.internal;

import java.time.Clock;

import com.linli.payment.Payment;
import com.linli.payment.PaymentClosed;
import com.linli.payment.PaymentMismatchFound;
import com.linli.payment.PaymentMismatchKind;
import com.linli.payment.PaymentStatus;
import com.linli.payment.PaymentSucceeded;
import com.linli.payment.Refund;
import com.linli.payment.RefundId;
import com.linli.payment.RefundStatus;
import com.linli.payment.RefundSucceeded;
import com.linli.payment.internal.PaymentProvider.PaidNotification;
import com.linli.payment.internal.PaymentProvider.RefundResult;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Money;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies what providers report to the platform's records, exactly once: each change is a conditional
 * update, and its event is published (in the same transaction) only when a row actually changed. A
 * notification, a query answer and a retry all land here, so whichever comes first wins and the others
 * change nothing.
 */
@Component
public class PaymentLedger {

	private static final Logger log = LoggerFactory.getLogger(PaymentLedger.class);

	private final Payments payments;

	private final Refunds refunds;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final PaymentMismatches mismatches;

	PaymentLedger(Payments payments, Refunds refunds, PaymentMismatches mismatches, ApplicationEventPublisher events,
			Clock clock) {
		this.payments = payments;
		this.refunds = refunds;
		this.mismatches = mismatches;
		this.events = events;
		this.clock = clock;
	}

	/** Whether applying a report changed anything. */
	public enum Outcome {

		APPLIED, ALREADY_APPLIED
	}

	/**
	 * Records that a provider transaction was paid. The first report moves the payment from PENDING
	 * (or from CLOSED: money that arrived after the close is still money received, and its
	 * {@link PaymentSucceeded} lets the owner of the payment refund it) to SUCCEEDED and publishes
	 * {@link PaymentSucceeded}; any later report of the same payment changes nothing.
	 * @throws NotFoundException when no payment has this transaction
	 * @throws BusinessRuleException when the reported amount or reference differ from the payment's
	 */
	@Transactional
	public Outcome paid(String provider, PaidNotification notice) {
		Payment payment = payments.findByTransaction(provider, notice.transactionId())
			.orElseThrow(() -> new NotFoundException("payment of transaction", notice.transactionId()));
		if (!payment.amount().equals(notice.amount())
				|| !payment.merchantReference().equals(notice.merchantReference())) {
			log.error("Provider {} reports {} paid for {} of transaction {}, but the payment is {} for {}", provider,
					notice.amount(), notice.merchantReference(), notice.transactionId(), payment.amount(),
					payment.merchantReference());
			throw new BusinessRuleException("payment-mismatch", "amountFen",
					Text.of("payment.problem.noticeMismatch", notice.transactionId()));
		}
		// a repeated report (duplicate notification, query after notification) is deliberately a success that
		// changes nothing: providers send notifications again until answered 2xx, so it must not be a 409
		if (!payment.status().canBecome(PaymentStatus.SUCCEEDED)) {
			return Outcome.ALREADY_APPLIED;
		}
		var changed = payments.markSucceeded(provider, notice.transactionId(), notice.paidAt());
		if (changed.isEmpty()) {
			// another report won the compare-and-set meanwhile: the same idempotent no-op
			return Outcome.ALREADY_APPLIED;
		}
		if (payment.status() == PaymentStatus.CLOSED) {
			log.warn("Payment {} was paid after it was closed: recorded as received, to be refunded",
					payment.merchantReference());
		}
		var succeeded = changed.get();
		events.publishEvent(new PaymentSucceeded(succeeded.id(), succeeded.merchantReference(), succeeded.amount(),
				succeeded.paidAt()));
		return Outcome.APPLIED;
	}

	/**
	 * Closes a pending payment and publishes {@link PaymentClosed}. A closed or paid one is deliberately left
	 * alone (no 409): closing is what an expiry, a cancellation and the provider's answer may all ask for.
	 */
	@Transactional
	public Outcome closed(Payment payment) {
		if (!payment.status().canBecome(PaymentStatus.CLOSED)
				|| !payments.markClosed(payment.id(), clock.instant())) {
			return Outcome.ALREADY_APPLIED;
		}
		events.publishEvent(new PaymentClosed(payment.id(), payment.merchantReference()));
		return Outcome.APPLIED;
	}

	/**
	 * Records a pending refund and sets its amount aside on the payment, or finds the refund already
	 * recorded under this reference (created is then false; a concurrent caller with the same reference
	 * waits here for the first one's commit). Fails, recording nothing, when the refunds would exceed
	 * the paid amount.
	 */
	@Transactional
	public Reservation reserveRefund(Payment payment, String refundReference, Money amount, String reason) {
		var id = refunds.insert(payment.id(), refundReference, amount, reason, clock.instant());
		if (id.isEmpty()) {
			return new Reservation(refunds.find(refundReference).orElseThrow(), false);
		}
		if (!payments.reserveRefund(payment.id(), amount)) {
			// nothing stays behind: the exception rolls back the refund row inserted above
			var now = payments.find(payment.id()).orElseThrow();
			throw new BusinessRuleException("refund-exceeds-paid", "amount",
					Text.of("payment.problem.refundExceedsPaid", amount, now.refundable(), now.merchantReference()));
		}
		return new Reservation(refunds.find(id.get()).orElseThrow(), true);
	}

	/**
	 * Records the provider's answer to a refund, once: success publishes {@link RefundSucceeded}; a refusal
	 * marks it FAILED and gives its amount back to the refundable balance. An answer for a refund that has
	 * its outcome already (a retry that raced another) deliberately changes nothing and returns it as recorded.
	 */
	@Transactional
	public Refund refunded(Refund refund, RefundResult result) {
		var outcome = result.succeeded() ? RefundStatus.SUCCEEDED : RefundStatus.FAILED;
		if (refund.status().canBecome(outcome) && refunds.complete(refund.id(), outcome, result.providerRefundId(), result.failureReason(),
				clock.instant())) {
			if (result.succeeded()) {
				events.publishEvent(new RefundSucceeded(refund.id(), refund.merchantReference(),
						refund.refundReference(), refund.amount()));
			}
			else {
				log.warn("Provider refused refund {} of {}: {}", refund.refundReference(), refund.merchantReference(),
						result.failureReason());
				payments.releaseRefund(refund.paymentId(), refund.amount());
			}
		}
		return find(refund.id());
	}

	/**
	 * Records that the provider's record of a payment disagrees with the platform's and raises the alarm
	 * (an ERROR in the log and {@link PaymentMismatchFound}), once per payment and kind. The payment itself
	 * is left as it is: a person decides what becomes of it.
	 * @param providerState the provider's state, or {@code UNKNOWN} when it has no such transaction
	 * @param providerAmount what the provider says was paid; null when nothing was
	 */
	@Transactional
	public Outcome mismatch(Payment payment, PaymentMismatchKind kind, String providerState, Money providerAmount) {
		var now = clock.instant();
		if (!mismatches.insert(payment.id(), kind, payment.status(), payment.amount(), providerState, providerAmount,
				now)) {
			return Outcome.ALREADY_APPLIED;
		}
		log.error("Payment {} ({} of {} at {}, transaction {}) disagrees with its provider: {}; the provider says {}{}",
				payment.merchantReference(), payment.status(), payment.amount(), payment.provider(),
				payment.providerTransactionId(), kind, providerState,
				providerAmount == null ? "" : " for " + providerAmount);
		events.publishEvent(new PaymentMismatchFound(payment.id(), payment.merchantReference(), kind,
				payment.status(), payment.amount(), providerState, providerAmount, now));
		return Outcome.APPLIED;
	}

	private Refund find(RefundId id) {
		return refunds.find(id).orElseThrow(() -> new NotFoundException("refund", id));
	}

	/** A refund as recorded, and whether this call recorded it. */
	public record Reservation(Refund refund, boolean created) {
	}
}
