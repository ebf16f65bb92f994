package com.linli.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import java.util.Map;

import com.linli.Api;
import com.linli.marketing.MarketingFixtures;
import com.linli.ordering.OrderingFixtures;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** A resident finds the coupon centre on the storefront home, claims a coupon and sees it in "my coupons". */
class CouponBrowserTests extends BrowserTest {

	@Autowired
	ApplicationContext beans;

	@Override
	protected Browser.NewContextOptions contextOptions() {
		return phone();
	}

	@Test
	void aResidentClaimsACouponInTheCouponCentreAndSeesItInMyCoupons() {
		var world = new OrderingFixtures(beans, port);
		world.listing("红心猕猴桃", "19.90", 100, 5);
		Api operator = MarketingFixtures.operatorOf(Api.at(port), world.region);
		String name = "满39减5 " + MarketingFixtures.next();
		var created = operator.post("/api/admin/marketing/coupon-templates", Map.of("name", name, "kind", "FIXED",
				"amountFen", 500, "thresholdFen", 3900, "scope", "ALL", "regionIds", List.of(world.region.id().value()),
				"validDays", 7, "perResidentLimit", 1, "totalQuantity", 100));
		org.assertj.core.api.Assertions.assertThat(created.status()).isEqualTo(201);

		String phone = Api.newPhone();
		Api.at(port).post("/api/auth/register", Map.of("phone", phone, "displayName", "李阿姨", "password", "secret123"))
			.json();
		Api.at(port).as(phone, "secret123").put("/api/me/pickup-point",
				Map.of("pickupPointId", world.pickupPoint.id().value()));

		signIn(phone, "secret123");
		page.navigate(url("/shop"));
		page.click("#coupon-centre-link");
		assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/shop/coupons"));
		var row = page.locator("#claimable .coupon-row", new Page.LocatorOptions().setHasText(name));
		assertThat(row).containsText("满39减5");
		row.locator("button.claim").click();

		assertThat(page.locator("#claimed")).containsText(name);
		assertThat(page.locator("#mine-ISSUED")).containsText(name);
		assertThat(page.locator("#claimable .coupon-row", new Page.LocatorOptions().setHasText(name))
			.locator("button.claim")).isDisabled();
	}

	@Test
	void anOperatorCreatesATemplateInTheConsoleAndPushesItToAResident() {
		page.setViewportSize(1366, 850);
		var world = new OrderingFixtures(beans, port);
		String operatorPhone = Api.newPhone();
		Api.at(port).asAdmin().post("/api/admin/accounts", Map.of("phone", operatorPhone, "displayName", "运营小周",
				"password", "secret123", "roles", new String[] { "OPERATOR" }, "regionIds",
				new long[] { world.region.id().value() }));
		String residentPhone = Api.newPhone();
		Api.at(port).post("/api/auth/register", Map.of("phone", residentPhone, "displayName", "赵大爷", "password", "secret123"))
			.json();
		String name = "蔬菜券" + MarketingFixtures.next();

		signIn(operatorPhone, "secret123");
		page.navigate(url("/console/coupons"));
		page.click("#new-coupon");
		page.fill("#name", name);
		page.fill("#amount", "abc");
		page.click("#create-coupon");
		assertThat(page.locator(".field-error").first()).isVisible();
		page.fill("#amount", "3");
		page.fill("#threshold", "20");
		page.fill("#totalQuantity", "50");
		page.click("#create-coupon");
		assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/console/coupons"));
		var row = page.locator("table.coupon-templates tr", new Page.LocatorOptions().setHasText(name));
		assertThat(row).containsText("满20减3");
		assertThat(row).containsText("0 / 50");

		row.locator("text=" + "发券").click();
		page.fill("#phones", residentPhone + "\n13000000000");
		page.click("#push-coupons");
		assertThat(page.locator("#push-error")).containsText("13000000000");
		page.fill("#phones", residentPhone);
		page.click("#push-coupons");
		assertThat(page.locator(".alert.ok")).containsText("1");
		assertThat(page.locator("table.coupon-templates tr", new Page.LocatorOptions().setHasText(name))).containsText("1 / 50");

		// an uploaded CSV: the first column, the header skipped
		String second = Api.newPhone();
		Api.at(port).post("/api/auth/register", Map.of("phone", second, "displayName", "钱阿姨", "password", "secret123"))
			.json();
		page.locator("table.coupon-templates tr", new Page.LocatorOptions().setHasText(name)).locator("text=发券").click();
		page.setInputFiles("#file", new com.microsoft.playwright.options.FilePayload("phones.csv", "text/csv",
				("手机号,姓名\n" + second + ",钱阿姨\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		page.click("#push-coupons");
		assertThat(page.locator(".alert.ok")).containsText("1");
		assertThat(page.locator("table.coupon-templates tr", new Page.LocatorOptions().setHasText(name))).containsText("2 / 50");
	}
}
