package com.linli.marketing.points;

import java.time.Clock;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.TestClock;
import com.linli.identity.AccountId;
import com.linli.marketing.DiscountKind;
import com.linli.marketing.ListingId;
import com.linli.marketing.MarketingFixtures;
import com.linli.marketing.PriceEngine;
import com.linli.marketing.PriceRequest;
import com.linli.marketing.internal.ResidentLevels;
import com.linli.marketing.internal.levels.GrowthLedger;
import com.linli.marketing.internal.levels.LevelCoupons;
import com.linli.network.Region;
import com.linli.shared.Money;
import com.linli.shared.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.linli.marketing.points.PointsTestSupport.idOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Membership levels through HTTP: operators configure levels and member prices; growth moves a resident
 * up; the price engine gives the member price of the levels reached; the monthly coupon is granted once.
 * Levels are platform-wide and the context is shared, so these tests use ranks 18 and 19 at growth values
 * no other test reaches.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MembershipIntegrationTests {

	static final long GOLD = 900_000_000L;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	GrowthLedger growth;

	@Autowired
	ResidentLevels levels;

	@Autowired
	PriceEngine engine;

	@Autowired
	LevelCoupons coupons;

	Api admin;

	Region region;

	Api operator;

	@BeforeAll
	void levelsAtTheTop() {
		admin = Api.at(port).asAdmin();
		var fixtures = new MarketingFixtures(context);
		region = fixtures.region();
		operator = MarketingFixtures.operatorOf(Api.at(port), region);
		List<Integer> ranks = admin.get("/api/admin/marketing/membership-levels").json().findValues("rank").stream()
			.map(JsonNode::asInt).toList();
		// the gold level's monthly coupon: a real template (the level is platform-wide, made once per context)
		var template = admin.post("/api/admin/marketing/coupon-templates", Map.of("name", "金卡月券", "kind", "FIXED",
				"amountFen", 500, "scope", "ALL", "regionIds", List.of(region.id().value()), "validDays", 30,
				"perResidentLimit", 100, "totalQuantity", 100_000, "claimable", false));
		assertThat(template.status()).as(template.toString()).isEqualTo(201);
		long monthly = template.json().get("id").asLong();
		if (!ranks.contains(18)) {
			var gold = admin.post("/api/admin/marketing/membership-levels", level(18, "测试金卡", GOLD, monthly));
			assertThat(gold.status()).as(gold.toString()).isEqualTo(201);
		}
		else {
			long id = admin.get("/api/admin/marketing/membership-levels").json().valueStream()
				.filter(l -> l.get("rank").asInt() == 18).findFirst().orElseThrow().get("id").asLong();
			var gold = admin.put("/api/admin/marketing/membership-levels/" + id, level(18, "测试金卡", GOLD, monthly));
			assertThat(gold.status()).as(gold.toString()).isEqualTo(200);
		}
		if (!ranks.contains(19)) {
			var diamond = admin.post("/api/admin/marketing/membership-levels", level(19, "测试钻石", GOLD + 100, null));
			assertThat(diamond.status()).as(diamond.toString()).isEqualTo(201);
		}
	}

	@Test
	void growthMovesAResidentUpAndTheirPageSaysWhatTheNextLevelNeeds() {
		Api resident = Api.at(port).newResident();
		AccountId id = idOf(resident);
		assertThat(levels.rankOf(id)).isZero();
		growth.add(id, GOLD + 40, Text.of("marketing.levels.reason.order", 1), "test:" + id.value() + ":growth",
				clock.instant());
		assertThat(levels.rankOf(id)).isEqualTo(18);
		var mine = resident.get("/api/marketing/membership").json();
		assertThat(mine.get("level").get("name").asText()).isEqualTo("测试金卡");
		assertThat(mine.get("next").get("rank").asInt()).isEqualTo(19);
		assertThat(mine.get("growthToNext").asLong()).isEqualTo(60);
	}

	@Test
	void membersPayTheMemberPriceOfTheLevelsTheyReached() {
		long listing = publishListing(1280);
		var set = operator.put("/api/admin/marketing/member-prices", Map.of("listingId", listing, "minRank", 18,
				"priceFen", 990));
		assertThat(set.status()).as(set.toString()).isEqualTo(200);
		var tooHigh = operator.put("/api/admin/marketing/member-prices", Map.of("listingId", listing, "minRank", 19,
				"priceFen", 1280));
		assertThat(tooHigh.status()).isEqualTo(400);
		assertThat(tooHigh.errorFields()).containsExactly("priceFen");
		var outsider = MarketingFixtures.operatorOf(Api.at(port), new MarketingFixtures(context).region());
		assertThat(outsider.put("/api/admin/marketing/member-prices", Map.of("listingId", listing, "minRank", 18,
				"priceFen", 100)).status()).isEqualTo(403);

		AccountId member = idOf(Api.at(port).newResident());
		growth.add(member, GOLD, Text.of("marketing.levels.reason.order", 2), "test:" + member.value() + ":growth",
				clock.instant());
		AccountId newcomer = idOf(Api.at(port).newResident());
		var memberQuote = engine.quote(request(member, listing));
		assertThat(memberQuote.total(DiscountKind.MEMBER_PRICE)).isEqualTo(Money.ofFen((1280 - 990) * 3));
		assertThat(memberQuote.payable()).isEqualTo(Money.ofFen(990 * 3));
		assertThat(memberQuote.deductions()).singleElement()
			.satisfies(d -> assertThat(d.reference()).isEqualTo("level:18"));
		var newcomerQuote = engine.quote(request(newcomer, listing));
		assertThat(newcomerQuote.payable()).isEqualTo(Money.ofFen(1280 * 3));
	}

	@Test
	void theMonthlyCouponOfALevelIsGrantedOncePerResidentAndMonth() {
		AccountId member = idOf(Api.at(port).newResident());
		growth.add(member, GOLD + 1, Text.of("marketing.levels.reason.order", 3), "test:" + member.value() + ":growth",
				clock.instant());
		YearMonth month = YearMonth.from(TestClock.today()).plusMonths(1);
		coupons.grant(month, clock.instant());
		coupons.grant(month, clock.instant());
		var grants = jdbc.sql("select rank, coupon_id from marketing.level_coupon_grant where resident_id = ? and month = ?")
			.params(member.value(), month.toString()).query((rs, n) -> new long[] { rs.getInt(1), rs.getLong(2) }).list();
		assertThat(grants).hasSize(1);
		assertThat(grants.get(0)[0]).isEqualTo(18);
		assertThat(grants.get(0)[1]).isPositive();
	}

	@Test
	void levelsOutOfOrderOrTakenAreRefusedNamingTheField() {
		var outOfOrder = admin.post("/api/admin/marketing/membership-levels", level(17, "测试乱序", GOLD + 500, null));
		assertThat(outOfOrder.status()).isEqualTo(409);
		assertThat(outOfOrder.errorFields()).containsExactly("growthThreshold");
		var taken = admin.post("/api/admin/marketing/membership-levels", level(18, "测试重复", GOLD, null));
		assertThat(taken.status()).isEqualTo(409);
		var blank = admin.post("/api/admin/marketing/membership-levels", level(16, "", 10, null));
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.errorFields()).contains("name");
	}

	private PriceRequest request(AccountId resident, long listing) {
		return PriceRequest.of(resident, region.id(), new com.linli.network.PickupPointId(1), List.of(
				new PriceRequest.Line(new ListingId(listing), new com.linli.catalog.SkuId(1), new com.linli.catalog.CategoryId(1),
						Money.ofFen(1280), 3)));
	}

	private long publishListing(long groupPriceFen) {
		var fixtures = new MarketingFixtures(context);
		var sku = fixtures.sku(fixtures.category("会员价", 1), "会员价苹果" + MarketingFixtures.next(), "500g");
		var body = new HashMap<String, Object>();
		body.put("regionId", region.id().value());
		body.put("skuId", sku.id().value());
		body.put("groupPriceFen", groupPriceFen);
		body.put("listPriceFen", 1990);
		body.put("stockCap", 200);
		body.put("perResidentLimit", 5);
		body.put("pickupDate", TestClock.today().plusDays(2).toString());
		var published = operator.post("/api/listings", body);
		assertThat(published.status()).as(published.toString()).isEqualTo(201);
		return published.id();
	}

	private static Map<String, Object> level(int rank, String name, long threshold, Long template) {
		var body = new HashMap<String, Object>();
		body.put("rank", rank);
		body.put("name", name);
		body.put("growthThreshold", threshold);
		body.put("privileges", "测试权益");
		body.put("monthlyCouponTemplateId", template);
		body.put("flashEarlyMinutes", 10);
		return body;
	}
}
