package com.linli.payment.internal;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.TestClock;
import com.linli.identity.AccountId;
import com.linli.payment.PaymentEventsRecorder;
import com.linli.payment.PaymentManagement;
import com.linli.payment.PaymentStatus;
import com.linli.payment.internal.simulated.SimulatedPaymentProvider;
import com.linli.shared.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class PaymentReconciliationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	PaymentReconciliation reconciliation;

	@Autowired
	PaymentManagement payments;

	@Autowired
	PaymentEventsRecorder events;

	@Autowired
	SimulatedPaymentProvider provider;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void reachThePlatformAgain() {
		provider.setCallbackUrl(null);
	}

	@Test
	void aPaymentWhoseNotificationsAllFailedIsSettledByTheReconciliation() {
		var resident = Api.at(port).newResident();
		var payer = new AccountId(resident.get("/api/me").json().get("id").asLong());
		String ref = "test:" + UUID.randomUUID().toString().substring(0, 12);
		var payment = payments.createPayment(ref, Money.ofFen(1200), "豆浆", TestClock.now().plusSeconds(900), payer);
		String untouched = "test:" + UUID.randomUUID().toString().substring(0, 12);
		payments.createPayment(untouched, Money.ofFen(700), "油条", TestClock.now().plusSeconds(900), payer);
		provider.setCallbackUrl("http://127.0.0.1:9/unreachable");

		resident.post("/api/payments/sim/" + payment.providerTransactionId() + "/pay", Map.of());
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc
			.sql("select count(*) from payment.sim_notification_attempt a join payment.sim_notification n on n.id = a.notification_id where n.transaction_id = ?")
			.param(payment.providerTransactionId()).query(Long.class).single() >= 1);
		reconciliation.reconcile();
		assertThat(payments.get(ref).status()).as("too young to be reconciled").isEqualTo(PaymentStatus.PENDING);

		jdbc.sql("update payment.payment set created_at = created_at - interval '10 minutes' where merchant_reference in (?, ?)")
			.params(ref, untouched).update();
		reconciliation.reconcile();

		assertThat(payments.get(ref).status()).isEqualTo(PaymentStatus.SUCCEEDED);
		assertThat(payments.get(untouched).status()).isEqualTo(PaymentStatus.PENDING);
		assertThat(events.succeeded(ref)).hasSize(1);
	}

	@Test
	void aPaymentPaidHereThatTheBankSaysIsNotPaidIsFlaggedAndTheAdminsAreAlerted() {
		var resident = Api.at(port).newResident();
		var payer = new AccountId(resident.get("/api/me").json().get("id").asLong());
		String forged = "test:" + UUID.randomUUID().toString().substring(0, 12);
		var payment = payments.createPayment(forged, Money.ofFen(4680), "东北大米 10kg", TestClock.now().plusSeconds(900),
				payer);
		String genuine = "test:" + UUID.randomUUID().toString().substring(0, 12);
		var honest = payments.createPayment(genuine, Money.ofFen(990), "青菜", TestClock.now().plusSeconds(900), payer);
		resident.post("/api/payments/sim/" + honest.providerTransactionId() + "/pay", Map.of());
		await().atMost(Duration.ofSeconds(10)).until(() -> payments.get(genuine).status() == PaymentStatus.SUCCEEDED);
		// what a notification forged with a leaked secret left behind: paid on the platform, never at the bank
		jdbc.sql("update payment.payment set status = 'SUCCEEDED', paid_at = now() where merchant_reference = ?")
			.param(forged).update();

		reconciliation.reconcile();
		reconciliation.reconcile();

		var admin = Api.at(port).asAdmin();
		// the alarm reaches the admins' inbox asynchronously, after the reconciliation's transaction
		await().atMost(Duration.ofSeconds(10)).until(() -> admin.get("/api/messages?audience=STAFF&size=100").json()
			.get("items").valueStream().anyMatch(m -> m.get("body").asText().contains(forged)));
		var alerts = admin.get("/api/messages?audience=STAFF&size=100");
		assertThat(alerts.status()).isEqualTo(200);
		assertThat(alerts.json().get("items").valueStream()
			.filter(m -> m.get("body").asText().contains(forged))
			.toList()).hasSize(1)
			.allSatisfy(m -> assertThat(m.get("kind").asText()).isEqualTo("PAYMENT_MISMATCH"));
		assertThat(alerts.json().get("items").valueStream().filter(m -> m.get("body").asText().contains(genuine)))
			.isEmpty();
		assertThat(jdbc.sql("""
				select m.kind || ' ' || m.platform_status || ' ' || m.provider_state from payment.payment_mismatch m
				  join payment.payment p on p.id = m.payment_id where p.merchant_reference = ?""")
			.param(forged).query(String.class).list()).containsExactly("PAID_HERE_NOT_AT_PROVIDER SUCCEEDED NOT_PAID");
		assertThat(jdbc.sql("""
				select count(*) from payment.payment_mismatch m join payment.payment p on p.id = m.payment_id
				 where p.merchant_reference = ?""").param(genuine).query(Long.class).single()).isZero();
		assertThat(events.mismatches(forged)).hasSize(1);
		// flagged, not undone: what becomes of the order is for a person to decide
		assertThat(payments.get(forged).status()).isEqualTo(PaymentStatus.SUCCEEDED);
		assertThat(resident.get("/api/payments/sim/" + payment.providerTransactionId()).json().get("status").asText())
			.isEqualTo("NOT_PAID");
	}

	@Test
	void aPaymentTheBankSaysIsPaidForAnotherAmountIsFlagged() {
		var resident = Api.at(port).newResident();
		var payer = new AccountId(resident.get("/api/me").json().get("id").asLong());
		String ref = "test:" + UUID.randomUUID().toString().substring(0, 12);
		var payment = payments.createPayment(ref, Money.ofFen(2500), "车厘子", TestClock.now().plusSeconds(900), payer);
		provider.setCallbackUrl("http://127.0.0.1:9/unreachable");
		resident.post("/api/payments/sim/" + payment.providerTransactionId() + "/pay", Map.of());
		// the bank's books disagree with the platform's about the amount
		jdbc.sql("update payment.sim_transaction set amount_fen = 25 where id = ?").param(payment.providerTransactionId())
			.update();
		jdbc.sql("update payment.payment set created_at = created_at - interval '10 minutes' where merchant_reference = ?")
			.param(ref).update();

		reconciliation.reconcile();

		assertThat(payments.get(ref).status()).isEqualTo(PaymentStatus.PENDING);
		assertThat(jdbc.sql("""
				select m.kind || ' ' || m.platform_status || ' ' || m.provider_state || ' ' || m.provider_amount_fen
				  from payment.payment_mismatch m join payment.payment p on p.id = m.payment_id
				 where p.merchant_reference = ?""")
			.param(ref).query(String.class).list()).containsExactly("AMOUNT_DIFFERS PENDING PAID 25");
		assertThat(events.mismatches(ref)).hasSize(1);
	}
}
