package com.linli.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.linli.Api;
import com.linli.fulfilment.FulfilmentFixtures;
import com.linli.marketing.Listing;
import com.linli.marketing.MarketingFixtures;
import com.linli.ordering.OrderingFixtures;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A resident who picked up their order reviews a product from the order's page (stars, the leader's service, a
 * text and a photo) and sees the review with the average on the product page; the help centre answers where the
 * order is; an operator hides a review in the console.
 */
class ReviewsBrowserTests extends BrowserTest {

	static final byte[] PNG = java.util.Base64.getDecoder().decode(
			"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

	@Autowired
	ApplicationContext beans;

	@Override
	protected Browser.NewContextOptions contextOptions() {
		return phone();
	}

	record PickedUp(OrderingFixtures world, Listing listing, String phone, JsonNode order, Api operator) {
	}

	/** A resident who ordered and picked up a box of oranges today. */
	PickedUp pickedUp(String displayName) {
		var world = new OrderingFixtures(beans, port);
		var day = new FulfilmentFixtures(world, port);
		Api operator = day.operator();
		Listing oranges = world.listing("赣南脐橙" + MarketingFixtures.next(), "29.90", 50, 5);
		String phone = Api.newPhone();
		Api.at(port).post("/api/auth/register", Map.of("phone", phone, "displayName", displayName, "password", "secret123"));
		Api resident = Api.at(port).as(phone, "secret123");
		resident.put("/api/me/pickup-point", Map.of("pickupPointId", world.pickupPoint.id().value()));
		JsonNode order = day.paidOrder(resident, oranges, 2);
		day.cutoff(operator);
		Api leader = day.leaderOf(world.pickupPoint);
		leader.post("/api/fulfilment/my-point/" + world.pickupDate + "/receipt", Map.of());
		var handedOut = leader.post("/api/leader/pickups", Map.of("pickupCode",
				resident.get("/api/orders/" + order.get("id").asLong()).json().get("pickupCode").asText()));
		org.assertj.core.api.Assertions.assertThat(handedOut.status()).as(handedOut.toString()).isEqualTo(200);
		return new PickedUp(world, oranges, phone, order, operator);
	}

	@Test
	void aResidentReviewsAProductAndSeesItOnTheProductPage() throws Exception {
		var p = pickedUp("王秀英");
		long orderId = p.order().get("id").asLong();
		Path photo = Files.createTempFile("orange", ".png");
		Files.write(photo, PNG);

		signIn(p.phone(), "secret123");
		page.navigate(url("/shop/orders/" + orderId));
		htmxReady();
		page.locator(".review-link").first().click();
		assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/shop/reviews/new.*"));
		page.check("#product-stars-4");
		page.check("#leader-stars-5");
		page.fill("#review-text", "橙子很甜，水分足，团长送货及时");
		page.setInputFiles("#review-photos", photo);
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/ReviewsBrowserTests-form.png"))
			.setFullPage(true));
		page.click("#review-submit");

		assertThat(page.locator("#review-posted")).isVisible();
		assertThat(page.locator(".my-review").first()).containsText("橙子很甜");

		page.navigate(url("/shop/orders/" + orderId));
		htmxReady();
		assertThat(page.locator(".review-slot .reviewed").first()).isVisible();

		page.navigate(url("/shop/listings/" + p.listing().id().value()));
		htmxReady();
		var reviews = page.locator("#product-reviews");
		assertThat(reviews).containsText("橙子很甜，水分足，团长送货及时");
		assertThat(page.locator("#review-average")).hasText("4.0");
		assertThat(page.locator("#review-count")).containsText("1");
		assertThat(reviews.locator(".review-author").first()).hasText("王**");
		assertThat(reviews.locator(".review-photos img")).hasCount(1);
		reviews.scrollIntoViewIfNeeded();
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/ReviewsBrowserTests-product.png"))
			.setFullPage(true));

		// the help centre: a search in Chinese, and where the order is
		page.navigate(url("/shop/help"));
		page.fill("#help-q", "怎么取货");
		page.click("#help-search button");
		assertThat(page.locator("#help-results .faq-result").first()).containsText("取货");
		assertThat(page.locator("#where-is-my-order")).containsText(p.order().get("orderNo").asText());
	}

	@Test
	void anOperatorHidesAReviewInTheConsoleWithAReason() {
		var p = pickedUp("陈建国");
		Api resident = Api.at(port).as(p.phone(), "secret123");
		long orderId = p.order().get("id").asLong();
		long lineId = p.order().get("lines").get(0).get("id").asLong();
		// posted through the resident's page form (the API takes multipart; the page is simpler here)
		var session = com.linli.ordering.WebSession.signIn(port, p.phone(), "secret123");
		var form = session.get("/shop/reviews/new?orderId=" + orderId + "&lineId=" + lineId);
		org.assertj.core.api.Assertions.assertThat(form.status()).isEqualTo(200);
		String text = "垃圾广告 加微信" + MarketingFixtures.next();
		session.post("/shop/reviews", "orderId=" + orderId + "&lineId=" + lineId + "&productStars=1&text="
				+ java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8), form);
		org.assertj.core.api.Assertions.assertThat(resident.get("/api/aftersales/reviews").text()).contains(text);

		page.setViewportSize(1366, 850);
		String operatorPhone = Api.newPhone();
		Api.at(port).asAdmin().post("/api/admin/accounts", Map.of("phone", operatorPhone, "displayName", "运营小林",
				"password", "secret123", "roles", new String[] { "OPERATOR" }, "regionIds",
				new long[] { p.world().region.id().value() }));
		signIn(operatorPhone, "secret123");
		page.navigate(url("/console/reviews?regionId=" + p.world().region.id().value()));
		htmxReady();
		var row = page.locator("tr", new Page.LocatorOptions().setHasText(text));
		assertThat(row).hasCount(1);
		htmxSwap(() -> row.locator("button.hide").click());
		assertThat(page.locator("tr", new Page.LocatorOptions().setHasText(text)).locator(".error")).isVisible();
		var again = page.locator("tr", new Page.LocatorOptions().setHasText(text));
		again.locator("input[name=reason]").fill("广告内容");
		htmxSwap(() -> again.locator("button.hide").click());
		assertThat(page.locator("tr", new Page.LocatorOptions().setHasText(text)).locator(".hidden-reason"))
			.hasText("广告内容");
		org.assertj.core.api.Assertions.assertThat(Api.at(port).anonymous()
			.get("/api/storefront/products/" + beans.getBean(com.linli.catalog.SkuManagement.class)
				.getSku(p.listing().skuId()).productId().value() + "/reviews").text()).doesNotContain(text);
		page.navigate(url("/console/help"));
		assertThat(page.locator("table.faqs")).containsText("退款多久到账？");
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/ReviewsBrowserTests-help-console.png"))
			.setFullPage(true));
		page.navigate(url("/console/reviews?regionId=" + p.world().region.id().value()));
	}
}
