package com.linli.browser;

import java.nio.file.Path;
import java.util.Map;

import com.linli.Api;
import com.linli.marketing.MarketingFixtures;
import com.linli.ordering.OrderCutoffManagement;
import com.linli.ordering.OrderDeliveryManagement;
import com.linli.ordering.OrderingFixtures;
import com.linli.ordering.PickupFixtures;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator suspends a leader on the penalties page and sees the residents moved; a warned leader sees their
 * level and the warning on the phone.
 */
class LevelsBrowserTests extends BrowserTest {

	@Autowired
	ApplicationContext context;

	@Override
	protected com.microsoft.playwright.Browser.NewContextOptions contextOptions() {
		return phone();
	}

	@Test
	void anOperatorSuspendsALeaderAndSeesTheResidentsMovedAndAWarnedLeaderSeesLevelAndWarning() {
		var world = new OrderingFixtures(context, port);
		var pickups = new PickupFixtures(world, context.getBean(OrderCutoffManagement.class),
				context.getBean(OrderDeliveryManagement.class), port);
		var marketing = new MarketingFixtures(context);
		var suspended = pickups.leader(world.pickupPoint);
		var near = marketing.pickupPoint(world.region, "近邻苑" + MarketingFixtures.next(), 30.284, 120.134);
		var warned = pickups.leader(near);
		var resident = world.resident();
		long residentId = resident.get("/api/me").json().get("id").asLong();
		var warning = Api.at(port).asAdmin().post("/api/admin/leaders/" + warned.leaderId() + "/penalties",
				Map.of("kind", "WARNING", "reason", "最近 30 天收货确认迟到 4 次"));
		assertThat(warning.status()).isEqualTo(201);

		var desktop = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
			.setViewportSize(1366, 900).setLocale("zh-CN"));
		try {
			var console = desktop.newPage();
			console.navigate(url("/login"));
			console.fill("#phone", Api.ADMIN_PHONE);
			console.fill("#password", Api.ADMIN_PASSWORD);
			console.click("button[type=submit]");
			console.waitForLoadState();
			console.navigate(url("/console/leaders/penalties?regionId=" + world.region.id().value()));
			console.fill("#leaderId", Long.toString(suspended.leaderId()));
			console.selectOption("#kind", "SUSPENSION");
			console.fill("#reason", "30 天内投诉率超过 10%");
			console.click("#impose-submit");
			assertThat(console.locator("#done")).isVisible();
			var row = console.locator("#penalties tbody tr", new Page.LocatorOptions().setHasText(suspended.phone()));
			assertThat(row).containsText("暂停服务");
			assertThat(row).containsText("生效中");
			var moved = console.locator("#moves tbody tr", new Page.LocatorOptions().setHasText("居民 " + residentId));
			assertThat(moved).containsText("已转移");
			assertThat(moved).containsText(world.pickupPoint.id().value() + " → " + near.id().value());
			console.screenshot(new Page.ScreenshotOptions()
				.setPath(Path.of("target/screenshots/LevelsBrowserTests-penalties.png")).setFullPage(true));
		}
		finally {
			desktop.close();
		}
		assertThat(resident.get("/api/me/pickup-point").json().get("id").asLong()).isEqualTo(near.id().value());

		signIn(warned.phone(), warned.password());
		page.navigate(url("/leader/level"));
		assertThat(page.locator("#level")).containsText("见习团长");
		assertThat(page.locator("#next")).containsText("铜牌团长");
		assertThat(page.locator("#warnings")).containsText("警告");
		assertThat(page.locator("#warnings")).containsText("收货确认迟到 4 次");
		page.screenshot(new Page.ScreenshotOptions()
			.setPath(Path.of("target/screenshots/LevelsBrowserTests-level.png")).setFullPage(true));
	}
}
