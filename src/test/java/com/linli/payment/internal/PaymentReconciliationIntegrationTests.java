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
}
