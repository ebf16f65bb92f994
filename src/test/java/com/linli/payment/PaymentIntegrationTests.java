package com.linli.payment;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.TestClock;
import com.linli.identity.AccountId;
import com.linli.payment.internal.simulated.SimulatedPaymentProvider;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Payments as ordering and a resident's phone meet them: a payment is opened, paid at the simulated
 * bank, and the bank's asynchronous signed notification (sent twice in tests) is applied exactly once.
 */
@IntegrationTest
class PaymentIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	PaymentManagement payments;

	@Autowired
	PaymentEventsRecorder events;

	@Autowired
	SimulatedPaymentProvider provider;

	@Autowired
	JdbcClient jdbc;

	/** The installation's own secret, generated at its first start and kept in the payment schema. */
	String secret;

	@BeforeEach
	void readTheInstallationsSecret() {
		secret = jdbc.sql("select secret from payment.provider_secret where provider = 'simulated'")
			.query(String.class)
			.single();
	}

	@AfterEach
	void reachThePlatformAgain() {
		provider.setCallbackUrl(null);
	}

	Api api() {
		return Api.at(port);
	}

	@Test
	void aPaymentAtTheBankIsAppliedOnceByItsAsynchronousNotification() {
		var resident = api().newResident();
		String ref = newReference();
		Payment payment = payments.createPayment(ref, Money.ofFen(1280), "邻里 6月1日 鸡蛋 x2",
				TestClock.now().plusSeconds(900), accountOf(resident));
		assertThat(payment.status()).isEqualTo(PaymentStatus.PENDING);
		assertThat(payment.cashierUrl()).isEqualTo("/pay/sim/" + payment.providerTransactionId());

		var pending = resident.get("/api/payments/" + ref);
		assertThat(pending.status()).isEqualTo(200);
		assertThat(pending.json().get("status").asText()).isEqualTo("PENDING");
		assertThat(pending.json().get("amountFen").asLong()).isEqualTo(1280);
		assertThat(pending.json().get("cashierUrl").asText()).isEqualTo(payment.cashierUrl());

		var paid = resident.post("/api/payments/sim/" + payment.providerTransactionId() + "/pay", Map.of());
		assertThat(paid.status()).isEqualTo(200);
		assertThat(paid.json().get("status").asText()).isEqualTo("PAID");

		awaitStatus(resident, ref, "SUCCEEDED");
		// the bank sends every notification twice in tests: wait for the duplicate to be answered too
		await().atMost(Duration.ofSeconds(10)).until(() -> attempts(payment, true) == 1);
		assertThat(lastStatus(payment, true)).isEqualTo(200);
		assertThat(events.succeeded(ref)).hasSize(1);
		assertThat(events.succeeded(ref).get(0).amount()).isEqualTo(Money.ofFen(1280));
		assertThat(payments.get(ref).paidAt()).isNotNull();
		// persisted in Spring Modulith's publication registry (one row per listening module), so a listener in
		// another module never loses it: each listener got it exactly once, and every delivery completed
		await().atMost(Duration.ofSeconds(10)).until(() -> count("""
				select count(*) from event_publication
				 where event_type = ? and serialized_event like ? and completion_date is null""",
				PaymentSucceeded.class.getName(), "%" + ref + "%") == 0);
		assertThat(count("""
				select count(*) from event_publication
				 where event_type = ? and serialized_event like ? and completion_date is not null""",
				PaymentSucceeded.class.getName(), "%" + ref + "%")).isGreaterThanOrEqualTo(1);
		assertThat(count("""
				select count(*) - count(distinct listener_id) from event_publication
				 where event_type = ? and serialized_event like ?""",
				PaymentSucceeded.class.getName(), "%" + ref + "%")).isZero();

		var again = resident.post("/api/payments/sim/" + payment.providerTransactionId() + "/pay", Map.of());
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("code").asText()).isEqualTo("already-paid");
	}

	@Test
	void onlyThePayerAndStaffSeeAPayment() {
		var resident = api().newResident();
		String ref = newReference();
		payments.createPayment(ref, Money.ofFen(500), "牛奶", TestClock.now().plusSeconds(900), accountOf(resident));

		assertThat(api().get("/api/payments/" + ref).status()).isEqualTo(401);
		assertThat(api().newResident().get("/api/payments/" + ref).status()).isEqualTo(404);
		assertThat(api().newResident().post("/api/payments/" + ref + "/query", Map.of()).status()).isEqualTo(404);
		assertThat(api().newAccount("WAREHOUSE_STAFF").get("/api/payments/" + ref).status()).isEqualTo(404);
		assertThat(api().asAdmin().get("/api/payments/" + ref).status()).isEqualTo(200);
		// operators see the payments of their regions' orders only (RegionScopingTests); this one is of no region
		assertThat(api().newAccount("OPERATOR").get("/api/payments/" + ref).status()).isEqualTo(404);
		assertThat(resident.get("/api/payments/" + ref).status()).isEqualTo(200);
		assertThat(resident.get("/api/payments/no-such-reference").status()).isEqualTo(404);

		String tx = payments.get(ref).providerTransactionId();
		assertThat(api().post("/api/payments/sim/" + tx + "/pay", Map.of()).status()).isEqualTo(401);
		assertThat(resident.post("/api/payments/sim/SIM-unknown/pay", Map.of()).status()).isEqualTo(404);
	}

	@Test
	void aPaymentCreatedWithoutASignedInUserIsForStaffOnly() {
		String ref = newReference();
		payments.createPayment(ref, Money.ofFen(300), "补差价", TestClock.now().plusSeconds(900));
		assertThat(api().newResident().get("/api/payments/" + ref).status()).isEqualTo(404);
		assertThat(api().asAdmin().get("/api/payments/" + ref).status()).isEqualTo(200);
	}

	@Test
	void creatingIsIdempotentPerMerchantReferenceAndInputIsChecked() {
		String ref = newReference();
		Instant expires = TestClock.now().plusSeconds(900);
		Payment first = payments.createPayment(ref, Money.ofFen(990), "大米 5kg", expires);
		Payment second = payments.createPayment(ref, Money.ofFen(990), "大米 5kg", expires);
		assertThat(second.id()).isEqualTo(first.id());
		assertThat(second.providerTransactionId()).isEqualTo(first.providerTransactionId());

		assertThatThrownBy(() -> payments.createPayment(ref, Money.ofFen(991), "大米 5kg", expires))
			.isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("payment-exists"));
		assertThatThrownBy(() -> payments.createPayment("bad ref/1", Money.ofFen(1), "x", expires))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.field()).isEqualTo("merchantReference"));
		assertThatThrownBy(() -> payments.createPayment(newReference(), Money.ZERO, "x", expires))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("amount"));
		assertThatThrownBy(() -> payments.createPayment(newReference(), Money.ofFen(-5), "x", expires))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("amount"));
		assertThatThrownBy(() -> payments.createPayment(newReference(), Money.ofFen(1), " ", expires))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("description"));
		assertThatThrownBy(() -> payments.createPayment(newReference(), Money.ofFen(1), "x", TestClock.now().minusSeconds(1)))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("expiresAt"));
		assertThat(count("select count(*) from payment.payment where merchant_reference = ?", ref)).isEqualTo(1);
	}

	@Test
	void aForgedNotificationIsRefusedWith401AndChangesNothing() {
		String ref = newReference();
		Payment payment = payments.createPayment(ref, Money.ofFen(2000), "西瓜", TestClock.now().plusSeconds(900));
		byte[] body = notification(payment, payment.amount().fen());
		long now = TestClock.now().getEpochSecond();

		var wrongSecret = notify(body, sign("not-the-platform-secret", now, "abcdef0123456789", body));
		assertThat(wrongSecret.status()).isEqualTo(401);
		assertThat(wrongSecret.contentType()).contains("application/problem+json");

		assertThat(api().post("/api/payments/notify/simulated", new String(body, StandardCharsets.UTF_8)).status())
			.isEqualTo(401);

		String goodHeader = sign(secret, now, "abcdef0123456789", body);
		byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("\"amountFen\":2000", "\"amountFen\":1")
			.getBytes(StandardCharsets.UTF_8);
		assertThat(tampered).isNotEqualTo(body);
		assertThat(notify(tampered, goodHeader).status()).isEqualTo(401);

		String stale = sign(secret, now - 600, "abcdef0123456789", body);
		assertThat(notify(body, stale).status()).isEqualTo(401);

		assertThat(payments.get(ref).status()).isEqualTo(PaymentStatus.PENDING);
		assertThat(events.succeeded(ref)).isEmpty();
	}

	@Test
	void aNotificationSignedWithThePublicDevelopmentSecretIsRefusedAndChangesNothing() {
		var resident = api().newResident();
		String ref = newReference();
		Payment payment = payments.createPayment(ref, Money.ofFen(3300), "五常大米 5kg", TestClock.now().plusSeconds(900),
				accountOf(resident));
		byte[] body = notification(payment, payment.amount().fen());

		// the secret the simulated provider used to ship with: anyone can read it in the source
		var forged = notify(body, sign("linli-simulated-dev-secret", TestClock.now().getEpochSecond(), "abcdef0123456789",
				body));

		assertThat(forged.status()).isEqualTo(401);
		assertThat(secret).isNotEqualTo("linli-simulated-dev-secret").hasSizeGreaterThanOrEqualTo(32);
		assertThat(payments.get(ref).status()).isEqualTo(PaymentStatus.PENDING);
		assertThat(resident.get("/api/payments/sim/" + payment.providerTransactionId()).json().get("status").asText())
			.isEqualTo("NOT_PAID");
		assertThat(events.succeeded(ref)).isEmpty();
	}

	@Test
	void aSignedNotificationThatDisagreesWithThePaymentChangesNothing() {
		String ref = newReference();
		Payment payment = payments.createPayment(ref, Money.ofFen(2000), "葡萄", TestClock.now().plusSeconds(900));
		byte[] wrongAmount = notification(payment, 1);
		var response = notify(wrongAmount, sign(secret, TestClock.now().getEpochSecond(), "abcdef0123456789", wrongAmount));
		assertThat(response.status()).isEqualTo(409);
		assertThat(response.json().get("code").asText()).isEqualTo("payment-mismatch");

		var unknown = notification("SIM-does-not-exist", ref, 2000);
		assertThat(notify(unknown, sign(secret, TestClock.now().getEpochSecond(), "abcdef0123456789", unknown)).status())
			.isEqualTo(404);
		assertThat(payments.get(ref).status()).isEqualTo(PaymentStatus.PENDING);
		assertThat(events.succeeded(ref)).isEmpty();
	}

	@Test
	void twentyConcurrentIdenticalNotificationsApplyTheSuccessOnce() throws Exception {
		String ref = newReference();
		Payment payment = payments.createPayment(ref, Money.ofFen(4500), "车厘子", TestClock.now().plusSeconds(900));
		byte[] body = notification(payment, 4500);
		String header = sign(secret, TestClock.now().getEpochSecond(), "0123456789abcdef", body);

		List<Api.Response> responses = concurrently(20, () -> notify(body, header));

		assertThat(responses).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
		assertThat(responses.stream().filter(r -> r.json().get("outcome").asText().equals("APPLIED"))).hasSize(1);
		assertThat(payments.get(ref).status()).isEqualTo(PaymentStatus.SUCCEEDED);
		assertThat(events.succeeded(ref)).hasSize(1);
	}

	@Test
	void aNotificationThePlatformDidNotAnswerIsRetriedUntilAppliedOnce() {
		var resident = api().newResident();
		String ref = newReference();
		Payment payment = payments.createPayment(ref, Money.ofFen(1990), "土鸡蛋 30枚", TestClock.now().plusSeconds(900),
				accountOf(resident));
		provider.setCallbackUrl("http://localhost:" + port + "/api/payments/notify/nowhere");

		resident.post("/api/payments/sim/" + payment.providerTransactionId() + "/pay", Map.of());
		await().atMost(Duration.ofSeconds(10)).until(() -> attempts(payment, false) >= 2);
		assertThat(lastStatus(payment, false)).isEqualTo(404);
		assertThat(payments.get(ref).status()).isEqualTo(PaymentStatus.PENDING);

		provider.setCallbackUrl(null);
		awaitStatus(resident, ref, "SUCCEEDED");
		await().atMost(Duration.ofSeconds(10)).until(() -> attempts(payment, true) == 1);
		assertThat(lastStatus(payment, false)).isEqualTo(200);
		assertThat(count("""
				select count(*) from payment.sim_notification n join payment.sim_notification_attempt a on a.notification_id = n.id
				 where n.transaction_id = ? and a.http_status = 404""", payment.providerTransactionId()))
			.isGreaterThanOrEqualTo(2);
		assertThat(events.succeeded(ref)).hasSize(1);
	}

	@Test
	void theQueryApiRecoversANotificationThatNeverArrived() {
		var resident = api().newResident();
		String ref = newReference();
		Payment payment = payments.createPayment(ref, Money.ofFen(3600), "五花肉 1kg", TestClock.now().plusSeconds(900),
				accountOf(resident));
		provider.setCallbackUrl("http://127.0.0.1:9/unreachable");

		resident.post("/api/payments/sim/" + payment.providerTransactionId() + "/pay", Map.of());
		await().atMost(Duration.ofSeconds(10)).until(() -> attempts(payment, false) >= 1);
		assertThat(payments.get(ref).status()).isEqualTo(PaymentStatus.PENDING);

		var queried = resident.post("/api/payments/" + ref + "/query", Map.of());
		assertThat(queried.status()).isEqualTo(200);
		assertThat(queried.json().get("status").asText()).isEqualTo("SUCCEEDED");
		assertThat(payments.query(ref).status()).isEqualTo(PaymentStatus.SUCCEEDED);
		assertThat(events.succeeded(ref)).hasSize(1);

		// the bank's retries reach the platform later: they change nothing
		provider.setCallbackUrl(null);
		await().atMost(Duration.ofSeconds(15)).until(() -> count(
				"select count(*) from payment.sim_notification where transaction_id = ? and (delivered_at is not null or gave_up_at is not null)",
				payment.providerTransactionId()) == 1);
		assertThat(events.succeeded(ref)).hasSize(1);
	}

	@Test
	void closingAnUnpaidPaymentClosesItAtTheBankOnce() {
		var resident = api().newResident();
		String ref = newReference();
		Payment payment = payments.createPayment(ref, Money.ofFen(800), "青菜", TestClock.now().plusSeconds(900),
				accountOf(resident));

		assertThat(payments.close(ref).status()).isEqualTo(PaymentStatus.CLOSED);
		assertThat(payments.close(ref).status()).isEqualTo(PaymentStatus.CLOSED);
		assertThat(events.closed(ref)).hasSize(1);

		var pay = resident.post("/api/payments/sim/" + payment.providerTransactionId() + "/pay", Map.of());
		assertThat(pay.status()).isEqualTo(409);
		assertThat(pay.json().get("code").asText()).isEqualTo("transaction-closed");
		assertThat(events.succeeded(ref)).isEmpty();
	}

	@Test
	void closingAPaymentThePayerJustPaidRecordsTheSuccessInstead() {
		var resident = api().newResident();
		String ref = newReference();
		Payment payment = payments.createPayment(ref, Money.ofFen(1500), "苹果", TestClock.now().plusSeconds(900),
				accountOf(resident));
		provider.setCallbackUrl("http://127.0.0.1:9/unreachable");
		resident.post("/api/payments/sim/" + payment.providerTransactionId() + "/pay", Map.of());

		Payment closed = payments.close(ref);
		assertThat(closed.status()).isEqualTo(PaymentStatus.SUCCEEDED);
		assertThat(events.succeeded(ref)).hasSize(1);
		assertThat(events.closed(ref)).isEmpty();
		assertThat(payments.close(ref).status()).isEqualTo(PaymentStatus.SUCCEEDED);
	}

	@Test
	void moneyThatArrivesAfterTheCloseIsRecordedSoThatItCanBeRefunded() {
		var resident = api().newResident();
		String ref = newReference();
		Payment payment = payments.createPayment(ref, Money.ofFen(2600), "水饺", TestClock.now().plusSeconds(900),
				accountOf(resident));
		// the platform closed the payment while its close never reached the bank
		jdbc.sql("update payment.payment set status = 'CLOSED', closed_at = ? where merchant_reference = ?")
			.params(java.sql.Timestamp.from(TestClock.now()), ref).update();

		resident.post("/api/payments/sim/" + payment.providerTransactionId() + "/pay", Map.of());
		awaitStatus(resident, ref, "SUCCEEDED");
		assertThat(events.succeeded(ref)).hasSize(1);

		Refund refund = payments.refund(ref, ref + ":late", Money.ofFen(2600), "支付晚于关单");
		assertThat(refund.status()).isEqualTo(RefundStatus.SUCCEEDED);
	}

	@Test
	void aRefundIsMadeOncePerReference() {
		String ref = paidPayment(1000);

		Refund first = payments.refund(ref, ref + ":r1", Money.ofFen(300), "缺货");
		Refund again = payments.refund(ref, ref + ":r1", Money.ofFen(300), "缺货");
		assertThat(first.status()).isEqualTo(RefundStatus.SUCCEEDED);
		assertThat(again.id()).isEqualTo(first.id());
		assertThat(events.refunds(ref)).hasSize(1);
		assertThat(payments.get(ref).refunded()).isEqualTo(Money.ofFen(300));

		assertThatThrownBy(() -> payments.refund(ref, ref + ":r1", Money.ofFen(400), "缺货"))
			.isInstanceOfSatisfying(BusinessRuleException.class,
					e -> assertThat(e.code()).isEqualTo("refund-reference-used"));
		assertThatThrownBy(() -> payments.refund(ref, ref + ":r2", Money.ofFen(701), null))
			.isInstanceOfSatisfying(BusinessRuleException.class,
					e -> assertThat(e.code()).isEqualTo("refund-exceeds-paid"));
		assertThatThrownBy(() -> payments.refund(ref, ref + ":r3", Money.ZERO, null))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("amount"));
		assertThat(payments.findRefund(ref + ":r2")).isEmpty();
		assertThat(payments.refunds(ref)).extracting(Refund::refundReference).containsExactly(ref + ":r1");
		assertThat(bankRefunded(ref)).isEqualTo(300);
	}

	@Test
	void anUnpaidPaymentCannotBeRefunded() {
		String ref = newReference();
		payments.createPayment(ref, Money.ofFen(1000), "豆腐", TestClock.now().plusSeconds(900));
		assertThatThrownBy(() -> payments.refund(ref, ref + ":r1", Money.ofFen(100), null))
			.isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("payment-not-paid"));
		assertThat(payments.refunds(ref)).isEmpty();
	}

	@Test
	void tenConcurrentCallsWithOneRefundReferenceRefundOnce() throws Exception {
		String ref = paidPayment(1000);
		List<Refund> refunds = concurrently(10, () -> payments.refund(ref, ref + ":same", Money.ofFen(600), "取消订单"));

		assertThat(refunds).extracting(Refund::id).containsOnly(refunds.get(0).id());
		assertThat(refunds).extracting(Refund::status).containsOnly(RefundStatus.SUCCEEDED);
		assertThat(payments.get(ref).refunded()).isEqualTo(Money.ofFen(600));
		assertThat(bankRefunded(ref)).isEqualTo(600);
		assertThat(events.refunds(ref)).hasSize(1);
	}

	@Test
	void tenConcurrentRefundsNeverExceedWhatWasPaid() throws Exception {
		String ref = paidPayment(1000);
		List<Object> outcomes = concurrently(10, () -> {
			try {
				return payments.refund(ref, ref + ":" + UUID.randomUUID().toString().substring(0, 8), Money.ofFen(300),
						"少发");
			}
			catch (BusinessRuleException e) {
				return e.code();
			}
		});

		assertThat(outcomes.stream().filter(Refund.class::isInstance)).hasSize(3);
		assertThat(outcomes.stream().filter("refund-exceeds-paid"::equals)).hasSize(7);
		assertThat(payments.get(ref).refunded()).isEqualTo(Money.ofFen(900));
		assertThat(payments.refunds(ref)).hasSize(3).allSatisfy(r -> assertThat(r.status()).isEqualTo(RefundStatus.SUCCEEDED));
		assertThat(bankRefunded(ref)).isEqualTo(900);
		assertThat(events.refunds(ref)).hasSize(3);
	}

	// --- helpers

	private String paidPayment(long fen) {
		var resident = api().newResident();
		String ref = newReference();
		Payment payment = payments.createPayment(ref, Money.ofFen(fen), "测试商品", TestClock.now().plusSeconds(900),
				accountOf(resident));
		assertThat(resident.post("/api/payments/sim/" + payment.providerTransactionId() + "/pay", Map.of()).status())
			.isEqualTo(200);
		awaitStatus(resident, ref, "SUCCEEDED");
		return ref;
	}

	private static String newReference() {
		return "test:" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
	}

	private static AccountId accountOf(Api user) {
		return new AccountId(user.get("/api/me").json().get("id").asLong());
	}

	private static void awaitStatus(Api user, String ref, String status) {
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
			.until(() -> user.get("/api/payments/" + ref).json().get("status").asText().equals(status));
	}

	private long attempts(Payment payment, boolean duplicate) {
		return count("""
				select count(*) from payment.sim_notification n join payment.sim_notification_attempt a on a.notification_id = n.id
				 where n.transaction_id = ? and a.duplicate = ?""", payment.providerTransactionId(), duplicate);
	}

	private Integer lastStatus(Payment payment, boolean duplicate) {
		return jdbc.sql("""
				select a.http_status from payment.sim_notification n join payment.sim_notification_attempt a on a.notification_id = n.id
				 where n.transaction_id = ? and a.duplicate = ? order by a.id desc limit 1""")
			.params(payment.providerTransactionId(), duplicate)
			.query(Integer.class)
			.single();
	}

	private long bankRefunded(String ref) {
		return count("select refunded_fen from payment.sim_transaction where merchant_reference = ?", ref);
	}

	private long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}

	private static byte[] notification(Payment payment, long amountFen) {
		return notification(payment.providerTransactionId(), payment.merchantReference(), amountFen);
	}

	private static byte[] notification(String transactionId, String merchantReference, long amountFen) {
		var body = new LinkedHashMap<String, Object>();
		body.put("event", "TRANSACTION.SUCCESS");
		body.put("transactionId", transactionId);
		body.put("merchantReference", merchantReference);
		body.put("amountFen", amountFen);
		body.put("paidAt", TestClock.now().toString());
		body.put("nonce", "0123456789abcdef");
		body.put("timestamp", TestClock.now().getEpochSecond());
		return Api.JSON.writeValueAsBytes(body);
	}

	/** Signs as the wire protocol says, independently of the production signer. */
	private static String sign(String secret, long timestamp, String nonce, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update((timestamp + "\n" + nonce + "\n").getBytes(StandardCharsets.UTF_8));
			return "t=" + timestamp + ",n=" + nonce + ",s=" + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private Api.Response notify(byte[] body, String signature) {
		return api().post("/api/payments/notify/simulated", new String(body, StandardCharsets.UTF_8),
				Map.of("X-Linli-Signature", signature));
	}

	private static <T> List<T> concurrently(int n, Callable<T> task) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(n);
		try {
			var start = new java.util.concurrent.CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				futures.add(pool.submit(() -> {
					start.await();
					return task.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> f : futures) {
				results.add(f.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}
}
