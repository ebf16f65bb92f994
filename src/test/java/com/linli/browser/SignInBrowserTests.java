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

	@Test
	void aResidentWhoOpensTheConsoleIsToldWhyNotAndWhereToGo() {
		String phone = Api.newPhone();
		Api.at(port).anonymous().post("/api/auth/register",
				java.util.Map.of("phone", phone, "displayName", "居民小周", "password", "secret123"));
		signIn(phone, "secret123");
		var response = page.navigate(url("/console/orders"));
		org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(403);
		assertThat(page.locator("h1")).hasText("没有权限");
		assertThat(page.locator(".error-box")).containsText("联系平台管理员");
		assertThat(page.locator(".error-actions a").first()).hasAttribute("href", "/");
		page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions()
			.setPath(java.nio.file.Path.of("target/screenshots/error-403.png")));

		var missing = page.navigate(url("/shop/orders/999999999"));
		org.assertj.core.api.Assertions.assertThat(missing.status()).isEqualTo(404);
		assertThat(page.locator("h1")).hasText("页面不存在");
	}
}
