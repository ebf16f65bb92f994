package com.linli.payment.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.linli.payment.Payment;
import com.linli.payment.PaymentManagement;
import com.linli.payment.PaymentStatus;
import com.linli.payment.Refund;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The safety net under notifications (主动查单): payments still pending a while after creation are
 * queried at the provider, so a payment whose every notification was lost is still recorded; refunds
 * left pending by a provider failure are sent again. Both paths are idempotent, so this may run on
 * several nodes at once.
 */
@Component
class PaymentReconciliation {

	private static final Logger log = LoggerFactory.getLogger(PaymentReconciliation.class);

	private static final int BATCH = 200;

	private final PaymentManagement payments;

	private final Payments records;

	private final Refunds refunds;

	private final Clock clock;

	private final Duration after;

	PaymentReconciliation(PaymentManagement payments, Payments records, Refunds refunds, Clock clock,
			@Value("${linli.payment.reconcile-after:PT2M}") Duration after) {
		this.payments = payments;
		this.records = records;
		this.refunds = refunds;
		this.clock = clock;
		this.after = after;
	}

	@Scheduled(initialDelayString = "${linli.payment.reconcile-interval-ms:60000}",
			fixedDelayString = "${linli.payment.reconcile-interval-ms:60000}")
	void reconcile() {
		Instant now = clock.instant();
		int recovered = 0;
		// payments pending for a day or more were abandoned: their owner closes them
		for (String reference : records.pendingCreatedBetween(now.minus(Duration.ofDays(1)), now.minus(after), BATCH)) {
			try {
				Payment payment = payments.query(reference);
				if (payment.status() != PaymentStatus.PENDING) {
					recovered++;
				}
			}
			catch (RuntimeException e) {
				log.warn("Querying payment {} at its provider failed: {}", reference, e.getMessage());
			}
		}
		for (String reference : refunds.pendingCreatedBefore(now.minus(after), BATCH)) {
			try {
				Refund refund = refunds.find(reference).orElseThrow();
				payments.refund(refund.merchantReference(), refund.refundReference(), refund.amount(), refund.reason());
			}
			catch (RuntimeException e) {
				log.warn("Sending pending refund {} again failed: {}", reference, e.getMessage());
			}
		}
		if (recovered > 0) {
			log.info("Reconciliation settled {} payment(s) whose notification had not arrived", recovered);
		}
	}
}
