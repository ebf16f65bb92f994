package com.linli.marketing.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.TestClock;
import com.linli.marketing.MarketingFixtures;
import com.linli.ordering.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The console's promotion pages for the operator of the region only, and the storefront home's sections. */
@IntegrationTest
class CampaignPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	static String account(Api api, String role, long regionId) {
		String phone = Api.newPhone();
		var r = api.asAdmin().post("/api/admin/accounts", Map.of("phone", phone, "displayName", "运营" + MarketingFixtures.next(),
				"password", "secret123", "roles", new String[] { role }, "regionIds", new long[] { regionId }));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return phone;
	}

	@Test
	void theOperatorSeesTheCampaignPagesAndTheResidentTheBannerAndTheNewResidentOffer() {
		var fixtures = new MarketingFixtures(context);
		var region = fixtures.region();
		var point = fixtures.pickupPoint(region, "页面小区" + MarketingFixtures.next(), 30.5, 114.3);
		var fruit = fixtures.category("水果", 1);
		String product = "丹东草莓" + MarketingFixtures.next();
		var sku = fixtures.sku(fruit, product, "1斤");
		Api api = Api.at(port);
		String operatorPhone = account(api, "OPERATOR", region.id().value());
		Api operator = api.as(operatorPhone, "secret123");
		var listed = operator.post("/api/listings", new HashMap<String, Object>(Map.of("regionId", region.id().value(), "skuId",
				sku.id().value(), "groupPriceFen", 3990, "stockCap", 100, "perResidentLimit", 5, "pickupDate",
				TestClock.today().plusDays(2).toString())));
		assertThat(listed.status()).as(listed.toString()).isEqualTo(201);
		long listing = listed.id();
		String name = "双12 页面" + MarketingFixtures.next();
		long campaign = operator.post("/api/admin/marketing/campaigns", Map.of("regionId", region.id().value(), "name", name,
				"festival", "DOUBLE_TWELVE", "startsOn", TestClock.today().minusDays(8).toString(), "budgetFen", 500_000)).id();
		operator.post("/api/admin/marketing/campaigns/" + campaign + "/schedule", Map.of());
		operator.post("/api/admin/marketing/campaigns/" + campaign + "/start", Map.of()); // unless the campaign clock did
		operator.post("/api/admin/marketing/reductions", Map.of("campaignId", campaign, "name", "满减", "tiers",
				List.of(Map.of("thresholdFen", 3900, "amountFen", 500), Map.of("thresholdFen", 6900, "amountFen", 1200))));
		assertThat(operator.post("/api/admin/marketing/offers", Map.of("listingId", listing, "kind", "NEW_RESIDENT", "priceFen",
				990)).status()).isEqualTo(201);

		var console = WebSession.signIn(port, operatorPhone, "secret123");
		var list = console.get("/console/campaigns");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains(name).contains("进行中");
		var detail = console.get("/console/campaigns/" + campaign);
		assertThat(detail.status()).isEqualTo(200);
		assertThat(detail.body()).contains("满39减5 / 满69减12").contains("campaign-chart").contains("爆发期");
		assertThat(console.get("/console/reductions").body()).contains("满39减5 / 满69减12");
		assertThat(console.get("/console/offers").body()).contains("新人首单价");

		var stranger = WebSession.signIn(port, account(api, "OPERATOR", fixtures.region().id().value()), "secret123");
		assertThat(stranger.get("/console/campaigns/" + campaign).status()).isEqualTo(403);
		assertThat(stranger.get("/console/campaigns").body()).doesNotContain(name);
		assertThat(stranger.get("/console/reductions").body()).doesNotContain("campaign/" + campaign);

		String residentPhone = Api.newPhone();
		assertThat(api.post("/api/auth/register", Map.of("phone", residentPhone, "displayName", "新邻居", "password", "secret123"))
			.status()).isEqualTo(201);
		var resident = api.as(residentPhone, "secret123");
		assertThat(resident.put("/api/me/pickup-point", Map.of("pickupPointId", point.id().value())).status()).isEqualTo(200);
		var home = WebSession.signIn(port, residentPhone, "secret123").get("/shop");
		assertThat(home.status()).isEqualTo(200);
		assertThat(home.body()).contains("campaign-banner").contains(name).contains("满39减5 / 满69减12").contains("爆发期");
		assertThat(home.body()).contains("new-resident-offers").contains(product).contains("9.90");
	}
}
