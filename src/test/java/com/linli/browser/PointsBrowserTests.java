package com.linli.browser;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;

import com.linli.Api;
import com.linli.identity.AccountId;
import com.linli.marketing.CheckInManagement;
import com.linli.marketing.MarketingFixtures;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A resident checks in from the storefront home, sees the streak and the points; the console pages open. */
class PointsBrowserTests extends BrowserTest {

	@Autowired
	ApplicationContext beans;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CheckInManagement checkIns;

	@Autowired
	Clock clock;

	@Override
	protected Browser.NewContextOptions contextOptions() {
		return phone();
	}

	@Test
	void aResidentChecksInAndSeesTheStreakAndThePoints() {
		var fixtures = new MarketingFixtures(beans);
		var region = fixtures.region();
		var point = fixtures.pickupPoint(region, "签到花园" + MarketingFixtures.next(), 31.2, 121.5);
		String phone = Api.newPhone();
		Api.at(port).post("/api/auth/register", Map.of("phone", phone, "displayName", "李阿姨", "password", "secret123"));
		Api resident = Api.at(port).as(phone, "secret123");
		resident.put("/api/me/pickup-point", Map.of("pickupPointId", point.id().value()));
		var id = new AccountId(resident.get("/api/me").json().get("id").asLong());
		// checked in the two days before: today is the third in a row
		var today = checkIns.today(id, clock.instant());
		for (int back = 1; back <= 2; back++) {
			jdbc.sql("insert into marketing.check_in (resident_id, day, streak, points, at) values (?, ?, ?, 5, ?)")
				.params(id.value(), today.minusDays(back), 3 - back, Timestamp.from(clock.instant())).update();
		}

		signIn(phone, "secret123");
		page.navigate(url("/shop"));
		assertThat(page.locator("#home-check-in")).containsText("已连续签到 2 天");
		page.locator("#home-check-in a.btn").click();
		assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/shop/check-in$"));
		page.click("#check-in-button");
		assertThat(page.locator("#check-in-earned")).containsText("+5");
		assertThat(page.locator("#check-in-streak")).containsText("已连续签到 3 天");
		assertThat(page.locator("#check-in-done")).isVisible();
		assertThat(page.locator(".check-in .day.done")).hasCount(3);
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/PointsBrowserTests-check-in.png"))
			.setFullPage(true));

		page.click("#check-in-balance");
		assertThat(page.locator("#points-balance")).hasText("5");
		assertThat(page.locator(".points-entry").first()).containsText("签到（连续 3 天）");
		assertThat(page.locator(".points-entry").first()).containsText("+5");

		page.navigate(url("/shop/membership"));
		assertThat(page.locator("#membership-level")).isVisible();
		page.navigate(url("/shop"));
		assertThat(page.locator("#home-check-in")).containsText("今日已签到");
	}

	@Test
	void anOperatorOpensTheLevelsAndThePointsShopFromTheSidebar() {
		signIn(Api.ADMIN_PHONE, Api.ADMIN_PASSWORD);
		page.navigate(url("/console/membership-levels"));
		assertThat(page.locator("h1")).hasText("会员等级");
		assertThat(page.locator("#new-level")).isVisible();
		page.navigate(url("/console/points-shop"));
		assertThat(page.locator("h1")).hasText("积分商城");
	}
}
