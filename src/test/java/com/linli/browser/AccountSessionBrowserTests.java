package com.linli.browser;

import java.util.Map;
import java.util.regex.Pattern;

import com.linli.Api;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Issue 9: a session ends with its account's rights; a new password ends the sessions too. */
class AccountSessionBrowserTests extends BrowserTest {

	@Test
	void anOperatorInTheConsoleIsSignedOutOnceDisabled() {
		String phone = Api.newPhone();
		var created = Api.at(port).asAdmin().post("/api/admin/accounts", Map.of("phone", phone, "displayName", "运营小林",
				"password", "secret123", "roles", new String[] { "OPERATOR" }));
		org.assertj.core.api.Assertions.assertThat(created.status()).isEqualTo(201);
		signIn(phone, "secret123");
		assertThat(page).hasURL(Pattern.compile(".*/console$"));

		Api.at(port).asAdmin().put("/api/admin/accounts/" + created.id(), Map.of("displayName", "运营小林",
				"roles", new String[] { "OPERATOR" }, "enabled", false));

		page.navigate(url("/console/orders"));
		assertThat(page).hasURL(Pattern.compile(".*/login\\?ended$"));
		assertThat(page.locator(".alert.error")).containsText("请重新登录");
		page.navigate(url("/console/orders"));
		assertThat(page).hasURL(Pattern.compile(".*/login$"));
	}

	@Test
	void aResidentChangesTheirPasswordAndSignsInWithTheNewOne() {
		String phone = Api.newPhone();
		Api.at(port).post("/api/auth/register", Map.of("phone", phone, "displayName", "居民小唐", "password", "secret123"));
		signIn(phone, "secret123");
		page.navigate(url("/account/password"));
		page.fill("#currentPassword", "secret123");
		page.fill("#newPassword", "123456");
		page.click("button[type=submit]");
		assertThat(page.locator(".field-error")).containsText("常见密码");

		page.fill("#currentPassword", "secret123");
		page.fill("#newPassword", "我的新密码很长");
		page.click("button[type=submit]");
		assertThat(page).hasURL(Pattern.compile(".*/login\\?changed$"));
		assertThat(page.locator(".alert.ok")).containsText("密码已修改");

		signIn(phone, "我的新密码很长");
		assertThat(page).hasURL(Pattern.compile(".*/shop(/.*)?$"));
	}

	@Test
	void consolePagesRunUnderTheContentSecurityPolicyWithoutViolations() {
		var violations = new java.util.ArrayList<String>();
		page.onConsoleMessage(m -> {
			if (m.text().contains("Content Security Policy")) {
				violations.add(m.text());
			}
		});
		signIn(Api.ADMIN_PHONE, Api.ADMIN_PASSWORD);
		for (String path : java.util.List.of("/console", "/console/accounts", "/console/listings", "/console/forecasts",
				"/console/orders", "/console/supplier-scores", "/console/audit")) {
			var response = page.navigate(url(path));
			org.assertj.core.api.Assertions.assertThat(response.status()).as(path).isEqualTo(200);
			htmxReady();
		}
		org.assertj.core.api.Assertions.assertThat(violations).isEmpty();
	}
}
