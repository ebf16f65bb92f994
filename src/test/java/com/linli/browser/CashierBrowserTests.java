package com.linli.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import com.linli.Api;
import com.linli.TestClock;
import com.linli.identity.AccountId;
import com.linli.payment.PaymentManagement;
import com.linli.payment.PaymentStatus;
import com.linli.shared.Money;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

class CashierBrowserTests extends BrowserTest {

	@Autowired
	PaymentManagement payments;

	@Override
	protected Browser.NewContextOptions contextOptions() {
		return phone();
	}

	@Test
	void aResidentPaysAtTheSimulatedCashierAndThePlatformLearnsItFromTheNotification() {
		String phone = Api.newPhone();
		var registered = Api.at(port).post("/api/auth/register",
				java.util.Map.of("phone", phone, "displayName", "张阿姨", "password", "secret123"));
		var payer = new AccountId(registered.json().get("id").asLong());
		String ref = "order:" + UUID.randomUUID().toString().substring(0, 8);
		var payment = payments.createPayment(ref, Money.ofFen(3860), "明日自提：东北大米 5kg ×1、土鸡蛋 30枚 ×1",
				TestClock.now().plusSeconds(15 * 60), payer);

		signIn(phone, "secret123");
		page.navigate(url(payment.cashierUrl() + "?return=/shop/orders"));
		assertThat(page.locator("#amount")).hasText("38.60");
		assertThat(page.locator(".sim-facts")).containsText(ref);
		assertThat(page.locator("#status")).hasText("待支付");
		assertThat(page.locator("#cancel")).hasAttribute("href", "/shop/orders");
		page.screenshot(new Page.ScreenshotOptions()
			.setPath(Path.of("target/screenshots/CashierBrowserTests-before-paying.png")).setFullPage(true));

		page.click("#pay");
		assertThat(page.locator(".sim-result.ok")).hasText("支付成功");
		assertThat(page.locator("#status")).hasText("已支付");
		assertThat(page.locator("#back")).hasAttribute("href", "/shop/orders");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> payments.get(ref).status() == PaymentStatus.SUCCEEDED);
	}

	@Test
	void aClosedPaymentCanNoLongerBePaidAtTheCashier() {
		String ref = "order:" + UUID.randomUUID().toString().substring(0, 8);
		var payment = payments.createPayment(ref, Money.ofFen(990), "青菜 500g", TestClock.now().plusSeconds(900));
		payments.close(ref);

		signIn(Api.ADMIN_PHONE, Api.ADMIN_PASSWORD);
		page.navigate(url(payment.cashierUrl() + "?return=https://evil.example/"));
		assertThat(page.locator("#status")).hasText("已关闭");
		assertThat(page.locator("#pay")).hasCount(0);
		assertThat(page.locator("#back")).hasAttribute("href", "/");
	}

	@Test
	void theCashierNeverLeadsBackToAnotherSite() {
		String ref = "order:" + UUID.randomUUID().toString().substring(0, 8);
		var payment = payments.createPayment(ref, Money.ofFen(590), "小葱 250g", TestClock.now().plusSeconds(900));
		signIn(Api.ADMIN_PHONE, Api.ADMIN_PASSWORD);
		// query strings as an attacker writes them into a link to the cashier
		for (String back : java.util.List.of("//evil.com", "/%5Cevil.com", "/%09/evil.com", "/%0a/evil.com",
				"https://evil.com", "/%252F/evil.com", "/%2F/evil.com", "%20/evil", "javascript:alert(1)")) {
			page.navigate(url(payment.cashierUrl() + "?return=" + back));
			assertThat(page.locator("#cancel")).hasAttribute("href", "/");
		}
		page.navigate(url(payment.cashierUrl() + "?return=/shop/orders/7"));
		assertThat(page.locator("#cancel")).hasAttribute("href", "/shop/orders/7");
	}
}
