package com.linli.payment.internal;

import java.time.Instant;
import java.util.Map;

import com.linli.shared.Money;

/**
 * A payment service provider as WeChat Pay or Alipay are: it opens a transaction with a cashier page,
 * tells the platform about the payment by a signed asynchronous notification, answers queries, closes
 * unpaid transactions and refunds paid ones. Every call is idempotent on the provider's side (per
 * merchant reference, per refund reference), so the platform may repeat any of them after a failure.
 */
public interface PaymentProvider {

	/** The provider's name, stored with each payment and used in its notification URL. */
	String name();

	/** Opens (or, for a merchant reference it already knows, returns) a transaction. */
	OpenedTransaction createTransaction(String merchantReference, Money amount, String description,
			Instant expiresAt);

	/** The provider's current view of a transaction (the "query API"). */
	TransactionState query(String transactionId);

	/** Closes an unpaid transaction; answers the state after the attempt (a paid one stays paid). */
	TransactionState close(String transactionId);

	/** Refunds part or all of a paid transaction, at most once per refund reference. */
	RefundResult refund(String transactionId, String refundReference, Money amount);

	/**
	 * Checks the signature and freshness of an incoming notification and reads it.
	 * @param headers the request headers, names in lower case
	 * @param body the raw body as received: the signature covers these exact bytes
	 * @throws NotificationRejected when the signature is missing, wrong or stale
	 */
	PaidNotification verifyNotification(Map<String, String> headers, byte[] body);

	/** The provider's id for a new transaction and the page where the payer pays it. */
	record OpenedTransaction(String transactionId, String cashierUrl) {
	}

	/** A transaction as the provider sees it; {@code paidAt} is set when {@code PAID}. */
	record TransactionState(String transactionId, String merchantReference, State state, Money amount,
			Instant paidAt) {

		public boolean isPaid() {
			return state == State.PAID;
		}
	}

	/** Provider-side states of a transaction. */
	enum State {

		NOT_PAID, PAID, CLOSED
	}

	/** The provider's answer to a refund: its own id and whether the money went back. */
	record RefundResult(String providerRefundId, boolean succeeded, String failureReason) {
	}

	/** What a verified notification says: this transaction was paid this amount at this time. */
	record PaidNotification(String transactionId, String merchantReference, Money amount, Instant paidAt) {
	}
}
