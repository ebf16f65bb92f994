package com.linli.leader.incentives;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.catalog.SkuId;
import com.linli.identity.AccountId;
import com.linli.leader.IdNumbers;
import com.linli.leader.LeaderId;
import com.linli.leader.internal.CommissionAccruals;
import com.linli.leader.internal.payouts.LedgerReconciliation;
import com.linli.leader.recruitment.SmsLog;
import com.linli.network.NetworkFixtures;
import com.linli.network.PickupPointId;
import com.linli.ordering.OrderCutoffManagement;
import com.linli.ordering.OrderDeliveryManagement;
import com.linli.ordering.OrderId;
import com.linli.ordering.OrderLineId;
import com.linli.ordering.OrderLineRefunded;
import com.linli.ordering.OrderPickedUp;
import com.linli.ordering.OrderPickedUp.PickedUpLine;
import com.linli.ordering.OrderingFixtures;
import com.linli.ordering.PickupFixtures;
import com.linli.ordering.PickupFixtures.LeaderLogin;
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
 * Incentives end to end through HTTP. Referral: a leader's code on an application approved through the review
 * queue records the referral; the referred leader's accruals (ordering's pickup event, through the real accrual
 * path) earn the referrer 1% referral commission, given back in proportion on a refund; when the referred leader's
 * sales of their first 30 days reach ¥3,000 the reward of ¥100 is paid once, however often and concurrently the job
 * runs. Contests: bad input is refused naming the field with nothing changed; a month's SALES contest ranks the
 * region's leaders by the performance figures, closes once under concurrent attempts and pays its winners once.
 * Every ledger touched reconciles.
 */
@IntegrationTest
class IncentiveIntegrationTests {

	static final AtomicLong LINES = new AtomicLong(8_000_000_000L + (System.nanoTime() % 100_000_000L) * 10);

	static final String REVIEW = "/api/admin/leaders/applications";

	static final String CONTESTS = "/api/admin/leaders/contests";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	CommissionAccruals accruals;

	@Autowired
	LedgerReconciliation reconciliation;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	OrderingFixtures world;

	PickupFixtures pickups;

	Api operator;

	Api admin;

	@BeforeEach
	void world() {
		SmsLog.listen();
		world = new OrderingFixtures(context, port);
		pickups = new PickupFixtures(world, context.getBean(OrderCutoffManagement.class),
				context.getBean(OrderDeliveryManagement.class), port);
		admin = Api.at(port).asAdmin();
		operator = new NetworkFixtures(admin).operatorOf(world.region.id().value());
	}

	@Test
	void aReferredLeadersReferralCommissionAndRewardArePaidOnce() throws Exception {
		var referrer = pickups.leader(world.pickupPoint);
		var invite = referrer.api().get("/api/leader/referrals");
		assertThat(invite.status()).as(invite.toString()).isEqualTo(200);
		String code = invite.json().get("code").asText();
		assertThat(code).matches("[0-9A-Z]{8}");
		assertThat(invite.json().get("link").asText()).isEqualTo("/join?ref=" + code);
		assertThat(invite.json().get("rewardFen").asLong()).isEqualTo(10000);
		assertThat(invite.json().get("thresholdFen").asLong()).isEqualTo(300000);
		assertThat(invite.json().get("referred").size()).isZero();
		assertThat(referrer.api().get("/api/leader/referrals").json().get("code").asText()).as("stable").isEqualTo(code);

		// the new leader applies through the link (the code in any case) and is approved
		var referred = approvedApplicant(code.toLowerCase(), 30.29, 120.145);
		long referredId = referred.get("leaderId").asLong();
		var point = new PickupPointId(referred.get("pickupPointId").asLong());
		var list = referrer.api().get("/api/leader/referrals").json().get("referred");
		assertThat(list.size()).isEqualTo(1);
		assertThat(list.get(0).get("leaderId").asLong()).isEqualTo(referredId);
		assertThat(list.get(0).get("rewardPaid").asBoolean()).isFalse();
		assertThat(list.get(0).get("salesFen").asLong()).isZero();

		// an unknown code is no referral, and neither is one's own (the referred leader's own code)
		var stranger = approvedApplicant("NOSUCHCD", 30.30, 120.15);
		assertThat(referralsOf(stranger.get("leaderId").asLong())).isZero();
		String ownCode = operator.get("/api/admin/leaders/" + referredId + "/referrals").json().get("code").asText();
		assertThat(ownCode).isNotEqualTo(code);

		// ¥2,000 picked up at the new point: 1% = ¥20.00 pending for the referrer, below the threshold
		Instant now = Instant.now(clock);
		long line = pickUp(point, now, 200000, 2);
		assertBalance(referrer, 2000, 0);
		assertThat(runRewards()).isZero();
		// half of the line refunded: half of the referral commission given back, and the sales count net
		refund(point, line, 1, 100000, "half");
		assertBalance(referrer, 1000, 0);
		// told again: nothing moves twice
		refund(point, line, 1, 100000, "half");
		assertBalance(referrer, 1000, 0);
		assertThat(runRewards()).isZero();

		// ¥2,500 more: ¥3,500 net reaches ¥3,000; the job run eight times at once pays the reward once
		pickUp(point, now, 250000, 1);
		assertBalance(referrer, 1000 + 2500, 0);
		int threads = 8;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> runs = new ArrayList<>();
		try {
			for (int i = 0; i < threads; i++) {
				var client = Api.at(port).asAdmin();
				runs.add(pool.submit((Callable<Integer>) () -> {
					start.await();
					return client.post("/api/admin/leaders/referral-rewards/runs", Map.of()).json().get("paid").asInt();
				}));
			}
			start.countDown();
			for (var run : runs) {
				run.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		// a run that found the lock taken answered -1 and paid nothing; one more round pays what is still due
		runRewards();
		assertThat(rewardEntries(referrer.leaderId())).as("reward entries").isEqualTo(1);
		assertBalance(referrer, 3500, 10000);
		assertThat(runRewards()).as("paid once").isZero();
		assertThat(rewardEntries(referrer.leaderId())).isEqualTo(1);

		var after = referrer.api().get("/api/leader/referrals").json();
		var row = after.get("referred").get(0);
		assertThat(row.get("rewardPaid").asBoolean()).isTrue();
		assertThat(row.get("salesFen").asLong()).isEqualTo(350000);
		assertThat(row.get("commissionFen").asLong()).isEqualTo(3500);
		assertThat(after.get("rewardsEarnedFen").asLong()).isEqualTo(10000);

		// the ledger shows the kinds; every ledger reconciles
		var entries = referrer.api().get("/api/leader/commission").json().get("entries").get("items");
		List<String> kinds = new ArrayList<>();
		entries.forEach(e -> kinds.add(e.get("kind").asText()));
		assertThat(kinds).contains("REFERRAL", "REFERRAL_REVERSAL", "REFERRAL_REWARD");
		assertThat(reconciliation.run(new LeaderId(referrer.leaderId()))).isEmpty();
		assertThat(reconciliation.run(new LeaderId(referredId))).isEmpty();
		// the operator sees the same; an operator of another region does not
		assertThat(operator.get("/api/admin/leaders/" + referrer.leaderId() + "/referrals").json().get("referred")
			.size()).isEqualTo(1);
		var other = new NetworkFixtures(admin).operatorOf(new NetworkFixtures(admin).region());
		assertThat(other.get("/api/admin/leaders/" + referrer.leaderId() + "/referrals").status()).isEqualTo(404);
		// attributing by hand: oneself is refused, so is a leader referred already, and another region's operator
		assertRefused(operator.post("/api/admin/leaders/" + referredId + "/referrals", Map.of("referrerId", referredId)),
				400, "referrerId");
		assertRefused(operator.post("/api/admin/leaders/" + referredId + "/referrals",
				Map.of("referrerId", referrer.leaderId())), 409, "referredId");
		assertThat(other.post("/api/admin/leaders/" + stranger.get("leaderId").asLong() + "/referrals",
				Map.of("referrerId", referrer.leaderId())).status()).isEqualTo(404);
		assertThat(referralsOf(stranger.get("leaderId").asLong())).isZero();
	}

	@Test
	void aContestRefusesBadInputAndPaysItsWinnersOnce() throws Exception {
		var l1 = pickups.leader(world.pickupPoint);
		var p2 = world.anotherPickupPoint();
		var l2 = pickups.leader(p2);
		var l3 = pickups.leader(world.anotherPickupPoint());
		var apples = world.listing("评比苹果" + NetworkFixtures.unique(), "10.00", 500, 20);
		var o1 = pickups.paidOrder(world.resident(world.pickupPoint), apples, 3);
		var o2 = pickups.paidOrder(world.resident(p2), apples, 5);
		YearMonth now = YearMonth.from(LocalDate.now(clock.withZone(world.region.zone())));
		YearMonth last = now.minusMonths(1);
		for (var order : List.of(o1, o2)) {
			jdbc.sql("update ordering.orders set pickup_date = ? where id = ?")
				.params(last.atDay(15), order.get("id").asLong()).update();
		}
		long region = world.region.id().value();

		// bad input: refused naming the field, nothing created
		assertRefused(operator.post(CONTESTS, contest(region, last, "LIKES", 2, 5000)), 400, "metric");
		assertRefused(operator.post(CONTESTS, contest(region, last, "SALES", 0, 5000)), 400, "winners");
		assertRefused(operator.post(CONTESTS, contest(region, last, "SALES", 2, -1)), 400, "prizes[0].cashFen");
		assertRefused(operator.post(CONTESTS, contest(region, last, "SALES", 2, 5000).with("month", "2026-13")), 400,
				"month");
		var stranger = new NetworkFixtures(admin).operatorOf(new NetworkFixtures(admin).region());
		assertThat(stranger.post(CONTESTS, contest(region, last, "SALES", 2, 5000)).status()).isEqualTo(403);
		assertThat(operator.get(CONTESTS + "?regionId=" + region).json().size()).isZero();

		var created = operator.post(CONTESTS, contest(region, last, "SALES", 2, 5000));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long id = created.json().get("contest").get("id").asLong();
		assertThat(created.json().get("contest").get("status").asText()).isEqualTo("OPEN");
		assertRefused(operator.post(CONTESTS, contest(region, last, "SALES", 1, 100)), 409, "metric");
		var running = operator.post(CONTESTS, contest(region, now, "SALES", 1, 100));
		assertThat(running.status()).as(running.toString()).isEqualTo(201);
		assertRefused(operator.post(CONTESTS + "/" + running.json().get("contest").get("id").asLong() + "/close", Map.of()),
				409, "month");

		// standings from the month's performance figures: L2 ¥50, L1 ¥30, L3 nothing (not placed)
		var standings = operator.get(CONTESTS + "/" + id).json().get("standings");
		assertThat(standings.get(0).get("leaderId").asLong()).isEqualTo(l2.leaderId());
		assertThat(standings.get(0).get("value").asDouble()).isEqualTo(5000.0);
		assertThat(standings.get(1).get("leaderId").asLong()).isEqualTo(l1.leaderId());
		assertThat(standings.get(1).get("cashFen").asLong()).isEqualTo(2000);
		assertThat(standings.get(2).get("leaderId").asLong()).isEqualTo(l3.leaderId());
		assertThat(standings.get(2).get("placed").asBoolean()).isFalse();
		var mine = l1.api().get("/api/leader/contests");
		assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
		JsonNode l1Contest = null;
		for (var c : mine.json()) {
			if (c.get("contest").get("id").asLong() == id) {
				l1Contest = c;
			}
		}
		assertThat(l1Contest).isNotNull();
		assertThat(l1Contest.get("mine").get("rank").asInt()).isEqualTo(2);

		// four operators close it at once: one closes and pays, the others are told it is closed
		int threads = 4;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> closes = new ArrayList<>();
		try {
			for (int i = 0; i < threads; i++) {
				closes.add(pool.submit((Callable<Integer>) () -> {
					start.await();
					return operator.post(CONTESTS + "/" + id + "/close", Map.of()).status();
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (var c : closes) {
				statuses.add(c.get());
			}
			assertThat(statuses).containsExactlyInAnyOrder(200, 409, 409, 409);
		}
		finally {
			pool.shutdownNow();
		}
		assertRefused(operator.post(CONTESTS + "/" + id + "/close", Map.of()), 409, "status");
		assertRefused(operator.post(CONTESTS, contest(region, last, "GROWTH", 1, 100)), 409, "month");

		var closed = operator.get(CONTESTS + "/" + id).json();
		assertThat(closed.get("contest").get("status").asText()).isEqualTo("CLOSED");
		assertThat(closed.get("standings").size()).isEqualTo(2);
		assertThat(closed.get("standings").get(1).get("prize").asText()).isEqualTo("水果券 20 张");
		assertThat(jdbc.sql("select count(*) from leader.commission_entry where kind = 'CONTEST_REWARD' and refund_reference like ?")
			.param("contest:" + id + ":%").query(Long.class).single()).isEqualTo(2);
		assertThat(available(l2)).isEqualTo(5000);
		assertThat(available(l1)).isEqualTo(2000);
		assertThat(available(l3)).isZero();
		for (var l : List.of(l1, l2, l3)) {
			assertThat(reconciliation.run(new LeaderId(l.leaderId()))).isEmpty();
		}
	}

	/** A contest body; {@code with} adds a field. */
	static Body contest(long region, YearMonth month, String metric, int winners, long firstCash) {
		var body = new Body();
		body.put("regionId", region);
		body.put("month", month.toString());
		body.put("metric", metric);
		body.put("title", month + " 销售冠军");
		body.put("winners", winners);
		body.put("prizes", List.of(Map.of("rank", 1, "cashFen", firstCash),
				Map.of("rank", Math.min(2, Math.max(winners, 1)), "cashFen", 2000, "description", "水果券 20 张")));
		if (winners == 1) {
			body.put("prizes", List.of(Map.of("rank", 1, "cashFen", firstCash)));
		}
		return body;
	}

	static final class Body extends HashMap<String, Object> {

		Body with(String key, Object value) {
			put(key, value);
			return this;
		}
	}

	private void assertRefused(Api.Response response, int status, String field) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.errorFields()).as(response.toString()).contains(field);
	}

	private long available(LeaderLogin leader) {
		return leader.api().get("/api/leader/earnings").json().get("balance").get("availableFen").asLong();
	}

	private void assertBalance(LeaderLogin leader, long pending, long available) {
		var b = leader.api().get("/api/leader/earnings").json().get("balance");
		assertThat(new long[] { b.get("pendingFen").asLong(), b.get("availableFen").asLong() })
			.as("pending, available").containsExactly(pending, available);
	}

	private int runRewards() {
		for (int i = 0; i < 100; i++) {
			int paid = admin.post("/api/admin/leaders/referral-rewards/runs", Map.of()).json().get("paid").asInt();
			if (paid >= 0) {
				return paid;
			}
			sleep();
		}
		throw new AssertionError("the referral reward job lock stays taken");
	}

	private long rewardEntries(long leaderId) {
		return jdbc.sql("select count(*) from leader.commission_entry where leader_id = ? and kind = 'REFERRAL_REWARD'")
			.param(leaderId).query(Long.class).single();
	}

	private long referralsOf(long referredId) {
		return jdbc.sql("select count(*) from leader.referral where referred_id = ?").param(referredId)
			.query(Long.class).single();
	}

	/** An application with the referral code, submitted and approved through HTTP: the approved application. */
	private JsonNode approvedApplicant(String referralCode, double latitude, double longitude) {
		String phone = Api.newPhone();
		var anonymous = Api.at(port);
		assertThat(anonymous.post("/api/leader-applications/phone-codes", Map.of("phone", phone)).status()).isEqualTo(202);
		var body = new HashMap<String, Object>();
		body.put("name", "新团长" + phone.substring(7));
		body.put("phone", phone);
		body.put("code", SmsLog.codeFor(phone));
		String first17 = "33010619900101123";
		body.put("idNumber", first17 + IdNumbers.checkCharacter(first17));
		body.put("communityId", world.pickupPoint.communityId().value());
		body.put("kind", "SHOP");
		body.put("pointName", "邀请便利店" + phone.substring(7));
		body.put("address", "幸福路 9 号底商");
		body.put("latitude", latitude);
		body.put("longitude", longitude);
		body.put("opensAt", "08:00");
		body.put("closesAt", "21:00");
		body.put("followers", 150);
		body.put("households", 900);
		body.put("storageSqm", 12);
		body.put("referralCode", referralCode);
		var applied = anonymous.post("/api/leader-applications", body);
		assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
		String no = applied.json().get("applicationNo").asText();
		long id = -1;
		for (var item : operator.get(REVIEW + "?regionId=" + world.region.id().value() + "&size=200").json().get("items")) {
			if (item.get("applicationNo").asText().equals(no)) {
				id = item.get("id").asLong();
			}
		}
		assertThat(id).as("in the queue").isPositive();
		var approved = operator.post(REVIEW + "/" + id + "/approve",
				Map.of("checklist", List.of("IDENTITY", "PHOTOS", "SITE", "INTERVIEW")));
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
		return approved.json();
	}

	/** One picked-up line at the point (ordering's event, through the real accrual path), at a 10% listing rate. */
	private long pickUp(PickupPointId point, Instant at, long baseFen, int quantity) {
		long line = LINES.incrementAndGet();
		var event = new OrderPickedUp(new OrderId(line), "R" + line, new AccountId(0), point, world.region.id(), at, true,
				List.of(new PickedUpLine(new OrderLineId(line), new SkuId(1), null, quantity, Money.ofFen(baseFen),
						"邀请测试商品", 1000)));
		assertThat(accruals.accrue(event)).isEqualTo(1);
		return line;
	}

	private void refund(PickupPointId point, long line, int quantity, long amountFen, String reference) {
		var refund = new OrderLineRefunded(new OrderId(line), "R" + line, new OrderLineId(line), new AccountId(0), point,
				new SkuId(1), "邀请测试商品", null, quantity, Money.ofFen(amountFen), "DAMAGED", true,
				"line:" + line + ":" + reference);
		accruals.reverse(refund);
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
