package com.linli.marketing.referrals;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Referrals through HTTP: binding by code (and its bad input, which changes nothing), both sides rewarded
 * on the invitee's first paid order, once; and each anti-abuse rule refusing a reward and recording why.
 */
@IntegrationTest
class ReferralIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	OrderCutoffManagement cutoffOrders;

	@Autowired
	OrderDeliveryManagement deliveryOrders;

	@Autowired
	JdbcClient jdbc;

	OrderingFixtures world;

	PickupFixtures pickups;

	Listing apples;

	Api operator;

	/** The invitee's reward: a real coupon template of the test's region. */
	long inviteeTemplate;

	@BeforeEach
	void world() {
		world = new OrderingFixtures(context, port);
		pickups = new PickupFixtures(world, cutoffOrders, deliveryOrders, port);
		apples = world.listing("红富士苹果", "12.35", 500, 20);
		operator = MarketingFixtures.operatorOf(Api.at(port), world.region);
		var template = operator.post("/api/admin/marketing/coupon-templates", Map.of("name", "邀请新人券", "kind", "FIXED",
				"amountFen", 500, "scope", "ALL", "regionIds", java.util.List.of(world.region.id().value()), "validDays", 7,
				"perResidentLimit", 5, "totalQuantity", 1000, "claimable", false));
		assertThat(template.status()).as(template.toString()).isEqualTo(201);
		inviteeTemplate = template.json().get("id").asLong();
		var saved = operator.put("/api/admin/marketing/referrals/rules/" + world.region.id().value(),
				rule(true, null, 100L, inviteeTemplate, null, 2));
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
	}

	@Test
	void badInputIsRefusedNamingTheFieldAndChangesNothing() {
		Api inviter = world.resident();
		String code = codeOf(inviter);
		Api invitee = world.resident();

		assertRefused(bind(invitee, "NOSUCH99", "dev-" + MarketingFixtures.next()), 400, "code", null);
		assertRefused(bind(invitee, code, " "), 400, "deviceId", null);
		assertRefused(bind(inviter, code, "dev-" + MarketingFixtures.next()), 409, "code", "referral-self");
		assertThat(mine(inviter).get("friends")).isEmpty();
		assertThat(mine(invitee).path("invitedBy").isMissingNode() || mine(invitee).get("invitedBy").isNull()).isTrue();

		// lower case and the header's device id work
		var bound = invitee.post("/api/marketing/referrals/bind", Map.of("code", code.toLowerCase()),
				Map.of("X-Device-Id", "dev-" + MarketingFixtures.next()));
		assertThat(bound.status()).as(bound.toString()).isEqualTo(204);
		String invitedBy = mine(invitee).get("invitedBy").asText();

		String other = codeOf(world.resident());
		assertRefused(bind(invitee, other, "dev-" + MarketingFixtures.next()), 409, "code", "referral-bound");
		assertThat(mine(invitee).get("invitedBy").asText()).isEqualTo(invitedBy);
		assertThat(mine(inviter).get("friends")).hasSize(1);

		Api buyer = world.resident();
		pickups.paidOrder(buyer, apples, 1);
		assertRefused(bind(buyer, code, "dev-" + MarketingFixtures.next()), 409, "code", "referral-not-new");
		assertThat(mine(inviter).get("friends")).hasSize(1);
	}

	@Test
	void theFirstPaidOrderRewardsBothSidesOnce() {
		Api inviter = world.resident();
		Api invitee = world.resident();
		assertThat(bind(invitee, codeOf(inviter), "dev-" + MarketingFixtures.next()).status()).isEqualTo(204);
		assertThat(mine(inviter).get("friends").get(0).get("status").asText()).isEqualTo("BOUND");

		var order = pickups.paidOrder(invitee, apples, 2);
		long referral = referralOf(invitee);
		var friend = mine(inviter).get("friends").get(0);
		assertThat(friend.get("status").asText()).isEqualTo("REWARDED");
		assertThat(friend.get("reward").asText()).isEqualTo("points:100");

		var rewards = rewardsOf(referral);
		assertThat(rewards).containsOnlyKeys("INVITER", "INVITEE");
		assertThat(rewards.get("INVITER").get("reward").asText()).isEqualTo("points:100");
		assertThat(rewards.get("INVITEE").get("reward").asText()).startsWith("coupon:");
		assertThat(rewards.get("INVITEE").get("orderId").asLong()).isEqualTo(order.get("id").asLong());
		// the coupon id the grant answered is on the reward row
		long couponId = jdbc.sql("select coupon_id from marketing.referral_reward where referral_id = ? and side = 'INVITEE'")
			.param(referral).query(Long.class).single();
		assertThat(rewards.get("INVITEE").get("reward").asText()).isEqualTo("coupon:" + couponId);

		// a second paid order rewards nothing more
		pickups.paidOrder(invitee, apples, 1);
		assertThat(rewardsOf(referral)).hasSize(2);
		assertThat(jdbc.sql("select count(*) from marketing.referral_reward where referral_id = ?").param(referral)
			.query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void oneDeviceBringsOneRewardTheOtherIsRefusedWithTheReason() {
		String device = "dev-shared-" + MarketingFixtures.next();
		Api first = world.resident();
		Api second = world.resident();
		assertThat(bind(first, codeOf(world.resident()), device).status()).isEqualTo(204);
		assertThat(bind(second, codeOf(world.resident()), device).status()).isEqualTo(204);

		pickups.paidOrder(first, apples, 1);
		var order = pickups.paidOrder(second, apples, 1);

		assertThat(statusOf(referralOf(first))).isEqualTo("REWARDED");
		assertThat(statusOf(referralOf(second))).isEqualTo("REFUSED");
		var refusal = refusalOf(referralOf(second));
		assertThat(refusal.get("reason").asText()).isEqualTo("DEVICE_REWARDED");
		assertThat(refusal.get("orderId").asLong()).isEqualTo(order.get("id").asLong());
		assertThat(rewardsOf(referralOf(second))).isEmpty();
	}

	@Test
	void oneDevicePayingTwiceAtOnceStillBringsOneReward() throws Exception {
		String device = "dev-race-" + MarketingFixtures.next();
		List<Api> invitees = List.of(world.resident(), world.resident(), world.resident());
		List<String> payments = new ArrayList<>();
		List<Long> orders = new ArrayList<>();
		for (Api invitee : invitees) {
			assertThat(bind(invitee, codeOf(world.resident()), device).status()).isEqualTo(204);
			var placed = invitee.post("/api/orders", Map.of("items", List.of(Map.of("listingId", apples.id().value(), "quantity", 1))),
					Map.of("Idempotency-Key", "k-" + System.nanoTime()));
			assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
			payments.add(placed.json().get("payment").asText());
			orders.add(placed.id());
		}
		var pool = java.util.concurrent.Executors.newFixedThreadPool(invitees.size());
		try {
			var paid = new ArrayList<java.util.concurrent.Future<Api.Response>>();
			for (int i = 0; i < invitees.size(); i++) {
				int n = i;
				paid.add(pool.submit(() -> OrderingFixtures.pay(invitees.get(n), payments.get(n))));
			}
			for (var f : paid) {
				assertThat(f.get().status()).isEqualTo(200);
			}
		}
		finally {
			pool.shutdown();
		}
		for (int i = 0; i < invitees.size(); i++) {
			assertThat(OrderingFixtures.awaitStatus(invitees.get(i), orders.get(i), "PAID").get("status").asText()).isEqualTo("PAID");
		}
		var statuses = invitees.stream().map(r -> statusOf(referralOf(r))).toList();
		assertThat(statuses).containsOnlyOnce("REWARDED");
		assertThat(statuses.stream().filter("REFUSED"::equals).count()).isEqualTo(2);
		invitees.stream().map(this::referralOf).filter(r -> statusOf(r).equals("REFUSED"))
			.forEach(r -> assertThat(refusalOf(r).get("reason").asText()).isEqualTo("DEVICE_REWARDED"));
	}

	@Test
	void thePickupPointPatternRefusesOneInviterBeyondTheDailyLimitAtOnePoint() {
		Api inviter = world.resident();
		String code = codeOf(inviter);
		List<Api> here = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			Api invitee = world.resident();
			assertThat(bind(invitee, code, "dev-" + MarketingFixtures.next()).status()).isEqualTo(204);
			here.add(invitee);
		}
		PickupPoint elsewhere = world.anotherPickupPoint();
		Api away = world.resident(elsewhere);
		assertThat(bind(away, code, "dev-" + MarketingFixtures.next()).status()).isEqualTo(204);

		here.forEach(invitee -> pickups.paidOrder(invitee, apples, 1));
		pickups.paidOrder(away, apples, 1);

		assertThat(here.stream().map(r -> statusOf(referralOf(r))).toList())
			.containsExactly("REWARDED", "REWARDED", "REFUSED");
		var refusal = refusalOf(referralOf(here.get(2)));
		assertThat(refusal.get("reason").asText()).isEqualTo("PICKUP_POINT_PATTERN");
		assertThat(refusal.get("detail").asText()).contains("max=2");
		assertThat(statusOf(referralOf(away))).isEqualTo("REWARDED");
	}

	@Test
	void aRegionWithoutARuleRecordsThatNoRewardIsConfigured() {
		var off = operator.put("/api/admin/marketing/referrals/rules/" + world.region.id().value(),
				rule(false, null, 100L, null, null, 3));
		assertThat(off.status()).isEqualTo(200);
		Api invitee = world.resident();
		assertThat(bind(invitee, codeOf(world.resident()), "dev-" + MarketingFixtures.next()).status()).isEqualTo(204);
		pickups.paidOrder(invitee, apples, 1);
		assertThat(refusalOf(referralOf(invitee)).get("reason").asText()).isEqualTo("NO_REWARD_CONFIGURED");
	}

	@Test
	void aRuleWithTwoRewardsForOneSideIsRefusedNamingTheField() {
		var both = operator.put("/api/admin/marketing/referrals/rules/" + world.region.id().value(),
				rule(true, 5L, 100L, null, null, 3));
		assertThat(both.status()).as(both.toString()).isEqualTo(400);
		assertThat(both.errorFields()).containsExactly("inviterPoints");
		var rule = operator.get("/api/admin/marketing/referrals/rules/" + world.region.id().value()).json();
		assertThat(rule.get("inviteeCouponTemplate").asLong()).isEqualTo(inviteeTemplate);
		var other = MarketingFixtures.operatorOf(Api.at(port), new MarketingFixtures(context).region());
		assertThat(other.get("/api/admin/marketing/referrals/rules/" + world.region.id().value()).status()).isEqualTo(403);
	}

	// ---- helpers --------------------------------------------------------------------------------

	static Map<String, Object> rule(boolean enabled, Long inviterTemplate, Long inviterPoints, Long inviteeTemplate,
			Long inviteePoints, int max) {
		Map<String, Object> rule = new HashMap<>();
		rule.put("enabled", enabled);
		rule.put("inviterCouponTemplate", inviterTemplate);
		rule.put("inviterPoints", inviterPoints);
		rule.put("inviteeCouponTemplate", inviteeTemplate);
		rule.put("inviteePoints", inviteePoints);
		rule.put("maxPerPointPerDay", max);
		return rule;
	}

	static Api.Response bind(Api resident, String code, String device) {
		return resident.post("/api/marketing/referrals/bind", Map.of("code", code, "deviceId", device));
	}

	static JsonNode mine(Api resident) {
		var r = resident.get("/api/marketing/referrals/me");
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		return r.json();
	}

	static String codeOf(Api resident) {
		return mine(resident).get("code").asText();
	}

	static void assertRefused(Api.Response r, int status, String field, String code) {
		assertThat(r.status()).as(r.toString()).isEqualTo(status);
		assertThat(r.errorFields()).as(r.toString()).containsExactly(field);
		if (status == 409) {
			assertThat(r.json().get("code").asText()).isEqualTo(code);
		}
	}

	long referralOf(Api invitee) {
		long account = invitee.get("/api/me").json().get("id").asLong();
		return jdbc.sql("select id from marketing.referral where invitee_id = ?").param(account).query(Long.class).single();
	}

	String statusOf(long referral) {
		return jdbc.sql("select status from marketing.referral where id = ?").param(referral).query(String.class).single();
	}

	/** This referral's rewards from the console API, by side. */
	Map<String, JsonNode> rewardsOf(long referral) {
		Map<String, JsonNode> bySide = new HashMap<>();
		for (JsonNode d : operator.get("/api/admin/marketing/referrals/rewards?limit=500").json()) {
			if (d.get("referralId").asLong() == referral) {
				bySide.put(d.get("side").asText(), d);
			}
		}
		return bySide;
	}

	JsonNode refusalOf(long referral) {
		Deadline deadline = Deadline.inMillis(5_000);
		while (true) {
			for (JsonNode d : operator.get("/api/admin/marketing/referrals/refusals?limit=500").json()) {
				if (d.get("referralId").asLong() == referral) {
					return d;
				}
			}
			if (deadline.passed()) {
				throw new AssertionError("no refusal recorded for referral " + referral);
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
