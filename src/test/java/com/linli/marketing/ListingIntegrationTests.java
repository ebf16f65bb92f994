package com.linli.marketing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.TestClock;
import com.linli.catalog.Category;
import com.linli.catalog.Sku;
import com.linli.catalog.SkuManagement;
import com.linli.network.Region;
import com.linli.shared.ActedBy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Operators publish, change and withdraw listings through the REST API; every bad input is a 400 naming the field. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListingIntegrationTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	SkuManagement catalog;

	MarketingFixtures fixtures;

	Category fruit;

	@BeforeAll
	void setUp() {
		fixtures = new MarketingFixtures(context);
		fruit = fixtures.category("水果", 1);
	}

	Api api() {
		return Api.at(port);
	}

	/** Two days ahead: its default cutoff (23:00 tomorrow) is in the future whenever the test runs. */
	static LocalDate pickupDate() {
		return TestClock.today().plusDays(2);
	}

	static Map<String, Object> body(Region region, Sku sku) {
		var body = new HashMap<String, Object>();
		body.put("regionId", region.id().value());
		body.put("skuId", sku.id().value());
		body.put("groupPriceFen", 1280);
		body.put("listPriceFen", 1990);
		body.put("stockCap", 200);
		body.put("perResidentLimit", 5);
		body.put("pickupDate", pickupDate().toString());
		return body;
	}

	static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
		var copy = new HashMap<>(body);
		copy.put(key, value);
		return copy;
	}

	long listingsIn(Region region) {
		return jdbc.sql("select count(*) from marketing.listing where region_id = ?").param(region.id().value())
			.query(Long.class).single();
	}

	@Test
	void operatorPublishesAListingWithTheDefaultCutoffAndItIsAudited() {
		Region region = fixtures.region();
		Sku sku = fixtures.sku(fruit, "红富士苹果", "5斤装");
		var operator = MarketingFixtures.operatorOf(api(), region);

		var published = operator.post("/api/listings", body(region, sku));

		assertThat(published.status()).as(published.toString()).isEqualTo(201);
		var json = published.json();
		assertThat(json.get("groupPriceFen").asLong()).isEqualTo(1280);
		assertThat(json.get("listPriceFen").asLong()).isEqualTo(1990);
		assertThat(json.get("name").asText()).isEqualTo("红富士苹果");
		assertThat(json.get("status").asText()).isEqualTo("ACTIVE");
		assertThat(json.get("phase").asText()).isEqualTo("OPEN");
		assertThat(json.get("remaining").asInt()).isEqualTo(200);
		Instant expectedCutoff = pickupDate().minusDays(1).atTime(23, 0).atZone(SHANGHAI).toInstant();
		assertThat(Instant.parse(json.get("cutoffAt").asText())).isEqualTo(expectedCutoff);

		long audited = jdbc.sql("select count(*) from identity.audit_log where action = 'listing.publish' and target = ?")
			.param("listing:" + published.id()).query(Long.class).single();
		assertThat(audited).isEqualTo(1);
		assertThat(operator.get("/api/listings/" + published.id()).json().get("skuId").asLong())
			.isEqualTo(sku.id().value());
	}

	@Test
	void everyBadInputIsA400NamingTheFieldAndCreatesNothing() {
		Region region = fixtures.region();
		Sku sku = fixtures.sku(fruit, "赣南脐橙", "3斤装");
		var admin = api().asAdmin();
		var good = body(region, sku);
		Instant pickupDayStart = pickupDate().atStartOfDay(SHANGHAI).toInstant();
		Instant defaultCutoff = pickupDate().minusDays(1).atTime(23, 0).atZone(SHANGHAI).toInstant();
		Map<String, Map<String, Object>> cases = new java.util.LinkedHashMap<>();
		cases.put("pickupDate", with(good, "pickupDate", TestClock.today().minusDays(1).toString()));
		cases.put("cutoffAt", with(good, "cutoffAt", pickupDayStart.toString()));
		cases.put("opensAt", with(good, "opensAt", defaultCutoff.plusSeconds(60).toString()));
		cases.put("groupPriceFen", with(good, "groupPriceFen", 0));
		cases.put("listPriceFen", with(good, "listPriceFen", 1000));
		cases.put("stockCap", with(good, "stockCap", -1));
		cases.put("perResidentLimit", with(good, "perResidentLimit", 0));
		cases.put("skuId", with(good, "skuId", 987_654_321L));
		cases.put("regionId", with(good, "regionId", 987_654_321L));
		for (var c : cases.entrySet()) {
			var response = admin.post("/api/listings", c.getValue());
			assertThat(response.status()).as(c.getKey() + ": " + response).isEqualTo(400);
			assertThat(response.contentType()).contains("application/problem+json");
			assertThat(response.errorFields()).as(c.getKey() + ": " + response).containsExactly(c.getKey());
		}
		var negative = admin.post("/api/listings", with(good, "groupPriceFen", -100));
		assertThat(negative.status()).isEqualTo(400);
		assertThat(negative.errorFields()).containsExactly("groupPriceFen");
		var cutoffLater = admin.post("/api/listings",
				with(good, "cutoffAt", pickupDayStart.plusSeconds(8 * 3600).toString()));
		assertThat(cutoffLater.errorFields()).containsExactly("cutoffAt");
		assertThat(listingsIn(region)).isZero();
	}

	@Test
	void anInactiveSkuCannotBeListed() {
		Region region = fixtures.region();
		Sku sku = fixtures.sku(fruit, "库尔勒香梨", "2斤装");
		catalog.setSkuActive(sku.id(), false, ActedBy.system("test"));
		var response = api().asAdmin().post("/api/listings", body(region, sku));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorFields()).containsExactly("skuId");
		assertThat(listingsIn(region)).isZero();
	}

	@Test
	void anonymousCallersGet401AndResidentsGet403() {
		Region region = fixtures.region();
		Sku sku = fixtures.sku(fruit, "海南香蕉", "3斤装");
		assertThat(api().post("/api/listings", body(region, sku)).status()).isEqualTo(401);
		assertThat(api().get("/api/listings").status()).isEqualTo(401);
		var resident = api().newResident();
		assertThat(resident.post("/api/listings", body(region, sku)).status()).isEqualTo(403);
		assertThat(resident.get("/api/listings").status()).isEqualTo(403);
		assertThat(listingsIn(region)).isZero();
	}

	@Test
	void operatorsListOnlyInTheirRegionsAndSeeOnlyThem() {
		Region mine = fixtures.region();
		Region other = fixtures.region();
		Sku sku = fixtures.sku(fruit, "阳光玫瑰葡萄", "1斤装");
		var operator = MarketingFixtures.operatorOf(api(), mine);

		var refused = operator.post("/api/listings", body(other, sku));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(listingsIn(other)).isZero();

		long othersListing = api().asAdmin().post("/api/listings", body(other, sku)).id();
		assertThat(operator.post("/api/listings/" + othersListing + "/withdraw", Map.of()).status()).isEqualTo(403);
		assertThat(operator.put("/api/listings/" + othersListing, Map.of("groupPriceFen", 100, "stockCap", 1,
				"perResidentLimit", 1)).status()).isEqualTo(403);
		assertThat(operator.get("/api/listings/" + othersListing).status()).isEqualTo(403);
		assertThat(operator.get("/api/listings?regionId=" + other.id().value()).status()).isEqualTo(403);

		long myListing = operator.post("/api/listings", body(mine, sku)).id();
		var all = operator.get("/api/listings?pickupDate=" + pickupDate() + "&size=200").json();
		var ids = new java.util.ArrayList<Long>();
		all.get("items").forEach(i -> ids.add(i.get("id").asLong()));
		assertThat(ids).contains(myListing).doesNotContain(othersListing);
	}

	@Test
	void oneActiveListingPerSkuRegionAndPickupDateAndAWithdrawnOneMayBeListedAgain() {
		Region region = fixtures.region();
		Sku sku = fixtures.sku(fruit, "丹东草莓", "1盒");
		var admin = api().asAdmin();
		long first = admin.post("/api/listings", body(region, sku)).id();

		var twice = admin.post("/api/listings", body(region, sku));
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.errorFields()).containsExactly("skuId");

		var withdrawn = admin.post("/api/listings/" + first + "/withdraw", Map.of());
		assertThat(withdrawn.status()).isEqualTo(200);
		assertThat(withdrawn.json().get("status").asText()).isEqualTo("WITHDRAWN");
		var again = admin.post("/api/listings/" + first + "/withdraw", Map.of());
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("code").asText()).isEqualTo("illegal-transition");

		assertThat(admin.post("/api/listings", body(region, sku)).status()).isEqualTo(201);
		assertThat(listingsIn(region)).isEqualTo(2);
	}

	@Test
	void updateChangesPricesAndCapButNeverBelowWhatIsSold() {
		Region region = fixtures.region();
		Sku sku = fixtures.sku(fruit, "四川丑橘", "5斤装");
		var admin = api().asAdmin();
		long id = admin.post("/api/listings", body(region, sku)).id();
		jdbc.sql("update marketing.listing set sold = 30 where id = ?").param(id).update();

		var belowSold = admin.put("/api/listings/" + id, Map.of("groupPriceFen", 990, "stockCap", 29,
				"perResidentLimit", 3));
		assertThat(belowSold.status()).isEqualTo(400);
		assertThat(belowSold.errorFields()).containsExactly("stockCap");

		var badList = admin.put("/api/listings/" + id, Map.of("groupPriceFen", 990, "listPriceFen", 980,
				"stockCap", 50, "perResidentLimit", 3));
		assertThat(badList.status()).isEqualTo(400);
		assertThat(badList.errorFields()).containsExactly("listPriceFen");

		var updated = admin.put("/api/listings/" + id, Map.of("groupPriceFen", 990, "stockCap", 30,
				"perResidentLimit", 3));
		assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
		assertThat(updated.json().get("groupPriceFen").asLong()).isEqualTo(990);
		assertThat(updated.json().has("listPriceFen")).isFalse();
		assertThat(updated.json().get("remaining").asInt()).isZero();
		assertThat(updated.json().get("sold").asInt()).isEqualTo(30);
	}

	@Test
	void aListingPastItsCutoffCanNoLongerChangeOrBeWithdrawn() {
		Region region = fixtures.region();
		Sku sku = fixtures.sku(fruit, "新疆哈密瓜", "1个");
		var admin = api().asAdmin();
		long id = admin.post("/api/listings", body(region, sku)).id();
		jdbc.sql("update marketing.listing set opens_at = ?, cutoff_at = ? where id = ?")
			.params(java.sql.Timestamp.from(TestClock.now().minus(java.time.Duration.ofDays(2))), java.sql.Timestamp.from(TestClock.now().minusSeconds(3600)), id).update();

		var update = admin.put("/api/listings/" + id, Map.of("groupPriceFen", 990, "stockCap", 30, "perResidentLimit", 3));
		assertThat(update.status()).isEqualTo(409);
		assertThat(update.json().get("code").asText()).isEqualTo("listing-closed");
		assertThat(admin.post("/api/listings/" + id + "/withdraw", Map.of()).status()).isEqualTo(409);
		assertThat(admin.get("/api/listings/" + id).json().get("phase").asText()).isEqualTo("CLOSED");
	}

	@Test
	void consoleSearchFiltersByTextStatusAndDate() {
		Region region = fixtures.region();
		Sku apple = fixtures.sku(fruit, "阿克苏冰糖心苹果", "5斤装");
		Sku pear = fixtures.sku(fruit, "砀山酥梨", "5斤装");
		var admin = api().asAdmin();
		long appleListing = admin.post("/api/listings", body(region, apple)).id();
		long pearListing = admin.post("/api/listings", body(region, pear)).id();
		admin.post("/api/listings/" + pearListing + "/withdraw", Map.of());
		String base = "/api/listings?regionId=" + region.id().value();

		var byText = admin.get(base + "&q=" + java.net.URLEncoder.encode("冰糖心", java.nio.charset.StandardCharsets.UTF_8));
		assertThat(byText.json().get("total").asLong()).isEqualTo(1);
		assertThat(byText.json().get("items").get(0).get("id").asLong()).isEqualTo(appleListing);

		var withdrawn = admin.get(base + "&status=WITHDRAWN");
		assertThat(withdrawn.json().get("total").asLong()).isEqualTo(1);
		assertThat(withdrawn.json().get("items").get(0).get("id").asLong()).isEqualTo(pearListing);

		assertThat(admin.get(base + "&pickupDate=" + pickupDate()).json().get("total").asLong()).isEqualTo(2);
		assertThat(admin.get(base + "&pickupDate=" + pickupDate().plusDays(1)).json().get("total").asLong()).isZero();
		var paged = admin.get(base + "&size=1&page=1").json();
		assertThat(paged.get("items")).hasSize(1);
		assertThat(paged.get("total").asLong()).isEqualTo(2);
	}
}
