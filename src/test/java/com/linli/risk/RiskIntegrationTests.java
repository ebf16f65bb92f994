package com.linli.risk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import com.linli.Api;
import com.linli.Deadline;
import com.linli.IntegrationTest;
import com.linli.catalog.SkuId;
import com.linli.identity.AccountId;
import com.linli.leader.internal.CommissionAccruals;
import com.linli.leader.internal.payouts.PayoutJobs;
import com.linli.marketing.Listing;
import com.linli.marketing.MarketingFixtures;
import com.linli.network.PickupPoint;
import com.linli.ordering.OrderCutoffManagement;
import com.linli.ordering.OrderDeliveryManagement;
import com.linli.ordering.OrderId;
import com.linli.ordering.OrderLineId;
import com.linli.ordering.OrderPickedUp;
import com.linli.ordering.OrderPickedUp.PickedUpLine;
import com.linli.ordering.OrderingFixtures;
import com.linli.ordering.PickupFixtures;
import com.linli.shared.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The planted fraud ring, through the real use cases: ten residents whose phones share nine digits, all bound to
 * one inviter from one device, each claiming the same new-user coupon and ordering small at one pickup point whose
 * leader (same phone prefix) and the leader's own resident account order there too; one of them places and cancels
 * orders in a burst. Beside them a normal population (distinct phones and devices, another leader). The rules catch
 * the ring and the leader; the leader's withdrawal, the ring's referral rewards and coupon use are held; clearing
 * releases them; nothing else is held.
 */
@IntegrationTest
class RiskIntegrationTests {

	static final AtomicLong LINES = new AtomicLong(8_000_000_000L + (System.nanoTime() % 100_000_000L) * 10);

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CommissionAccruals accruals;

	@Autowired
	PayoutJobs payoutJobs;

	@Autowired
	Clock clock;

	OrderingFixtures world;

	PickupFixtures pickups;

	Listing apples;

	Api operator;

	long region;

	long couponTemplate;

	@BeforeEach
	void world() {
		world = new OrderingFixtures(context, port);
		pickups = new PickupFixtures(world, context.getBean(OrderCutoffManagement.class),
				context.getBean(OrderDeliveryManagement.class), port);
		apples = world.listing("风控苹果", "5.00", 5000, 20);
		region = world.region.id().value();
		operator = MarketingFixtures.operatorOf(Api.at(port), world.region);
		var template = operator.post("/api/admin/marketing/coupon-templates", Map.of("name", "新人券", "kind", "FIXED",
				"amountFen", 100, "scope", "ALL", "regionIds", List.of(region), "validDays", 7, "perResidentLimit", 1,
				"totalQuantity", 1000, "claimable", true));
		assertThat(template.status()).as(template.toString()).isEqualTo(201);
		couponTemplate = template.json().get("id").asLong();
		Map<String, Object> rule = new HashMap<>();
		rule.put("enabled", true);
		rule.put("inviterCouponTemplate", null);
		rule.put("inviterPoints", 100L);
		rule.put("inviteeCouponTemplate", null);
		rule.put("inviteePoints", 50L);
		rule.put("maxPerPointPerDay", 50);
		var saved = operator.put("/api/admin/marketing/referrals/rules/" + region, rule);
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
	}

	record Person(Api api, long id, String phone) {
	}

	@Test
	void theRulesCatchThePlantedRingHoldItsPayoutsAndCouponsAndClearingReleasesThem() {
		// the ring: one phone prefix, one device, one inviter, one leader
		String prefix = "137" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
		String device = "ring-" + MarketingFixtures.next();
		String leaderPhone = prefix + "99";
		var appointed = Api.at(port).asAdmin().post("/api/leaders", Map.of("phone", leaderPhone, "name", "环团长",
				"password", "leader123", "pickupPointId", world.pickupPoint.id().value()));
		assertThat(appointed.status()).as(appointed.toString()).isEqualTo(201);
		long leaderId = appointed.id();
		long leaderAccount = appointed.json().get("accountId").asLong();
		Api leader = Api.at(port).as(leaderPhone, "leader123");
		Person leadersOwn = register(prefix + "98", world.pickupPoint);
		Person inviter = register(uniquePhone(), world.pickupPoint);
		String code = inviter.api().get("/api/marketing/referrals/me").json().get("code").asText();
		List<Person> ring = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			Person p = register(prefix + String.format("%02d", i), world.pickupPoint);
			assertThat(p.api().post("/api/marketing/referrals/bind", Map.of("code", code), Map.of("X-Device-Id", device))
				.status()).isEqualTo(204);
			assertThat(claim(p)).isEqualTo(201);
			placed(p, "none");
			ring.add(p);
		}
		placed(leadersOwn, "none");
		placed(leadersOwn, "none");
		// a burst: three orders placed and cancelled at once
		Person burst = ring.get(0);
		for (int i = 0; i < 3; i++) {
			long order = placed(burst, "none");
			assertThat(burst.api().post("/api/orders/" + order + "/cancel", Map.of()).status()).isEqualTo(200);
		}

		// the normal population: distinct phones, own devices, another leader at another point
		PickupPoint elsewhere = world.anotherPickupPoint();
		var otherLeader = pickups.leader(elsewhere);
		Person otherInviter = register(uniquePhone(), world.pickupPoint);
		String otherCode = otherInviter.api().get("/api/marketing/referrals/me").json().get("code").asText();
		List<Person> normal = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			Person p = register(uniquePhone(), i % 2 == 0 ? world.pickupPoint : elsewhere);
			if (i < 2) {
				assertThat(p.api().post("/api/marketing/referrals/bind", Map.of("code", otherCode),
						Map.of("X-Device-Id", "own-" + MarketingFixtures.next())).status()).isEqualTo(204);
			}
			assertThat(claim(p)).isEqualTo(201);
			normal.add(p);
		}
		pickups.paidOrder(normal.get(1).api(), apples, 1);

		// both leaders have commission to withdraw and ask for it
		long ringWithdrawal = withdrawal(leader, leaderId, world.pickupPoint);
		long otherWithdrawal = withdrawal(otherLeader.api(), otherLeader.leaderId(), elsewhere);

		var outcome = operator.post("/api/risk/evaluations?regionId=" + region, Map.of());
		assertThat(outcome.status()).as(outcome.toString()).isEqualTo(200);

		// the rules caught the ring, the inviter and the leader, with evidence
		Map<String, JsonNode> byRule = new HashMap<>();
		Set<Long> held = new HashSet<>();
		List<Long> caseIds = new ArrayList<>();
		for (JsonNode c : operator.get("/api/risk/cases?regionId=" + region + "&status=OPEN").json().get("cases")) {
			caseIds.add(c.get("id").asLong());
			var detail = operator.get("/api/risk/cases/" + c.get("id").asLong()).json();
			detail.get("flags").forEach(f -> byRule.put(f.get("rule").asText(), f));
			detail.get("accounts").forEach(a -> held.add(a.get("id").asLong()));
		}
		assertThat(byRule).containsKeys("PHONE_PREFIX", "SHARED_DEVICE", "COUPON_REFERRAL_ABUSE", "LEADER_SELF_BUYING",
				"CANCEL_BURST");
		assertThat(byRule.get("PHONE_PREFIX").get("evidence").get("accounts")).hasSize(12); // ring, leader, leader's own
		assertThat(byRule.get("SHARED_DEVICE").get("evidence").get("devices").get(0).asText()).isEqualTo(device);
		assertThat(byRule.get("COUPON_REFERRAL_ABUSE").get("evidence").get("figures").get("referrals").asInt()).isEqualTo(10);
		assertThat(byRule.get("COUPON_REFERRAL_ABUSE").get("evidence").get("figures").get("sameTemplateClaims").asInt())
			.isEqualTo(10);
		assertThat(byRule.get("LEADER_SELF_BUYING").get("evidence").get("orders").size()).isGreaterThanOrEqualTo(12);
		assertThat(byRule.get("CANCEL_BURST").get("evidence").get("orders")).hasSize(3);
		assertThat(byRule.get("CANCEL_BURST").get("score").asInt()).isEqualTo(60);
		Set<Long> expected = new HashSet<>(ring.stream().map(Person::id).toList());
		expected.addAll(List.of(leaderAccount, leadersOwn.id(), inviter.id()));
		assertThat(held).isEqualTo(expected); // nothing else: no normal resident, not the other leader or inviter

		// held: the leader's withdrawal, the ring's coupon use, the ring's referral rewards
		var refused = operator.post("/api/admin/withdrawals/approvals", Map.of("ids", List.of(ringWithdrawal)));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
		assertThat(refused.json().get("code").asText()).isEqualTo("withdrawal-held-by-risk");
		Person member = ring.get(1);
		long coupon = couponOf(member);
		var withCoupon = order(member, coupon);
		assertThat(withCoupon.status()).as(withCoupon.toString()).isEqualTo(409);
		assertThat(withCoupon.json().get("code").asText()).isEqualTo("coupon-held-by-risk");
		pickups.paidOrder(member.api(), apples, 1); // the referral's first paid order: the decision waits
		assertThat(referralStatus(member)).isEqualTo("BOUND");

		// nothing else is held: the other leader is paid, normal residents use their coupons
		var approved = operator.post("/api/admin/withdrawals/approvals", Map.of("ids", List.of(otherWithdrawal)));
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
		for (Person p : normal) {
			if (p == normal.get(1)) {
				continue; // its paid order above took its coupon already (the best coupon applies by default)
			}
			var ok = order(p, couponOf(p));
			assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
		}

		// clearing releases them
		for (long id : caseIds) {
			var cleared = operator.post("/api/risk/cases/" + id + "/clear", Map.of("note", "核实为同一家庭"));
			assertThat(cleared.status()).as(cleared.toString()).isEqualTo(200);
			assertThat(cleared.json().get("status").asText()).isEqualTo("CLEARED");
		}
		assertThat(referralStatus(member)).isEqualTo("REWARDED");
		var released = operator.post("/api/admin/withdrawals/approvals", Map.of("ids", List.of(ringWithdrawal)));
		assertThat(released.status()).as(released.toString()).isEqualTo(200);
		var usable = order(member, coupon);
		assertThat(usable.status()).as(usable.toString()).isEqualTo(201);
		// a cleared finding does not come back on the next run
		operator.post("/api/risk/evaluations?regionId=" + region, Map.of());
		assertThat(operator.get("/api/risk/cases?regionId=" + region + "&status=OPEN").json().get("total").asLong()).isZero();
	}

	@Test
	void clearingAndConfirmingOneCaseAtOnceLetsExactlyOneWin() throws Exception {
		String prefix = "135" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
		for (int i = 0; i < 5; i++) {
			register(prefix + String.format("%02d", i), world.pickupPoint);
		}
		assertThat(operator.post("/api/risk/evaluations?regionId=" + region, Map.of()).status()).isEqualTo(200);
		var cases = operator.get("/api/risk/cases?regionId=" + region + "&status=OPEN").json().get("cases");
		assertThat(cases).hasSize(1);
		assertThat(cases.get(0).get("rule").asText()).isEqualTo("PHONE_PREFIX");
		assertThat(cases.get(0).get("score").asInt()).isEqualTo(60); // 30 + 6 × 5
		long id = cases.get(0).get("id").asLong();
		Api other = MarketingFixtures.operatorOf(Api.at(port), world.region);
		var pool = Executors.newFixedThreadPool(2);
		var start = new CountDownLatch(1);
		try {
			Future<Api.Response> clear = pool.submit(() -> {
				start.await();
				return operator.post("/api/risk/cases/" + id + "/clear", Map.of());
			});
			Future<Api.Response> confirm = pool.submit(() -> {
				start.await();
				return other.post("/api/risk/cases/" + id + "/confirm", Map.of());
			});
			start.countDown();
			List<Integer> statuses = List.of(clear.get().status(), confirm.get().status());
			assertThat(statuses).containsExactlyInAnyOrder(200, 409);
			String winner = clear.get().status() == 200 ? "CLEARED" : "CONFIRMED";
			assertThat(operator.get("/api/risk/cases/" + id).json().get("riskCase").get("status").asText()).isEqualTo(winner);
		}
		finally {
			pool.shutdown();
		}
		// a decided case moves no more; blocking needs a confirmed case
		assertThat(operator.post("/api/risk/cases/" + id + "/clear", Map.of()).status()).isEqualTo(409);
	}

	@Test
	void aConfirmedCaseBlocksItsAccountsAndAnotherRegionsOperatorSeesNothing() {
		String prefix = "133" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
		List<Person> ring = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ring.add(register(prefix + String.format("%02d", i), world.pickupPoint));
		}
		operator.post("/api/risk/evaluations?regionId=" + region, Map.of());
		long id = operator.get("/api/risk/cases?regionId=" + region).json().get("cases").get(0).get("id").asLong();
		Api stranger = MarketingFixtures.operatorOf(Api.at(port), new OrderingFixtures(context, port).region);
		assertThat(stranger.get("/api/risk/cases/" + id).status()).isIn(403, 404);
		assertThat(stranger.post("/api/risk/cases/" + id + "/confirm", Map.of()).status()).isIn(403, 404);
		assertThat(operator.post("/api/risk/cases/" + id + "/block", Map.of()).status()).isEqualTo(409);
		assertThat(operator.post("/api/risk/cases/" + id + "/confirm", Map.of("note", "刷单")).status()).isEqualTo(200);
		var blocked = operator.post("/api/risk/cases/" + id + "/block", Map.of());
		assertThat(blocked.status()).as(blocked.toString()).isEqualTo(200);
		assertThat(blocked.json().get("blocked")).hasSize(5);
		assertThat(Api.at(port).post("/api/auth/token", Map.of("phone", ring.get(0).phone(), "password", "secret123"))
			.status()).isNotEqualTo(200);
	}

	// ---- helpers --------------------------------------------------------------------------------

	private Person register(String phone, PickupPoint point) {
		var r = Api.at(port).post("/api/auth/register", Map.of("phone", phone, "displayName", "居民" + phone.substring(7),
				"password", "secret123"));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		Api api = Api.at(port).as(phone, "secret123");
		var bound = api.put("/api/me/pickup-point", Map.of("pickupPointId", point.id().value()));
		assertThat(bound.status()).isIn(200, 204);
		return new Person(api, api.get("/api/me").id(), phone);
	}

	private static String uniquePhone() {
		return "136" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
	}

	private int claim(Person p) {
		return p.api().post("/api/marketing/coupons/claims", Map.of("templateId", couponTemplate)).status();
	}

	private long couponOf(Person p) {
		for (JsonNode c : p.api().get("/api/marketing/coupons/mine").json()) {
			if (c.get("templateId").asLong() == couponTemplate && !c.get("status").asText().equals("USED")) {
				return c.get("id").asLong();
			}
		}
		throw new AssertionError("no coupon of the template for " + p.phone());
	}

	private long placed(Person p, String coupon) {
		var placed = p.api().post("/api/orders", Map.of("items", List.of(Map.of("listingId", apples.id().value(),
				"quantity", 1)), "coupon", coupon), Map.of("Idempotency-Key", "k-" + System.nanoTime()));
		assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
		return placed.id();
	}

	private Api.Response order(Person p, long couponId) {
		return p.api().post("/api/orders", Map.of("items", List.of(Map.of("listingId", apples.id().value(), "quantity", 1)),
				"couponId", couponId), Map.of("Idempotency-Key", "k-" + System.nanoTime()));
	}

	private String referralStatus(Person invitee) {
		return jdbc.sql("select status from marketing.referral where invitee_id = ?").param(invitee.id())
			.query(String.class).single();
	}

	/** The leader's commission made available (picked up 8 days ago, matured) and a withdrawal of it requested. */
	private long withdrawal(Api leader, long leaderId, PickupPoint point) {
		long line = LINES.incrementAndGet();
		Instant pickedUp = Instant.now(clock).minus(Duration.ofDays(8));
		var event = new OrderPickedUp(new OrderId(line), "P" + line, new AccountId(0), point.id(), world.region.id(),
				pickedUp, true, List.of(new PickedUpLine(new OrderLineId(line), new SkuId(1), null, 2, Money.ofFen(8000),
						"测试商品", 5000)));
		assertThat(accruals.accrue(event)).isEqualTo(1);
		var deadline = Deadline.inMillis(15_000);
		while (payoutJobs.runOnce(Instant.now(clock)) < 0) {
			assertThat(deadline.passed()).isFalse();
		}
		var created = leader.post("/api/leader/withdrawals", Map.of("amountFen", 4000));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.id();
	}
}
