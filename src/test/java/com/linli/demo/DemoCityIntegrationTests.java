package com.linli.demo;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.catalog.SkuManagement;
import com.linli.demo.internal.DemoBanner;
import com.linli.identity.Role;
import com.linli.shared.BusinessRuleException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A small demo city (6 communities, 60 residents, the whole catalog) loaded into the shared test
 * database under its own tag and login numbers, then used through the HTTP API as its people would.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoCityIntegrationTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	DemoLoader loader;

	@Autowired
	SkuManagement catalog;

	@Autowired
	DemoBanner banner;

	@Autowired
	Clock clock;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	CityPlan plan;

	LoadedCity loaded;

	ListingWindow window;

	@BeforeAll
	void loadASmallCity() {
		long unique = System.nanoTime();
		String tag = "T" + (unique % 100_000);
		String loginPrefix = "137" + String.format("%06d", (unique / 7) % 1_000_000);
		plan = new CityGenerator().generate(new DemoSettings(unique, 1, 6, 60, tag, loginPrefix));
		// open at once (not at 10:00) so that the storefront shows them whatever the hour of the test run
		window = new ListingWindow(ListingWindow.next(SHANGHAI, clock.instant()).pickupDate(), clock.instant());
		loaded = loader.load(plan, window);
	}

	Api api() {
		return Api.at(port);
	}

	@Test
	void loadsTheWholePlan() {
		assertThat(loaded.regions()).hasSize(1);
		assertThat(loaded.pickupPoints()).isEqualTo(6);
		assertThat(loaded.residents()).isEqualTo(60);
		assertThat(loaded.listings()).isEqualTo(plan.regions().get(0).listings().size());
		assertThat(loaded.pickupDate()).isEqualTo(window.pickupDate());
	}

	@Test
	void aResidentOfTheDemoSeesTomorrowsListingsAtTheirPickupPoint() {
		var region = plan.regions().get(0);
		var resident = region.residents().get(region.residents().size() - 1);
		var community = region.communities().get(resident.community());
		var me = api().as(resident.phone(), CityGenerator.DEMO_PASSWORD);

		var pickupPoint = me.get("/api/me/pickup-point");
		assertThat(pickupPoint.status()).isEqualTo(200);
		assertThat(pickupPoint.json().get("name").asText()).isEqualTo(community.pickupPoint().name());
		long pickupPointId = pickupPoint.json().get("id").asLong();

		var storefront = me.get("/api/storefront/listings?pickupPointId=" + pickupPointId);
		assertThat(storefront.status()).isEqualTo(200);
		List<JsonNode> items = new ArrayList<>();
		storefront.json().get("categories").forEach(section -> section.get("items").forEach(items::add));
		// leader-only items of other pickup points are not shown here
		long elsewhereOnly = jdbc.sql("""
				select count(*) from marketing.listing l
				 where l.pickup_date = ? and l.status = 'ACTIVE'
				   and l.region_id = (select region_id from marketing.listing where id = ?)
				   and exists (select 1 from marketing.listing_pickup_point p where p.listing_id = l.id)
				   and not exists (select 1 from marketing.listing_pickup_point p where p.listing_id = l.id and p.pickup_point_id = ?)""")
			.params(window.pickupDate(), items.get(0).get("listingId").asLong(), pickupPointId).query(Long.class).single();
		assertThat(items).hasSize(region.listings().size() - (int) elsewhereOnly);
		assertThat(items).allSatisfy(item -> {
			assertThat(item.get("pickupDate").asText()).isEqualTo(window.pickupDate().toString());
			assertThat(item.get("groupPriceFen").asLong()).isPositive();
		});
		Set<String> names = new HashSet<>();
		items.forEach(item -> names.add(item.get("name").asText() + " " + item.get("spec").asText()));
		var first = region.listings().get(0);
		var product = plan.products().get(first.product());
		assertThat(names).contains(product.name() + " " + product.skus().get(first.sku()).spec());
	}

	@Test
	void everyDemoLoginSignsInWithItsRole() {
		for (var login : plan.logins()) {
			var me = api().as(login.phone(), login.password()).get("/api/me");
			assertThat(me.status()).as(login.role().name()).isEqualTo(200);
			List<String> roles = new ArrayList<>();
			me.json().get("roles").forEach(r -> roles.add(r.asText()));
			assertThat(roles).as(login.phone()).contains(login.role().name());
			assertThat(me.json().get("displayName").asText()).isEqualTo(login.displayName());
		}
		var operator = api().as(plan.login(Role.OPERATOR).phone(), CityGenerator.DEMO_PASSWORD).get("/api/me");
		List<Long> regions = new ArrayList<>();
		operator.json().get("regionIds").forEach(r -> regions.add(r.asLong()));
		assertThat(regions).containsExactly(loaded.regions().get(0).value());
	}

	@Test
	void theLeaderLoginLeadsTheFirstPickupPointAndTheResidentLoginCollectsThere() {
		var leader = api().as(plan.login(Role.LEADER).phone(), CityGenerator.DEMO_PASSWORD).get("/api/me");
		List<String> roles = new ArrayList<>();
		leader.json().get("roles").forEach(r -> roles.add(r.asText()));
		assertThat(roles).contains("LEADER", "RESIDENT");
		var resident = api().as(plan.login(Role.RESIDENT).phone(), CityGenerator.DEMO_PASSWORD)
			.get("/api/me/pickup-point");
		assertThat(resident.json().get("id").asLong()).isEqualTo(loaded.firstPickupPoint().value());
	}

	@Test
	void theBannerNamesEachLoginWithWhatItIsFor(CapturedOutput output) {
		banner.printLogins(plan.settings());
		var region = plan.regions().get(0);
		String firstPoint = region.communities().get(0).pickupPoint().name();
		assertThat(output).contains("http://localhost:" + port)
			.contains(plan.login(Role.OPERATOR).phone() + "  /console    " + plan.login(Role.OPERATOR).displayName()
					+ " · " + region.name())
			.contains(plan.login(Role.LEADER).phone() + "  /leader     " + plan.login(Role.LEADER).displayName() + " · "
					+ firstPoint)
			.contains(plan.login(Role.RESIDENT).phone() + "  /shop       " + plan.login(Role.RESIDENT).displayName() + " · "
					+ firstPoint)
			.contains(plan.login(Role.SUPPLIER).phone() + "  /supplier   " + plan.login(Role.SUPPLIER).displayName()
					+ " · " + plan.suppliers().get(0).name())
			.contains(plan.login(Role.DRIVER).phone());
	}

	@Test
	void aFailedLoadLeavesNothingBehind() {
		int skusBefore = catalog.searchSkus("红富士苹果", 1000).size();
		// another city under the same tag: the catalog goes in, then its region code is taken
		var settings = plan.settings();
		var clash = new CityGenerator().generate(new DemoSettings(settings.seed() + 1, 1, 2, 5, settings.tag(),
				"136" + settings.loginPhonePrefix().substring(3)));
		assertThatThrownBy(() -> loader.load(clash, window)).isInstanceOf(BusinessRuleException.class)
			.hasMessageContaining(clash.regions().get(0).code());
		assertThat(catalog.searchSkus("红富士苹果", 1000)).hasSize(skusBefore);
	}
}
