package com.linli.marketing.engine;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.identity.AccountId;
import com.linli.marketing.Listing;
import com.linli.marketing.MarketingFixtures;
import com.linli.ordering.OrderingFixtures;
import com.linli.ordering.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's pages: the storefront review shows the explanation and re-quotes (htmx) for other choices,
 * the resident's and the console's order pages show each deduction and the paid amount per line, and the
 * console's price preview answers for a resident of the operator's region only.
 */
@IntegrationTest
class EnginePagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	OrderingFixtures world;

	Listing apples;

	Api resident;

	String phone;

	long residentId;

	@BeforeEach
	void world() {
		world = new OrderingFixtures(context, port);
		apples = world.listing("页面苹果", "10.00", 500, 20);
		resident = world.resident();
		var me = resident.get("/api/me").json();
		residentId = me.get("id").asLong();
		phone = me.get("phone").asText();
		// 2 yuan off the order; real points to spend
		EngineTestPromotions.PLANS.put(new AccountId(residentId), new EngineTestPromotions.Plan(0, 200, 0));
		EngineTestPromotions.givePoints(context, new AccountId(residentId), 1000);
	}

	@Test
	void theReviewExplainsThePriceAndQuotesAgainForOtherChoices() {
		resident.post("/api/cart/items", Map.of("listingId", apples.id().value(), "quantity", 2));
		var web = WebSession.signIn(port, phone, "secret123");

		var review = web.get("/shop/checkout");
		assertThat(review.status()).isEqualTo(200);
		assertThat(review.body()).contains("满减").contains("−¥2.00").contains("id=\"review-total\">18.00<")
			.contains("id=\"coupon-choice\"").contains("id=\"points\"");

		var requoted = web.post("/shop/checkout/quote", "coupon=none&points=25", review);
		assertThat(requoted.status()).isEqualTo(200);
		assertThat(requoted.body()).contains("id=\"review-total\">17.75<").contains("积分抵扣").contains("25");
		var bad = web.post("/shop/checkout/quote", "coupon=best&points=abc", review);
		assertThat(bad.body()).contains("quote-error").contains("积分请填写整数");
		var tooMany = web.post("/shop/checkout/quote", "coupon=best&points=-3", review);
		assertThat(tooMany.body()).contains("quote-error");

		var placed = web.post("/shop/checkout", "key=page-" + System.nanoTime() + "&coupon=none&points=25", review);
		assertThat(placed.status()).isLessThan(500);
		var orders = resident.get("/api/orders").json();
		assertThat(orders).hasSize(1);
		assertThat(orders.get(0).get("totalFen").asLong()).isEqualTo(1775);
	}

	@Test
	void orderPagesShowEachDeductionAndWhatEachLinePaid() {
		var placed = resident.post("/api/orders", Map.of("items", List.of(Map.of("listingId", apples.id().value(),
				"quantity", 3))), Map.of("Idempotency-Key", "page-" + System.nanoTime()));
		assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
		long id = placed.id();

		var mine = WebSession.signIn(port, phone, "secret123").get("/shop/orders/" + id);
		assertThat(mine.body()).contains("line-discount").contains("满减 −¥2.00").contains("实付 ¥28.00")
			.contains("id=\"order-discount\"");

		var console = WebSession.signIn(port, Api.ADMIN_PHONE, Api.ADMIN_PASSWORD).get("/console/orders/" + id);
		assertThat(console.status()).isEqualTo(200);
		assertThat(console.body()).contains("满减 ¥2.00").contains("line-paid").contains("28.00");
	}

	@Test
	void theConsolePreviewAnswersForAResidentOfTheOperatorsRegion() {
		var admin = WebSession.signIn(port, Api.ADMIN_PHONE, Api.ADMIN_PASSWORD);
		var empty = admin.get("/console/promotions/preview");
		assertThat(empty.status()).isEqualTo(200);
		assertThat(empty.body()).contains("href=\"/console/promotions/preview\"");

		String items = URLEncoder.encode(apples.id().value() + "×2", StandardCharsets.UTF_8);
		var page = admin.get("/console/promotions/preview?residentId=" + residentId + "&items=" + items + "&points=10");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("页面苹果").contains("满减").contains("id=\"preview-payable\">¥17.90<");

		var bad = admin.get("/console/promotions/preview?residentId=" + residentId + "&items=apples");
		assertThat(bad.body()).contains("preview-failure");

		String strangerPhone = Api.newPhone();
		var created = Api.at(port).asAdmin().post("/api/admin/accounts", Map.of("phone", strangerPhone, "displayName",
				"外区运营" + MarketingFixtures.next(), "password", "secret123", "roles", List.of("OPERATOR")));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		var stranger = WebSession.signIn(port, strangerPhone, "secret123")
			.get("/console/promotions/preview?residentId=" + residentId + "&items=" + items);
		assertThat(stranger.status()).isEqualTo(403);
	}
}
