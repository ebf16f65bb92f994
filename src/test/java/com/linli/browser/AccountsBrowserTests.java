package com.linli.browser;

import com.linli.Api;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

class AccountsBrowserTests extends BrowserTest {

	@Test
	void adminOpensAWarehouseAccountAndFindsItAndItsSignInInTheAuditLog() {
		signIn(Api.ADMIN_PHONE, Api.ADMIN_PASSWORD);
		page.navigate(url("/console/accounts/new"));
		String phone = Api.newPhone();
		page.fill("#phone", phone);
		page.fill("#displayName", "仓管老陈");
		page.fill("#password", "secret123");
		page.locator("input[name=roles][value=WAREHOUSE_STAFF]").check();
		page.click("button[type=submit]");

		assertThat(page.locator("table.list tbody tr")).hasCount(1);
		assertThat(page.locator("table.list tbody tr").first()).containsText("仓管老陈");
		assertThat(page.locator("table.list tbody tr").first()).containsText("仓库人员");

		page.navigate(url("/console/audit?action=sign-in"));
		assertThat(page.locator("table.list")).containsText(Api.ADMIN_PHONE);
	}

	@Test
	void aFormWithoutRoleShowsTheErrorBesideTheField() {
		signIn(Api.ADMIN_PHONE, Api.ADMIN_PASSWORD);
		page.navigate(url("/console/accounts/new"));
		page.fill("#phone", "123");
		page.fill("#displayName", "无角色");
		page.fill("#password", "secret123");
		page.click("button[type=submit]");
		assertThat(page.locator(".field-error").first()).isVisible();
		assertThat(page.locator("text=请输入有效的手机号")).isVisible();
	}
}
