package com.linli.browser;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.linli.Api;
import com.linli.TestClock;
import com.linli.catalog.Sku;
import com.linli.marketing.MarketingFixtures;
import com.linli.network.Region;
import com.linli.network.ResidentBindingManagement;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

class StorefrontBrowserTests extends BrowserTest {

	@Autowired
	ResidentBindingManagement network;

	@Autowired
	ApplicationContext beans;

	@Autowired
	JdbcClient jdbc;

	@Override
	protected Browser.NewContextOptions contextOptions() {
		return phone();
	}

	long publish(Api admin, Region region, Sku sku, long priceFen, Long listPriceFen, int cap, int sold) {
		var body = new HashMap<String, Object>();
		body.put("regionId", region.id().value());
		body.put("skuId", sku.id().value());
		body.put("groupPriceFen", priceFen);
		if (listPriceFen != null) {
			body.put("listPriceFen", listPriceFen);
		}
		body.put("stockCap", cap);
		body.put("perResidentLimit", 5);
		body.put("pickupDate", TestClock.today().plusDays(2).toString());
		long id = admin.post("/api/listings", body).id();
		jdbc.sql("update marketing.listing set sold = ? where id = ?").params(sold, id).update();
		return id;
	}

	@Test
	void residentChoosesAPickupPointSearchesApplesAndOpensTheProductPage() {
		var fixtures = new MarketingFixtures(beans);
		Region region = fixtures.region();
		String community = "翠湖天地" + MarketingFixtures.next();
		fixtures.pickupPoint(region, "滨江花园" + MarketingFixtures.next(), 31.22, 121.48);
		var point = fixtures.pickupPoint(region, community, 31.23, 121.47);
		var fruit = fixtures.category("水果", 1);
		var vegetables = fixtures.category("蔬菜", 2);
		var meat = fixtures.category("肉禽蛋", 3);
		var admin = Api.at(port).asAdmin();
		publish(admin, region, fixtures.sku(fruit, "烟台红富士苹果", "5斤装 果径80mm+"), 2990, 3990L, 300, 268);
		publish(admin, region, fixtures.sku(fruit, "阿克苏冰糖心苹果", "10斤装"), 4980, 6900L, 100, 93);
		publish(admin, region, fixtures.sku(fruit, "海南香蕉", "3斤装"), 990, 1590L, 200, 120);
		publish(admin, region, fixtures.sku(vegetables, "山东大葱", "1斤装"), 350, null, 150, 48);
		publish(admin, region, fixtures.sku(vegetables, "有机菠菜", "400g"), 590, 890L, 80, 0);
		publish(admin, region, fixtures.sku(meat, "土鸡蛋", "30枚"), 2580, 3580L, 60, 57);
		String phone = Api.newPhone();
		Api.at(port).post("/api/auth/register", Map.of("phone", phone, "displayName", "王阿姨", "password", "secret123"));

		signIn(phone, "secret123");
		// no pickup point yet: the storefront sends the resident to the chooser
		assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/shop/pickup-point.*"));
		page.locator(".chips .chip", new Page.LocatorOptions().setHasText(region.name())).click();
		page.fill(".m-search input[name=q]", community);
		page.press(".m-search input[name=q]", "Enter");
		var option = page.locator(".point-option", new Page.LocatorOptions().setHasText(community));
		assertThat(option).hasCount(1);
		page.screenshot(new Page.ScreenshotOptions()
			.setPath(Path.of("target/screenshots/StorefrontBrowserTests-chooser.png")).setFullPage(true));
		option.locator("button.choose").click();

		assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/shop$"));
		assertThat(page.locator(".shop-header .point-name")).containsText(point.name());
		assertThat(page.locator(".shop-header")).containsText("明天 08:00 起可自提");
		assertThat(page.locator(".strip.hot .shop-hcard").first()).containsText("烟台红富士苹果");
		assertThat(page.locator(".category")).hasCount(3);
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/StorefrontBrowserTests-shop.png"))
			.setFullPage(true));

		page.fill(".shop-header input[name=q]", "苹果");
		page.press(".shop-header input[name=q]", "Enter");
		assertThat(page.locator(".shop-card")).hasCount(2);
		assertThat(page.locator(".shop-search h2").first()).containsText("2");
		page.screenshot(new Page.ScreenshotOptions()
			.setPath(Path.of("target/screenshots/StorefrontBrowserTests-search.png")).setFullPage(true));

		page.locator(".shop-card", new Page.LocatorOptions().setHasText("阿克苏冰糖心苹果")).click();
		assertThat(page.locator(".product-title h1")).hasText("阿克苏冰糖心苹果");
		assertThat(page.locator(".price-band")).containsText("49.80");
		assertThat(page.locator(".pickup-info")).containsText(point.name());
		assertThat(page.locator(".details")).containsText("山东烟台");
		assertThat(page.locator(".details")).containsText("冷藏");
		assertThat(page.locator(".product-title")).containsText("仅剩 7 件");
		page.selectOption("#buy-quantity", "2");
		page.click("#add-to-cart");
		assertThat(page.locator(".buy-added")).containsText("已加入购物车");
		page.click(".buy-added a");
		assertThat(page.locator(".cart-item")).hasCount(1);
		assertThat(page.locator(".cart-item .qty")).hasText("2");
	}

	@Test
	void aSearchWithoutResultsSuggestsWhatIsOnSale() {
		var fixtures = new MarketingFixtures(beans);
		Region region = fixtures.region();
		var point = fixtures.pickupPoint(region, "星河湾" + MarketingFixtures.next(), 31.2, 121.5);
		var fruit = fixtures.category("水果", 1);
		var admin = Api.at(port).asAdmin();
		publish(admin, region, fixtures.sku(fruit, "麒麟西瓜", "1个约8斤"), 2990, null, 50, 12);
		String phone = Api.newPhone();
		Api.at(port).post("/api/auth/register", Map.of("phone", phone, "displayName", "李叔", "password", "secret123"));
		var resident = Api.at(port).as(phone, "secret123");
		network.bindResident(new com.linli.identity.AccountId(resident.get("/api/me").json().get("id").asLong()),
				point.id());

		signIn(phone, "secret123");
		page.navigate(url("/shop/search?q=" + java.net.URLEncoder.encode("榴莲", java.nio.charset.StandardCharsets.UTF_8)));
		assertThat(page.locator(".m-empty")).containsText("榴莲");
		page.locator(".suggest-chips .chip", new Page.LocatorOptions().setHasText("麒麟西瓜")).click();
		assertThat(page.locator(".shop-card")).hasCount(1);
	}

	@Test
	void meShowsTheAccountMaskedThePickupPointOrdersByStateAndALanguageSwitchThatStays() {
		var fixtures = new MarketingFixtures(beans);
		Region region = fixtures.region();
		var point = fixtures.pickupPoint(region, "锦绣苑" + MarketingFixtures.next(), 31.2, 121.5);
		var fruit = fixtures.category("水果", 1);
		var admin = Api.at(port).asAdmin();
		long melon = publish(admin, region, fixtures.sku(fruit, "麒麟西瓜", "1个约8斤"), 2990, null, 50, 0);
		String phone = Api.newPhone();
		Api.at(port).post("/api/auth/register", Map.of("phone", phone, "displayName", "赵奶奶", "password", "secret123"));
		var resident = Api.at(port).as(phone, "secret123");
		network.bindResident(new com.linli.identity.AccountId(resident.get("/api/me").json().get("id").asLong()),
				point.id());
		resident.post("/api/orders", Map.of("items", java.util.List.of(Map.of("listingId", melon, "quantity", 1))),
				Map.of("Idempotency-Key", "me-" + System.nanoTime()));

		signIn(phone, "secret123");
		page.navigate(url("/shop"));
		page.click("#tab-me");

		assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/shop/me$"));
		assertThat(page.locator("#me-name")).hasText("赵奶奶");
		assertThat(page.locator("#me-phone")).hasText(phone.substring(0, 3) + "****" + phone.substring(7));
		assertThat(page.locator("#me-point")).containsText(point.name());
		assertThat(page.locator("#me-point")).containsText(point.address());
		assertThat(page.locator("#me-orders-TO_PAY")).containsText("待支付 1");
		assertThat(page.locator("#me-orders-TO_PICK_UP")).containsText("0");
		page.click("#me-orders-TO_PAY");
		assertThat(page.locator(".order-card")).hasCount(1);
		assertThat(page.locator(".order-card")).containsText("麒麟西瓜");
		page.click("#tab-me");

		page.click("#lang-en");
		assertThat(page.locator("#me-point h2")).hasText("My pickup point");
		assertThat(page.locator("#tab-me")).containsText("Me");
		// the choice stays: another page, another visit
		page.navigate(url("/shop/orders"));
		assertThat(page.locator(".m-header")).containsText("My orders");
		page.navigate(url("/shop"));
		assertThat(page.locator(".shop-tabs")).containsText("Home");
		page.navigate(url("/shop/me"));
		assertThat(page.locator("#sign-out")).hasText("Sign out");
		page.click("#lang-zh");
		assertThat(page.locator("#me-point h2")).hasText("我的自提点");

		page.click("#sign-out");
		assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login.*"));
	}
}
