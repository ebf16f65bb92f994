package com.linli.marketing.controls;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.linli.Api;
import com.linli.Deadline;
import com.linli.IntegrationTest;
import com.linli.marketing.Listing;
import com.linli.marketing.MarketingFixtures;
import com.linli.network.PickupPoint;
import com.linli.ordering.OrderCutoffManagement;
import com.linli.ordering.OrderDeliveryManagement;
import com.linli.ordering.OrderingFixtures;
import com.linli.ordering.PickupFixtures;
import com.linli.ordering.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Listing controls through HTTP: a closed market day refuses publishing and residents see why; a
 * leader-only listing is hidden from and refused at other pickup points; a listing's commission rate
 * reaches the leader's ledger at pickup; the 接龙 text shows only the leader's pickup point, names masked.
 */
@IntegrationTest
class ListingControlIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	OrderCutoffManagement cutoffOrders;

	@Autowired
	OrderDeliveryManagement deliveryOrders;

	OrderingFixtures world;

	PickupFixtures pickups;

	Api operator;

	@BeforeEach
	void world() {
		world = new OrderingFixtures(context, port);
		pickups = new PickupFixtures(world, cutoffOrders, deliveryOrders, port);
		operator = MarketingFixtures.operatorOf(Api.at(port), world.region);
	}

	@Test
	void aClosedDayRefusesPublishingForItAndResidentsSeeWhy() {
		LocalDate closed = world.pickupDate.plusDays(1);
		var made = operator.post("/api/admin/marketing/closed-days",
				Map.of("regionId", world.region.id().value(), "day", closed.toString(), "reason", "春节休市"));
		assertThat(made.status()).as(made.toString()).isEqualTo(201);

		var sku = world.sku("大白菜", "1颗");
		var refused = operator.post("/api/listings", publish(sku.id().value(), closed));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
		assertThat(refused.json().get("code").asText()).isEqualTo("market-closed");
		assertThat(refused.errorFields()).containsExactly("pickupDate");
		assertThat(refused.json().get("detail").asText()).contains("春节休市");
		assertThat(operator.post("/api/listings", publish(sku.id().value(), world.pickupDate)).status()).isEqualTo(201);

		// bad input: twice, a past day, no reason; nothing changes
		var twice = operator.post("/api/admin/marketing/closed-days",
				Map.of("regionId", world.region.id().value(), "day", closed.toString(), "reason", "再来一次"));
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.errorFields()).containsExactly("day");
		var past = operator.post("/api/admin/marketing/closed-days",
				Map.of("regionId", world.region.id().value(), "day", "2020-01-01", "reason", "过去"));
		assertThat(past.status()).isEqualTo(400);
		assertThat(past.errorFields()).containsExactly("day");
		var noReason = operator.post("/api/admin/marketing/closed-days",
				Map.of("regionId", world.region.id().value(), "day", closed.plusDays(1).toString(), "reason", " "));
		assertThat(noReason.errorFields()).containsExactly("reason");
		var days = operator.get("/api/admin/marketing/closed-days?regionId=" + world.region.id().value() + "&from="
				+ closed.minusDays(5) + "&to=" + closed.plusDays(5)).json();
		assertThat(days).hasSize(1);
		assertThat(days.get(0).get("reason").asText()).isEqualTo("春节休市");

		// the resident's storefront says why there is nothing that day
		String phone = Api.newPhone();
		Api resident = register(phone, "赵六");
		assertThat(resident.get("/api/marketing/closed-days").json().get(0).get("reason").asText()).isEqualTo("春节休市");
		var home = WebSession.signIn(port, phone, "secret123").get("/shop");
		assertThat(home.body()).contains("closed-days").contains("春节休市");
	}

	@Test
	void aLeaderOnlyListingIsHiddenAndRefusedAtOtherPickupPoints() {
		Listing special = world.listing("团长专供土鸡蛋", "29.90", 100, 5);
		PickupPoint other = world.anotherPickupPoint();
		var restricted = operator.put("/api/admin/marketing/listings/" + special.id().value() + "/pickup-points",
				Map.of("pickupPointIds", List.of(world.pickupPoint.id().value())));
		assertThat(restricted.status()).as(restricted.toString()).isEqualTo(200);

		assertThat(storefrontIds(world.pickupPoint)).contains(special.id().value());
		assertThat(storefrontIds(other)).doesNotContain(special.id().value());

		Api away = world.resident(other);
		var refused = away.post("/api/orders", Map.of("items", List.of(Map.of("listingId", special.id().value(), "quantity", 1))),
				Map.of("Idempotency-Key", "k-" + System.nanoTime()));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
		assertThat(refused.json().get("code").asText()).isEqualTo("listing-not-at-pickup-point");
		assertThat(refused.errorFields()).containsExactly("items[0].listingId");
		assertThat(away.get("/api/orders").text()).doesNotContain("团长专供土鸡蛋");

		pickups.paidOrder(world.resident(), special, 1);

		// a pickup point of another region is refused, naming the field; the restriction stays
		var foreign = new MarketingFixtures(context).pickupPoint(new MarketingFixtures(context).region(), "远方" + MarketingFixtures.next(), 31.2, 121.4);
		var bad = operator.put("/api/admin/marketing/listings/" + special.id().value() + "/pickup-points",
				Map.of("pickupPointIds", List.of(foreign.id().value())));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.errorFields()).containsExactly("pickupPointIds");
		assertThat(operator.get("/api/admin/marketing/listings/" + special.id().value() + "/pickup-points").json()
			.get("pickupPointIds").get(0).asLong()).isEqualTo(world.pickupPoint.id().value());
	}

	@Test
	void theLeaderEarnsTheListingsCommissionRateAfterPickup() {
		var admin = Api.at(port).asAdmin();
		var scheme = admin.put("/api/commission/schemes/" + world.region.id().value(),
				Map.of("bands", List.of(Map.of("floorFen", 0, "rateBasisPoints", 800)), "overrides", List.of()));
		assertThat(scheme.status()).as(scheme.toString()).isEqualTo(200);
		Listing special = world.listing("五常大米", "49.90", 100, 5);
		Listing usual = world.listing("红富士苹果", "12.35", 100, 5);
		var set = operator.put("/api/admin/marketing/listings/" + special.id().value() + "/commission",
				Map.of("commissionRateBasisPoints", 1500));
		assertThat(set.status()).as(set.toString()).isEqualTo(200);
		var tooHigh = operator.put("/api/admin/marketing/listings/" + special.id().value() + "/commission",
				Map.of("commissionRateBasisPoints", 6000));
		assertThat(tooHigh.errorFields()).containsExactly("commissionRateBasisPoints");

		var leader = pickups.leader(world.pickupPoint);
		var order = pickups.readyOrder(world.resident(), world.pickupPoint, special, 2, usual, 1);
		var handedOut = leader.api().post("/api/leader/pickups", Map.of("pickupCode", order.get("pickupCode").asText()));
		assertThat(handedOut.status()).as(handedOut.toString()).isEqualTo(200);

		Map<String, JsonNode> bySku = new HashMap<>();
		awaitEntries(leader, 2).forEach(e -> bySku.put(e.get("skuName").asText(), e));
		assertThat(bySku.get("五常大米").get("rateBasisPoints").asInt()).isEqualTo(1500);
		assertThat(bySku.get("五常大米").get("rateSource").asText()).isEqualTo("LISTING");
		assertThat(bySku.get("五常大米").get("amountFen").asLong()).isEqualTo(1497); // 99.80 × 15%
		assertThat(bySku.get("红富士苹果").get("rateBasisPoints").asInt()).isEqualTo(800);
		assertThat(bySku.get("红富士苹果").get("amountFen").asLong()).isEqualTo(99); // 12.35 × 8% = 0.988
	}

	@Test
	void theChainTextListsTodaysItemsAndMaskedBuyersOfTheLeadersPointOnly() {
		Listing tomatoes = world.listing("西红柿", "6.80", 100, 5);
		PickupPoint other = world.anotherPickupPoint();
		pickups.paidOrder(register(Api.newPhone(), "张三丰", world.pickupPoint), tomatoes, 2);
		pickups.paidOrder(register(Api.newPhone(), "李四", world.pickupPoint), tomatoes, 1);
		pickups.paidOrder(register(Api.newPhone(), "王五", other), tomatoes, 3);
		var leader = pickups.leader(world.pickupPoint);

		var page = WebSession.signIn(port, leader.phone(), leader.password()).get("/leader/chain");
		assertThat(page.status()).isEqualTo(200);
		String text = page.body();
		assertThat(text).contains("西红柿").contains("¥6.80");
		assertThat(text).contains("张** 西红柿×2").contains("李* 西红柿×1");
		assertThat(text).doesNotContain("张三丰").doesNotContain("李四").doesNotContain("王*").doesNotContain("×3");
		assertThat(text).contains("chain-copy");
	}

	@Test
	void theConsolePagesShowTheRegionsClosedDaysAndReferralRule() {
		String phone = Api.newPhone();
		var created = Api.at(port).asAdmin().post("/api/admin/accounts", Map.of("phone", phone, "displayName", "运营",
				"password", "secret123", "roles", new String[] { "OPERATOR" }, "regionIds",
				new long[] { world.region.id().value() }));
		assertThat(created.status()).isEqualTo(201);
		Api op = Api.at(port).as(phone, "secret123");
		assertThat(op.post("/api/admin/marketing/closed-days", Map.of("regionId", world.region.id().value(), "day",
				world.pickupDate.plusDays(4).toString(), "reason", "台风停运")).status()).isEqualTo(201);
		var session = WebSession.signIn(port, phone, "secret123");

		var controls = session.get("/console/listing-controls?regionId=" + world.region.id().value());
		assertThat(controls.status()).isEqualTo(200);
		assertThat(controls.body()).contains("台风停运").contains("listing-controls");
		var referrals = session.get("/console/referrals?regionId=" + world.region.id().value());
		assertThat(referrals.status()).isEqualTo(200);
		assertThat(referrals.body()).contains("referral-rule").contains("referral-refusals");
		var other = new MarketingFixtures(context).region();
		assertThat(session.get("/console/listing-controls?regionId=" + other.id().value()).status()).isEqualTo(403);
	}

	// ---- helpers --------------------------------------------------------------------------------

	Map<String, Object> publish(long skuId, LocalDate pickupDate) {
		return Map.of("regionId", world.region.id().value(), "skuId", skuId, "groupPriceFen", 500, "stockCap", 50,
				"perResidentLimit", 5, "pickupDate", pickupDate.toString());
	}

	Api register(String phone, String name) {
		return register(phone, name, world.pickupPoint);
	}

	Api register(String phone, String name, PickupPoint point) {
		var r = Api.at(port).post("/api/auth/register", Map.of("phone", phone, "displayName", name, "password", "secret123"));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		Api api = Api.at(port).as(phone, "secret123");
		assertThat(api.put("/api/me/pickup-point", Map.of("pickupPointId", point.id().value())).status()).isIn(200, 204);
		return api;
	}

	List<Long> storefrontIds(PickupPoint point) {
		var json = Api.at(port).get("/api/storefront/listings?pickupPointId=" + point.id().value()).json();
		List<Long> ids = new ArrayList<>();
		json.get("categories").forEach(s -> s.get("items").forEach(i -> ids.add(i.get("listingId").asLong())));
		return ids;
	}

	List<JsonNode> awaitEntries(PickupFixtures.LeaderLogin leader, int count) {
		Deadline deadline = Deadline.inMillis(15_000);
		while (true) {
			var commission = leader.api().get("/api/leader/commission?size=200").json();
			if (commission.get("entries").get("total").asInt() >= count || deadline.passed()) {
				List<JsonNode> entries = new ArrayList<>();
				commission.get("entries").get("items").forEach(entries::add);
				assertThat(entries).hasSize(count);
				return entries;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
		}
	}
}
