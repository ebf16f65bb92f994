package com.linli.payment.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.linli.TestClock;
import com.linli.Api;
import com.linli.browser.BrowserTest;
import com.linli.payment.PaymentManagement;
import com.linli.shared.Money;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A platform admin learns of a forged payment in the console: an inbox message and the mismatch list. */
class PaymentMismatchBrowserTests extends BrowserTest {

	@Autowired
	PaymentManagement payments;

	@Autowired
	PaymentReconciliation reconciliation;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAdminSeesAPaymentPaidHereButNotAtTheBank() {
		String ref = "test:" + UUID.randomUUID().toString().substring(0, 12);
		payments.createPayment(ref, Money.ofFen(8800), "有机鸡蛋 60枚", TestClock.now().plusSeconds(900), null);
		// what a forged notification left behind: paid on the platform, never at the bank
		jdbc.sql("update payment.payment set status = 'SUCCEEDED', paid_at = now() where merchant_reference = ?")
			.param(ref).update();
		reconciliation.reconcile();
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc
			.sql("select count(*) from notification.message where kind = 'PAYMENT_MISMATCH' and body like ?")
			.param("%" + ref + "%").query(Long.class).single() > 0);

		signIn(Api.ADMIN_PHONE, Api.ADMIN_PASSWORD);
		page.navigate(url("/console/payment-mismatches"));
		var row = page.locator("#mismatches tr[data-reference='" + ref + "']");
		assertThat(row).containsText("SUCCEEDED ¥88.00");
		assertThat(row).containsText("NOT_PAID");

		page.navigate(url("/console/messages"));
		assertThat(page.locator("#messages tr[data-kind='PAYMENT_MISMATCH']", new com.microsoft.playwright.Page.LocatorOptions()
			.setHasText(ref))).hasCount(1);
	}
}
