package com.linli.browser;

import com.linli.Api;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

class SignInBrowserTests extends BrowserTest {

	@Test
	void wrongPasswordShowsTheReasonOnTheLoginPage() {
		signIn(Api.ADMIN_PHONE, "not-the-password");
		assertThat(page.locator(".alert.error")).containsText("手机号或密码错误");
	}

	@Test
	void adminLandsInTheConsole() {
		signIn(Api.ADMIN_PHONE, Api.ADMIN_PASSWORD);
		assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/console$"));
		assertThat(page.locator("h1")).hasText("运营控制台");
		assertThat(page.locator(".stat").first()).isVisible();
	}
}
