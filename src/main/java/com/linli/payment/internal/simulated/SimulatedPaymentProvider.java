package com.linli.payment.internal.simulated;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import com.linli.payment.internal.NotificationRejected;
import com.linli.payment.internal.PaymentProvider;
import com.linli.shared.Money;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * A payment provider that behaves like WeChat Pay or Alipay without leaving the machine: its own books
 * ({@link SimulatedBank}), a cashier page at {@code /pay/sim/{transactionId}}, and after a payment an
 * asynchronous, HMAC-signed, retried notification to the platform ({@link SimulatedNotifier}). Refunds
 * complete synchronously: the answer to the refund call is final and no refund notification is sent.
 */
@Component
@ConditionalOnSimulatedProvider
public class SimulatedPaymentProvider implements PaymentProvider {

	static final String NAME = "simulated";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final SimulatedBank bank;

	private final SimulatedNotifier notifier;

	private final NotificationSignature signature;

	private final Clock clock;

	SimulatedPaymentProvider(SimulatedBank bank, SimulatedNotifier notifier, SimulatedSecret secret, Clock clock) {
		this.bank = bank;
		this.notifier = notifier;
		this.signature = new NotificationSignature(secret.value());
		this.clock = clock;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public OpenedTransaction createTransaction(String merchantReference, Money amount, String description,
			Instant expiresAt) {
		var transaction = bank.open(merchantReference, amount, description, expiresAt);
		return new OpenedTransaction(transaction.id(), "/pay/sim/" + transaction.id());
	}

	@Override
	public TransactionState query(String transactionId) {
		return state(bank.get(transactionId));
	}

	@Override
	public TransactionState close(String transactionId) {
		return state(bank.close(transactionId));
	}

	@Override
	public RefundResult refund(String transactionId, String refundReference, Money amount) {
		return bank.refund(transactionId, refundReference, amount);
	}

	@Override
	public PaidNotification verifyNotification(Map<String, String> headers, byte[] body) {
		signature.verify(headers.get(NotificationSignature.HEADER.toLowerCase()), body, clock.instant());
		try {
			JsonNode json = JSON.readTree(body);
			return new PaidNotification(text(json, "transactionId"), text(json, "merchantReference"),
					Money.ofFen(json.required("amountFen").asLong()), Instant.parse(text(json, "paidAt")));
		}
		catch (JacksonException | IllegalArgumentException | java.time.format.DateTimeParseException e) {
			// signed by the bank yet unreadable: a bug on the bank's side, not an attack
			throw new IllegalStateException("signed notification is not readable: " + e.getMessage(), e);
		}
	}

	/**
	 * The payer pays at the cashier (page or bank API): the bank records it and its notification goes
	 * out in the background, after the bank's transaction has committed.
	 */
	BankTransaction pay(String transactionId, Long payerAccountId) {
		var transaction = bank.pay(transactionId, payerAccountId);
		notifier.kick();
		return transaction;
	}

	/**
	 * Points the bank's notifications at another URL (tests make the platform unreachable this way);
	 * null restores {@code linli.payment.callback-base-url} or this server.
	 */
	public void setCallbackUrl(String url) {
		notifier.setCallbackUrl(url);
	}

	private static String text(JsonNode json, String field) {
		return json.required(field).asText();
	}

	private static TransactionState state(BankTransaction t) {
		return new TransactionState(t.id(), t.merchantReference(), t.state(), t.amount(), t.paidAt());
	}
}
