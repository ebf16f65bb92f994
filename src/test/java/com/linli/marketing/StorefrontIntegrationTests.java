package com.linli.marketing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.TestClock;
import com.linli.catalog.Category;
import com.linli.catalog.Sku;
import com.linli.network.PickupPoint;
import com.linli.network.Region;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public storefront API: what is open now at a pickup point, grouped by category with the hot and
 * new strips, search, the product page. Windows straddle the real now; closed ones are moved into the past.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StorefrontIntegrationTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	MarketingFixtures fixtures;

	Category fruit;

	Category vegetables;

	@BeforeAll
	void setUp() {
		fixtures = new MarketingFixtures(context);
		fruit = fixtures.category("水果", 1);
		vegetables = fixtures.category("蔬菜", 2);
	}

	Api admin() {
		return Api.at(port).asAdmin();
	}

	Api anonymous() {
		return Api.at(port);
	}

	static LocalDate pickupDate() {
		return TestClock.today().plusDays(2);
	}

	long publish(Region region, Sku sku, Instant opensAt) {
		var body = new HashMap<String, Object>();
		body.put("regionId", region.id().value());
		body.put("skuId", sku.id().value());
		body.put("groupPriceFen", 990);
		body.put("listPriceFen", 1500);
		body.put("stockCap", 100);
		body.put("perResidentLimit", 5);
		body.put("pickupDate", pickupDate().toString());
		if (opensAt != null) {
			body.put("opensAt", opensAt.toString());
		}
		var response = admin().post("/api/listings", body);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.id();
	}

	void setSold(long listing, int sold) {
		jdbc.sql("update marketing.listing set sold = ? where id = ?").params(sold, listing).update();
	}

	static List<Long> ids(JsonNode items) {
		List<Long> ids = new ArrayList<>();
		items.forEach(i -> ids.add(i.get("listingId").asLong()));
		return ids;
	}

	static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	@Test
	void onlyListingsOpenNowInThePickupPointsRegionAreShownGroupedByCategory() {
		Region region = fixtures.region();
		Region elsewhere = fixtures.region();
		PickupPoint point = fixtures.pickupPoint(region, "金色家园" + MarketingFixtures.next(), 31.23, 121.47);
		Instant now = TestClock.now();
		long apples = publish(region, fixtures.sku(fruit, "红富士苹果", "5斤装"), now.minus(1, ChronoUnit.HOURS));
		long spinach = publish(region, fixtures.sku(vegetables, "有机菠菜", "500g"), null);
		long upcoming = publish(region, fixtures.sku(fruit, "海南芒果", "3斤装"), now.plus(2, ChronoUnit.HOURS));
		long closed = publish(region, fixtures.sku(fruit, "烟台樱桃", "1斤装"), null);
		jdbc.sql("update marketing.listing set opens_at = ?, cutoff_at = ? where id = ?")
			.params(java.sql.Timestamp.from(TestClock.now().minus(Duration.ofDays(2))), java.sql.Timestamp.from(TestClock.now().minusSeconds(60)), closed).update();
		long withdrawn = publish(region, fixtures.sku(fruit, "云南蓝莓", "2盒"), null);
		admin().post("/api/listings/" + withdrawn + "/withdraw", Map.of());
		long otherRegion = publish(elsewhere, fixtures.sku(fruit, "赣南脐橙", "5斤装"), null);

		var response = anonymous().get("/api/storefront/listings?pickupPointId=" + point.id().value());

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		var json = response.json();
		assertThat(json.get("pickupPoint").get("name").asText()).isEqualTo(point.name());
		var categories = json.get("categories");
		assertThat(categories).hasSize(2);
		assertThat(categories.get(0).get("name").asText()).isEqualTo(fruit.name());
		assertThat(ids(categories.get(0).get("items"))).containsExactly(apples);
		assertThat(categories.get(1).get("name").asText()).isEqualTo(vegetables.name());
		assertThat(ids(categories.get(1).get("items"))).containsExactly(spinach);
		var item = categories.get(0).get("items").get(0);
		assertThat(item.get("name").asText()).isEqualTo("红富士苹果");
		assertThat(item.get("spec").asText()).isEqualTo("5斤装");
		assertThat(item.get("unit").asText()).isEqualTo("份");
		assertThat(item.get("groupPriceFen").asLong()).isEqualTo(990);
		assertThat(item.get("listPriceFen").asLong()).isEqualTo(1500);
		assertThat(item.get("remaining").asInt()).isEqualTo(100);
		assertThat(item.get("imageUrl").asText()).startsWith("/media/products/");
		assertThat(item.get("pickupDate").asText()).isEqualTo(pickupDate().toString());
		assertThat(item.get("cutoffAt").asText()).isNotBlank();
		assertThat(List.of(upcoming, closed, withdrawn, otherRegion)).doesNotContainAnyElementsOf(
				ids(categories.get(0).get("items")));
	}

	@Test
	void hotShowsTheEightBestSellersAndNewShowsRecentProductsOrListings() {
		Region region = fixtures.region();
		PickupPoint point = fixtures.pickupPoint(region, "锦绣花园" + MarketingFixtures.next(), 31.2, 121.4);
		List<Long> listings = new ArrayList<>();
		for (int i = 1; i <= 9; i++) {
			long id = publish(region, fixtures.sku(fruit, "爆款水果" + i + "号", "1份"), null);
			setSold(id, i * 10);
			listings.add(id);
		}
		long unsold = publish(region, fixtures.sku(vegetables, "本地小白菜", "500g"), null);
		// an old product listed three days ago is neither hot (nothing sold) nor new
		Sku potato = fixtures.sku(vegetables, "土豆", "2斤");
		long old = publish(region, potato, null);
		jdbc.sql("update marketing.listing set opens_at = ? where id = ?").params(java.sql.Timestamp.from(TestClock.now().minus(Duration.ofDays(3))), old).update();
		long oldProduct = potato.productId().value();
		jdbc.sql("update catalog.product set created_at = ? where id = ?").params(java.sql.Timestamp.from(TestClock.now().minus(Duration.ofDays(30))), oldProduct)
			.update();

		var json = anonymous().get("/api/storefront/listings?pickupPointId=" + point.id().value()).json();

		assertThat(ids(json.get("hot"))).containsExactly(listings.get(8), listings.get(7), listings.get(6),
				listings.get(5), listings.get(4), listings.get(3), listings.get(2), listings.get(1));
		assertThat(ids(json.get("new"))).hasSize(8).doesNotContain(old);
		assertThat(ids(json.get("hot"))).doesNotContain(unsold, old);
		assertThat(ids(json.get("categories").get(1).get("items"))).contains(unsold, old);
	}

	@Test
	void chineseSearchFindsOpenListingsBySubstring() {
		Region region = fixtures.region();
		PickupPoint point = fixtures.pickupPoint(region, "滨江苑" + MarketingFixtures.next(), 30.2, 120.2);
		long fuji = publish(region, fixtures.sku(fruit, "红富士苹果", "5斤装"), null);
		long aksu = publish(region, fixtures.sku(fruit, "阿克苏冰糖心苹果", "10斤装"), null);
		publish(region, fixtures.sku(fruit, "海南香蕉", "3斤装"), null);
		long upcoming = publish(region, fixtures.sku(fruit, "青苹果", "2斤装"), TestClock.now().plus(3, ChronoUnit.HOURS));

		var response = anonymous().get("/api/storefront/search?pickupPointId=" + point.id().value() + "&q=" + encode("苹果"));

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(ids(response.json().get("items"))).containsExactlyInAnyOrder(fuji, aksu).doesNotContain(upcoming);
		var none = anonymous().get("/api/storefront/search?pickupPointId=" + point.id().value() + "&q=" + encode("榴莲"));
		assertThat(none.json().get("items")).isEmpty();
	}

	@Test
	void searchShowsWhatTheProductIsBeforeWhatMerelyContainsTheWordThenBestSellers() {
		Region region = fixtures.region();
		PickupPoint point = fixtures.pickupPoint(region, "鸡蛋苑" + MarketingFixtures.next(), 30.2, 120.2);
		long noodles = publish(region, fixtures.sku(vegetables, "鸡蛋挂面", "1kg"), null);
		long pudding = publish(region, fixtures.sku(vegetables, "鸡蛋布丁杯", "4杯"), null);
		long fresh = publish(region, fixtures.sku(fruit, "鲜鸡蛋", "30枚"), null);
		long local = publish(region, fixtures.sku(fruit, "土鸡蛋", "30枚"), null);
		long cake = publish(region, fixtures.sku(vegetables, "手工鸡蛋糕", "6个"), null);
		long exact = publish(region, fixtures.sku(fruit, "鸡蛋", "10枚"), null);
		setSold(noodles, 50);
		setSold(pudding, 80);
		setSold(fresh, 3);
		setSold(local, 9);
		setSold(cake, 90);

		var response = anonymous().get("/api/storefront/search?pickupPointId=" + point.id().value() + "&q=" + encode("鸡蛋"));

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		// exact name, then names ending with the word (they are eggs), starting with it, containing it; sales within
		assertThat(ids(response.json().get("items"))).containsExactly(exact, local, fresh, pudding, noodles, cake);
	}

	@Test
	void theProductPageTellsStorageShelfLifeOriginAndPhase() {
		Region region = fixtures.region();
		Sku sku = fixtures.sku(fruit, "丹东99草莓", "1盒");
		long id = publish(region, sku, null);

		var json = anonymous().get("/api/storefront/listings/" + id).json();

		assertThat(json.get("name").asText()).isEqualTo("丹东99草莓");
		assertThat(json.get("storage").asText()).isEqualTo("CHILLED");
		assertThat(json.get("shelfLifeDays").asInt()).isEqualTo(7);
		assertThat(json.get("origin").asText()).isEqualTo("山东烟台");
		assertThat(json.get("description").asText()).contains("产地直采");
		assertThat(json.get("phase").asText()).isEqualTo("OPEN");
		assertThat(json.get("groupPriceFen").asLong()).isEqualTo(990);
		assertThat(anonymous().get("/api/storefront/listings/987654321").status()).isEqualTo(404);
	}

	@Test
	void aMissingOrUnknownPickupPointIsAClearError() {
		var missing = anonymous().get("/api/storefront/listings");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.errorFields()).containsExactly("pickupPointId");
		assertThat(anonymous().get("/api/storefront/listings?pickupPointId=987654321").status()).isEqualTo(404);
		var blank = anonymous().get("/api/storefront/search?pickupPointId=1&q=");
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.errorFields()).containsExactly("q");
	}
}
