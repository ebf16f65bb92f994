package com.linli.browser;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

import com.linli.Api;
import com.linli.network.NetworkFixtures;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

class NetworkBrowserTests extends BrowserTest {

	@Test
	void theCommunityListPagesThroughARegionKeepingItsFilter() {
		var admin = Api.at(port).asAdmin();
		var fixtures = new NetworkFixtures(admin);
		long region = fixtures.region();
		for (int i = 0; i < 23; i++) {
			fixtures.community(region);
		}

		signIn("13800000000", "linli-admin");
		page.navigate(url("/console/communities?regionId=" + region));
		assertThat(page.locator(".pager")).containsText("共 23 条");
		assertThat(page.locator(".pager")).containsText("第 1 / 2 页");
		assertThat(page.locator("#results tbody tr")).hasCount(20);
		page.click(".pager >> text=下一页");
		assertThat(page).hasURL(Pattern.compile("regionId=" + region + ".*page=1"));
		assertThat(page.locator(".pager")).containsText("第 2 / 2 页");
		assertThat(page.locator("#results tbody tr")).hasCount(3);
		page.click(".pager >> text=上一页");
		assertThat(page.locator(".pager")).containsText("第 1 / 2 页");
	}

	@Test
	void operatorCreatesACommunityAndAPickupPointInTheConsole() {
		var admin = Api.at(port).asAdmin();
		var fixtures = new NetworkFixtures(admin);
		long region = fixtures.region();
		long grid = fixtures.warehouse(region, "GRID");
		String gridName = admin.get("/api/network/warehouses/" + grid).json().get("name").asText();
		String operatorPhone = Api.newPhone();
		admin.post("/api/admin/accounts", Map.of("phone", operatorPhone, "displayName", "运营小李", "password",
				"secret123", "roles", new String[] { "OPERATOR" }, "regionIds", new long[] { region }));
		long existing = fixtures.community(region);
		String existingName = admin.get("/api/network/communities/" + existing).json().get("name").asText();
		String community = "桂花园" + NetworkFixtures.unique();
		String point = community + "南门自提点";

		signIn(operatorPhone, "secret123");
		page.navigate(url("/console/communities"));
		page.click("text=新建小区");
		page.selectOption("#regionId", String.valueOf(region));
		page.fill("#district", "洪山区");
		page.fill("#name", existingName);
		page.fill("#households", "1680");
		page.fill("#address", "雄楚大道88号");
		page.fill("#latitude", "30.5071");
		page.fill("#longitude", "114.3522");
		page.click("button[type=submit]");
		assertThat(page.locator("#name ~ .field-error")).containsText("同名小区");
		assertThat(page.locator("#address")).hasValue("雄楚大道88号");
		page.fill("#name", community);
		page.click("button[type=submit]");
		assertThat(page.locator(".alert.ok")).containsText(community);
		assertThat(page.locator("#results")).containsText("雄楚大道88号");

		page.navigate(url("/console/pickup-points"));
		page.click("text=新建自提点");
		htmxReady();
		htmxSwap(() -> page.selectOption("#regionId", String.valueOf(region)));
		assertThat(page.locator("#communityId")).isEnabled();
		htmxSwap(() -> page.selectOption("#communityId",
				new com.microsoft.playwright.options.SelectOption().setLabel("洪山区 · " + community)));
		assertThat(page.locator("#address")).hasValue("雄楚大道88号");
		page.selectOption("#gridWarehouseId", String.valueOf(grid));
		page.fill("#name", point);
		page.fill("#opensAt", "21:00");
		page.fill("#closesAt", "08:00");
		page.click("button[type=submit]");
		assertThat(page.locator("#closesAt ~ .field-error")).isVisible();
		screenshot("pickup-point-form-error");

		page.fill("#opensAt", "08:00");
		page.fill("#closesAt", "21:30");
		page.click("button[type=submit]");
		assertThat(page).hasURL(Pattern.compile(".*/console/pickup-points\\?regionId=" + region));
		assertThat(page.locator(".alert.ok")).containsText(point);
		var row = page.locator("#results tr", new Page.LocatorOptions().setHasText(point));
		assertThat(row).containsText(community);
		assertThat(row).containsText(gridName);
		assertThat(row).containsText("08:00–21:30");
		assertThat(row).containsText("营业中");
	}

	@Test
	void anOperatorSeesOnlyTheirRegionsInTheLists() {
		var admin = Api.at(port).asAdmin();
		var fixtures = new NetworkFixtures(admin);
		var mine = fixtures.network();
		var theirs = fixtures.network();
		String phone = Api.newPhone();
		admin.post("/api/admin/accounts", Map.of("phone", phone, "displayName", "运营小王", "password", "secret123",
				"roles", new String[] { "OPERATOR" }, "regionIds", new long[] { mine.regionId() }));
		String myRegion = admin.get("/api/network/regions/" + mine.regionId()).json().get("name").asText();
		String theirRegion = admin.get("/api/network/regions/" + theirs.regionId()).json().get("name").asText();

		signIn(phone, "secret123");
		page.navigate(url("/console/warehouses"));
		assertThat(page.locator("#results")).containsText(myRegion);
		assertThat(page.locator("#results")).not().containsText(theirRegion);
		assertThat(page.locator("#regionId option")).hasCount(2);
		var forbidden = page.navigate(url("/console/warehouses?regionId=" + theirs.regionId()));
		org.assertj.core.api.Assertions.assertThat(forbidden.status()).isEqualTo(403);
		page.navigate(url("/console/pickup-points"));
		assertThat(page.locator("#results")).containsText(myRegion);
	}

	@Test
	void adminOpensARegionAndTheConsoleExplainsABadTimeZone() {
		String suffix = NetworkFixtures.unique();
		signIn(Api.ADMIN_PHONE, Api.ADMIN_PASSWORD);
		page.navigate(url("/console/regions"));
		page.click("text=新建区域");
		page.fill("#name", "宜昌" + suffix);
		page.fill("#code", "yc" + suffix);
		page.fill("#zone", "Asia/Yichang");
		page.click("button[type=submit]");
		assertThat(page.locator("#zone ~ .field-error")).containsText("Asia/Yichang");
		assertThat(page.locator("#name")).hasValue("宜昌" + suffix);
		page.fill("#zone", "Asia/Shanghai");
		page.click("button[type=submit]");
		assertThat(page.locator(".alert.ok")).containsText("宜昌" + suffix);

		page.fill("#q", "YC" + suffix);
		page.press("#q", "Enter");
		var row = page.locator("#results tbody tr");
		assertThat(row).hasCount(1);
		assertThat(row).containsText("Asia/Shanghai");
		page.navigate(url("/console/warehouses?lang=en"));
		assertThat(page.locator("h1")).hasText("Warehouses");
		screenshot("warehouses-en");
		page.navigate(url("/console/regions?lang=zh-CN&q=YC" + suffix));
	}

	@Test
	void editFormsShowTheCurrentValuesAndSaveChanges() {
		var admin = Api.at(port).asAdmin();
		var network = new NetworkFixtures(admin).network();
		signIn(Api.ADMIN_PHONE, Api.ADMIN_PASSWORD);

		page.navigate(url("/console/regions/" + network.regionId() + "/edit"));
		assertThat(page.locator("#code")).hasAttribute("readonly", "readonly");
		page.navigate(url("/console/warehouses/" + network.gridId() + "/edit"));
		assertThat(page.locator("#kind")).isDisabled();
		assertThat(page.locator("#address")).hasValue("物流园1号");
		page.navigate(url("/console/communities/" + network.communityId() + "/edit"));
		assertThat(page.locator("#households")).hasValue("1200");
		page.fill("#households", "1300");
		page.click("button[type=submit]");
		assertThat(page.locator("#results")).containsText("1,300");

		page.navigate(url("/console/pickup-points/" + network.pickupPointId() + "/edit"));
		assertThat(page.locator("#communityId")).isDisabled();
		assertThat(page.locator("#gridWarehouseId")).hasValue(String.valueOf(network.gridId()));
		page.fill("#closesAt", "22:00");
		page.uncheck("input[type=checkbox][name=active]");
		screenshot("pickup-point-edit");
		page.click("button[type=submit]");
		var row = page.locator("#results tr", new Page.LocatorOptions()
			.setHasText(admin.get("/api/network/pickup-points/" + network.pickupPointId()).json().get("name").asText()));
		assertThat(row).containsText("08:00–22:00");
		assertThat(row).containsText("已停业");
	}

	private void screenshot(String name) {
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/NetworkBrowserTests-" + name + ".png"))
			.setFullPage(true));
	}
}
