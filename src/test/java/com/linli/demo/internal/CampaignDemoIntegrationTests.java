package com.linli.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.TestClock;
import com.linli.demo.LoadedCity;
import com.linli.identity.Actor;
import com.linli.marketing.CampaignManagement;
import com.linli.marketing.CampaignPhase;
import com.linli.marketing.MarketingFixtures;
import com.linli.marketing.Offer;
import com.linli.marketing.OfferManagement;
import com.linli.marketing.ReductionManagement;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The demo city's campaign: a running 双12 with its full reduction, a listing discount and both offers. */
@IntegrationTest
class CampaignDemoIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	CampaignDemo demo;

	@Autowired
	CampaignManagement campaigns;

	@Autowired
	ReductionManagement reductions;

	@Autowired
	OfferManagement offers;

	@Test
	void theDemoCityOpensWithARunningCampaignAndOffers() {
		var fixtures = new MarketingFixtures(context);
		var region = fixtures.region();
		var point = fixtures.pickupPoint(region, "演示小区" + MarketingFixtures.next(), 30.5, 114.3);
		var fruit = fixtures.category("水果", 1);
		var operator = MarketingFixtures.operatorOf(Api.at(port), region);
		LocalDate pickup = TestClock.today().plusDays(2);
		for (long price : new long[] { 3990, 2590, 1290 }) {
			var sku = fixtures.sku(fruit, "演示商品" + MarketingFixtures.next(), "1份");
			var body = new HashMap<String, Object>(Map.of("regionId", region.id().value(), "skuId", sku.id().value(),
					"groupPriceFen", price, "stockCap", 100, "perResidentLimit", 5, "pickupDate", pickup.toString()));
			assertThat(operator.post("/api/listings", body).status()).isEqualTo(201);
		}

		demo.open(new LoadedCity(List.of(region.id()), point.id(), 1, 0, 3, 3, pickup, Duration.ZERO));

		var running = campaigns.banner(region.id(), TestClock.now(), region.zone());
		assertThat(running).hasValueSatisfying(b -> {
			assertThat(b.campaign().name()).isEqualTo("双12 年终大促");
			assertThat(b.phase()).isIn(CampaignPhase.WARM_UP, CampaignPhase.PEAK);
			assertThat(b.reductions()).containsExactly("满39减5 / 满69减12");
			assertThat(reductions.discountsOf(b.campaign().id())).singleElement()
				.satisfies(d -> assertThat(d.price().fen()).isEqualTo(3192));
		});
		var made = offers.list(Actor.system("test"), region.id().value());
		assertThat(made).extracting(Offer::kind).containsExactlyInAnyOrder(Offer.Kind.NEW_RESIDENT, Offer.Kind.ONE_YUAN);
	}

	@Test
	void theCampaignIsDoubleTwelveInItsWarmUpOrPeakElseStartedThreeDaysAgo() {
		assertThat(CampaignDemo.firstDay(LocalDate.of(2026, 12, 6))).isEqualTo(LocalDate.of(2026, 12, 3));
		assertThat(CampaignDemo.firstDay(LocalDate.of(2026, 12, 12))).isEqualTo(LocalDate.of(2026, 12, 3));
		assertThat(CampaignDemo.firstDay(LocalDate.of(2026, 12, 13))).isEqualTo(LocalDate.of(2026, 12, 10));
		assertThat(CampaignDemo.firstDay(LocalDate.of(2026, 6, 18))).isEqualTo(LocalDate.of(2026, 6, 15));
	}
}
