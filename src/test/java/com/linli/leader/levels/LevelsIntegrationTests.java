package com.linli.leader.levels;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.linli.Api;
import com.linli.Deadline;
import com.linli.IntegrationTest;
import com.linli.leader.recruitment.SmsLog;
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
 * Levels, penalties and 更换团长 through HTTP: a suspended leader's residents and open orders move to the nearest
 * active point and the residents are told; a lower band really lowers an accrual; a level's own bands are used;
 * the level recompute is rerun-safe; bad input changes nothing.
 */
@IntegrationTest
class LevelsIntegrationTests {

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

	MarketingFixtures marketing;

	Listing apples;

	Api admin;

	Api operator;

	@BeforeEach
	void world() {
		SmsLog.listen();
		world = new OrderingFixtures(context, port);
		pickups = new PickupFixtures(world, cutoffOrders, deliveryOrders, port);
		marketing = new MarketingFixtures(context);
		apples = world.listing("红富士苹果", "10.00", 500, 20);
		admin = Api.at(port).asAdmin();
		operator = MarketingFixtures.operatorOf(Api.at(port), world.region);
		// one band of 10%: what the leader earns unless a level or a penalty says otherwise
		var scheme = admin.put("/api/commission/schemes/" + world.region.id().value(),
				Map.of("bands", List.of(Map.of("floorFen", 0, "rateBasisPoints", 1000)), "overrides", List.of()));
		assertThat(scheme.status()).as(scheme.toString()).isEqualTo(200);
	}

	@Test
	void aSuspendedLeadersResidentsAndOpenOrdersMoveToTheNearestActivePointAndAreTold() {
		PickupPoint old = world.pickupPoint; // 30.28, 120.13
		var leader = pickups.leader(old);
		// the nearest point has a suspended leader: skipped; the next nearest takes the residents; a far one does not
		PickupPoint pausedNearby = marketing.pickupPoint(world.region, "停业苑" + MarketingFixtures.next(), 30.2805, 120.1305);
		var pausedLeader = pickups.leader(pausedNearby);
		assertThat(operator.post("/api/leaders/" + pausedLeader.leaderId() + "/suspend", Map.of()).status()).isEqualTo(200);
		PickupPoint near = marketing.pickupPoint(world.region, "近邻苑" + MarketingFixtures.next(), 30.285, 120.135);
		var nearLeader = pickups.leader(near);
		PickupPoint far = marketing.pickupPoint(world.region, "远郊苑" + MarketingFixtures.next(), 30.40, 120.30);
		pickups.leader(far);

		var first = world.resident();
		var second = world.resident();
		var order = pickups.paidOrder(first, apples, 2);
		assertThat(order.get("pickupPointId").asLong()).isEqualTo(old.id().value());

		var suspended = operator.post("/api/leaders/" + leader.leaderId() + "/suspend", Map.of());
		assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
		assertThat(suspended.json().get("status").asText()).isEqualTo("SUSPENDED");

		// both residents collect at the near point now, and were told its name and address by SMS
		for (Api resident : List.of(first, second)) {
			var point = resident.get("/api/me/pickup-point");
			assertThat(point.status()).isEqualTo(200);
			assertThat(point.json().get("id").asLong()).isEqualTo(near.id().value());
			String phone = resident.get("/api/me").json().get("phone").asText();
			assertThat(SmsLog.latestTo(phone)).hasValueSatisfying(text -> assertThat(text).contains(old.name())
				.contains(near.name()).contains(near.address()));
		}
		assertThat(SmsLog.latestTo(first.get("/api/me").json().get("phone").asText()).orElseThrow())
			.contains("未截单的订单 1 笔已一并转到新自提点");

		// the open order moved with its resident and can be collected there
		var moved = first.get("/api/orders/" + order.get("id").asLong()).json();
		assertThat(moved.get("pickupPointId").asLong()).isEqualTo(near.id().value());
		assertThat(moved.get("status").asText()).isEqualTo("PAID");

		var record = operator.get("/api/admin/leader-reassignments?leaderId=" + leader.leaderId());
		assertThat(record.status()).isEqualTo(200);
		assertThat(record.json()).hasSize(3);
		record.json().forEach(r -> {
			assertThat(r.get("outcome").asText()).isEqualTo("MOVED");
			assertThat(r.get("toPointId").asLong()).isEqualTo(near.id().value());
		});

		// commission follows the pickup: the leader of the near point hands it out and earns it
		pickups.receive(near);
		var ready = OrderingFixtures.awaitStatus(first, order.get("id").asLong(), "READY_FOR_PICKUP");
		var handedOut = nearLeader.api().post("/api/leader/pickups", Map.of("pickupCode", ready.get("pickupCode").asText()));
		assertThat(handedOut.status()).as(handedOut.toString()).isEqualTo(200);
		assertThat(awaitEntries(nearLeader, 1).get(0).get("amountFen").asLong()).isEqualTo(200);
		assertThat(entryCount(leader.leaderId())).isZero();

		// suspending again: a clear 409, and nothing moves
		long records = jdbc.sql("select count(*) from leader.reassignment").query(Long.class).single();
		var again = operator.post("/api/leaders/" + leader.leaderId() + "/suspend", Map.of());
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("code").asText()).isEqualTo("illegal-leader-transition");
		assertThat(jdbc.sql("select count(*) from leader.reassignment").query(Long.class).single()).isEqualTo(records);
	}

	@Test
	void anOperatorSuspensionPenaltySuspendsAndMovesAndTheLeaderSeesIt() {
		var leader = pickups.leader(world.pickupPoint);
		PickupPoint near = marketing.pickupPoint(world.region, "接收苑" + MarketingFixtures.next(), 30.283, 120.133);
		var resident = world.resident();

		var warned = operator.post("/api/admin/leaders/" + leader.leaderId() + "/penalties",
				Map.of("kind", "WARNING", "reason", "本周收货确认三次迟到"));
		assertThat(warned.status()).as(warned.toString()).isEqualTo(201);
		assertThat(warned.json().get("status").asText()).isEqualTo("ACTIVE");
		assertThat(SmsLog.latestTo(leader.phone()).orElseThrow()).contains("本周收货确认三次迟到");
		var mine = leader.api().get("/api/leader/level");
		assertThat(mine.status()).isEqualTo(200);
		assertThat(mine.json().get("level").get("level").asText()).isEqualTo("TRAINEE");
		assertThat(mine.json().get("penalties").get(0).get("kind").asText()).isEqualTo("WARNING");

		var suspension = operator.post("/api/admin/leaders/" + leader.leaderId() + "/penalties",
				Map.of("kind", "SUSPENSION", "reason", "多次投诉"));
		assertThat(suspension.status()).as(suspension.toString()).isEqualTo(201);
		assertThat(operator.get("/api/leaders/" + leader.leaderId()).json().get("status").asText()).isEqualTo("SUSPENDED");
		assertThat(resident.get("/api/me/pickup-point").json().get("id").asLong()).isEqualTo(near.id().value());

		// a second suspension: 409 and no second penalty
		long penalties = penaltiesOf(leader.leaderId());
		var again = operator.post("/api/admin/leaders/" + leader.leaderId() + "/penalties",
				Map.of("kind", "SUSPENSION", "reason", "再次暂停"));
		assertThat(again.status()).isEqualTo(409);
		assertThat(penaltiesOf(leader.leaderId())).isEqualTo(penalties);

		// revoking: REVOKED with its reason; revoking again is an illegal move
		long id = warned.json().get("id").asLong();
		assertThat(operator.post("/api/admin/leader-penalties/" + id + "/revoke", Map.of()).status()).isEqualTo(400);
		var revoked = operator.post("/api/admin/leader-penalties/" + id + "/revoke", Map.of("reason", "误判"));
		assertThat(revoked.json().get("status").asText()).isEqualTo("REVOKED");
		var twice = operator.post("/api/admin/leader-penalties/" + id + "/revoke", Map.of("reason", "误判"));
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.json().get("code").asText()).isEqualTo("illegal-penalty-transition");

		var listed = operator.get("/api/admin/leader-penalties?regionId=" + world.region.id().value());
		assertThat(listed.json().get("items")).extracting(n -> n.get("kind").asText()).contains("WARNING", "SUSPENSION");
		var stranger = MarketingFixtures.operatorOf(Api.at(port), marketing.region());
		assertThat(stranger.get("/api/admin/leader-penalties?regionId=" + world.region.id().value()).status()).isEqualTo(403);
		assertThat(stranger.post("/api/admin/leader-penalties/" + id + "/revoke", Map.of("reason", "x")).status())
			.isEqualTo(404);
	}

	@Test
	void aLowerBandReallyLowersTheAccrualAndEndsWithItsRevocation() {
		var leader = pickups.leader(world.pickupPoint);
		var lowered = operator.post("/api/admin/leaders/" + leader.leaderId() + "/penalties",
				Map.of("kind", "LOWER_BAND", "reason", "投诉率过高"));
		assertThat(lowered.status()).as(lowered.toString()).isEqualTo(201);

		// 2 × 10.00 at 10% less the region's default cut of 2 points: 8% = 1.60
		handOut(leader, pickups.readyOrder(world.resident(), world.pickupPoint, apples, 2));
		var entries = awaitEntries(leader, 1);
		assertThat(entries.get(0).get("rateBasisPoints").asInt()).isEqualTo(800);
		assertThat(entries.get(0).get("amountFen").asLong()).isEqualTo(160);

		var revoked = operator.post("/api/admin/leader-penalties/" + lowered.json().get("id").asLong() + "/revoke",
				Map.of("reason", "申诉成功"));
		assertThat(revoked.status()).isEqualTo(200);
		handOut(leader, pickups.readyOrder(world.resident(), world.pickupPoint, apples, 2));
		entries = awaitEntries(leader, 2);
		assertThat(entries.get(1).get("rateBasisPoints").asInt()).isEqualTo(1000);
		assertThat(entries.get(1).get("amountFen").asLong()).isEqualTo(200);
	}

	@Test
	void levelsUseTheirOwnBandsAndTheRecomputeIsRerunSafe() {
		long region = world.region.id().value();
		var leader = pickups.leader(world.pickupPoint);

		// a table whose sales do not rise: 400 naming the row, nothing changes
		var before = operator.get("/api/admin/leader-levels/" + region).json().get("thresholds").toString();
		var bad = operator.put("/api/admin/leader-levels/" + region + "/thresholds", Map.of("thresholds",
				List.of(threshold("TRAINEE", 0, 0), threshold("BRONZE", 1000, 0), threshold("SILVER", 1000, 0),
						threshold("GOLD", 5000, 0))));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.errorFields()).containsExactly("thresholds[2].minSalesFen");
		assertThat(operator.get("/api/admin/leader-levels/" + region).json().get("thresholds").toString()).isEqualTo(before);

		var saved = operator.put("/api/admin/leader-levels/" + region + "/thresholds", Map.of("thresholds",
				List.of(threshold("TRAINEE", 0, 0), threshold("BRONZE", 1000, 0), threshold("SILVER", 100_000, 4.5),
						threshold("GOLD", 500_000, 4.8))));
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
		var bands = operator.put("/api/admin/leader-levels/" + region + "/bands",
				Map.of("level", "TRAINEE", "bands", List.of(Map.of("floorFen", 0, "rateBasisPoints", 300))));
		assertThat(bands.status()).as(bands.toString()).isEqualTo(200);

		// this month: no sales in the three months before, a trainee, who earns by the trainee bands (3%)
		var now = operator.post("/api/admin/leader-levels/" + region + "/recompute", Map.of());
		assertThat(now.status()).as(now.toString()).isEqualTo(200);
		handOut(leader, pickups.readyOrder(world.resident(), world.pickupPoint, apples, 2));
		var entries = awaitEntries(leader, 1);
		assertThat(entries.get(0).get("rateBasisPoints").asInt()).isEqualTo(300);
		assertThat(entries.get(0).get("amountFen").asLong()).isEqualTo(60);

		// next month counts this month's 20.00 yuan: bronze; the same recompute again changes nothing
		String next = java.time.YearMonth.parse(now.json().get("month").asText()).plusMonths(1).toString();
		var first = operator.post("/api/admin/leader-levels/" + region + "/recompute?month=" + next, Map.of());
		assertThat(first.json().get("leaders").asInt()).isEqualTo(1);
		assertThat(first.json().get("changed").asInt()).isEqualTo(1);
		var second = operator.post("/api/admin/leader-levels/" + region + "/recompute?month=" + next, Map.of());
		assertThat(second.json().get("changed").asInt()).isZero();
		var level = operator.get("/api/admin/leaders/" + leader.leaderId() + "/level").json();
		assertThat(level.get("history")).hasSize(2);
		assertThat(level.get("history").get(0).get("month").asText()).isEqualTo(next);
		assertThat(level.get("history").get(0).get("level").asText()).isEqualTo("BRONZE");
		assertThat(level.get("history").get(0).get("salesFen").asLong()).isEqualTo(2000);
		assertThat(level.get("level").get("level").asText()).isEqualTo("TRAINEE");
		assertThat(level.get("level").get("next").get("level").asText()).isEqualTo("BRONZE");
	}

	@Test
	void anOperatorMovesOneResidentOrOneOrderAndBadMovesChangeNothing() {
		pickups.leader(world.pickupPoint);
		PickupPoint other = marketing.pickupPoint(world.region, "换点苑" + MarketingFixtures.next(), 30.29, 120.14);
		var resident = world.resident();
		long account = resident.get("/api/me").json().get("id").asLong();
		var order = pickups.paidOrder(resident, apples, 1);

		// another region's point, or a closed one: 409 naming the field, nothing moves
		var elsewhere = new MarketingFixtures(context);
		var otherRegion = elsewhere.pickupPoint(elsewhere.region(), "外区苑" + MarketingFixtures.next(), 30.3, 120.2);
		var refused = operator.post("/api/admin/residents/" + account + "/leader-change",
				Map.of("pickupPointId", otherRegion.id().value(), "reason", "居民要求"));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("code").asText()).isEqualTo("other-region");
		PickupPoint closed = marketing.pickupPoint(world.region, "关闭苑" + MarketingFixtures.next(), 30.27, 120.12);
		context.getBean(com.linli.network.PickupPointManagement.class).updatePickupPoint(
				com.linli.identity.Actor.system("test"), closed.id(), new com.linli.network.PickupPointChange(
						closed.gridWarehouseId(), closed.name(), closed.address(), closed.latitude(), closed.longitude(),
						closed.opensAt(), closed.closesAt(), false));
		var toClosed = operator.post("/api/admin/orders/" + order.get("id").asLong() + "/leader-change",
				Map.of("pickupPointId", closed.id().value(), "reason", "居民要求"));
		assertThat(toClosed.status()).isEqualTo(409);
		assertThat(toClosed.json().get("code").asText()).isEqualTo("pickup-point-closed");
		assertThat(resident.get("/api/me/pickup-point").json().get("id").asLong()).isEqualTo(world.pickupPoint.id().value());
		assertThat(resident.get("/api/orders/" + order.get("id").asLong()).json().get("pickupPointId").asLong())
			.isEqualTo(world.pickupPoint.id().value());

		var movedResident = operator.post("/api/admin/residents/" + account + "/leader-change",
				Map.of("pickupPointId", other.id().value(), "reason", "居民搬家"));
		assertThat(movedResident.status()).as(movedResident.toString()).isEqualTo(200);
		assertThat(resident.get("/api/me/pickup-point").json().get("id").asLong()).isEqualTo(other.id().value());
		String phone = resident.get("/api/me").json().get("phone").asText();
		assertThat(SmsLog.latestTo(phone).orElseThrow()).contains(other.name()).contains("居民搬家");

		var movedOrder = operator.post("/api/admin/orders/" + order.get("id").asLong() + "/leader-change",
				Map.of("pickupPointId", other.id().value(), "reason", "随居民更换团长"));
		assertThat(movedOrder.status()).as(movedOrder.toString()).isEqualTo(200);
		assertThat(resident.get("/api/orders/" + order.get("id").asLong()).json().get("pickupPointId").asLong())
			.isEqualTo(other.id().value());
		assertThat(SmsLog.latestTo(phone).orElseThrow()).contains(order.get("orderNo").asText());
	}

	@Test
	void theNightlyRulesWarnAnInactiveLeaderOnceAndTellThem() {
		var leader = pickups.leader(world.pickupPoint);
		// the leader started a month ago and nobody ordered at their point since
		jdbc.sql("update leader.leader set since = since - 30 where id = ?").param(leader.leaderId()).update();
		long region = world.region.id().value();

		var first = operator.post("/api/admin/leader-penalties/evaluate/" + region, Map.of());
		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		assertThat(first.json().get("evaluated").asInt()).isEqualTo(1);
		assertThat(first.json().get("warnings").asInt()).isEqualTo(1);
		var penalties = operator.get("/api/admin/leaders/" + leader.leaderId() + "/penalties").json();
		assertThat(penalties).hasSize(1);
		assertThat(penalties.get(0).get("kind").asText()).isEqualTo("WARNING");
		assertThat(penalties.get(0).get("reason").asText()).isEqualTo("INACTIVITY");
		assertThat(penalties.get(0).get("status").asText()).isEqualTo("ACTIVE");
		assertThat(SmsLog.latestTo(leader.phone()).orElseThrow()).contains("最近 7 天没有订单");

		// rerun-safe: the open warning blocks a second one
		var second = operator.post("/api/admin/leader-penalties/evaluate/" + region, Map.of());
		assertThat(second.json().get("warnings").asInt()).isZero();
		assertThat(penaltiesOf(leader.leaderId())).isEqualTo(1);

		// rules are per region and checked
		var bad = operator.put("/api/admin/leader-penalties/rules/" + region, Map.of("inactiveDays", 0, "lateReceipts", 3,
				"complaintRateBasisPoints", 1000, "minOrdersForRate", 10, "lowerBandReductionBasisPoints", 200));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.errorFields()).containsExactly("inactiveDays");
		assertThat(operator.get("/api/admin/leader-penalties/rules/" + region).json().get("inactiveDays").asInt())
			.isEqualTo(7);
	}

	private static Map<String, Object> threshold(String level, long minSalesFen, double minRating) {
		return Map.of("level", level, "minSalesFen", minSalesFen, "minRating", minRating);
	}

	private long penaltiesOf(long leaderId) {
		return jdbc.sql("select count(*) from leader.penalty where leader_id = ?").param(leaderId).query(Long.class).single();
	}

	private long entryCount(long leaderId) {
		return jdbc.sql("select count(*) from leader.commission_entry where leader_id = ?").param(leaderId)
			.query(Long.class).single();
	}

	private void handOut(PickupFixtures.LeaderLogin leader, JsonNode order) {
		var response = leader.api().post("/api/leader/pickups", Map.of("pickupCode", order.get("pickupCode").asText()));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
	}

	/** The leader's ledger entries oldest first, once the asynchronous accrual wrote this many (with a deadline). */
	private List<JsonNode> awaitEntries(PickupFixtures.LeaderLogin leader, int count) {
		Deadline deadline = Deadline.inMillis(15_000);
		JsonNode commission = leader.api().get("/api/leader/commission?size=200").json();
		while (commission.get("entries").get("total").asInt() < count && !deadline.passed()) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				break;
			}
			commission = leader.api().get("/api/leader/commission?size=200").json();
		}
		assertThat(commission.get("entries").get("total").asInt()).as("ledger entries").isEqualTo(count);
		List<JsonNode> entries = new ArrayList<>();
		commission.get("entries").get("items").forEach(entries::add);
		java.util.Collections.reverse(entries);
		return entries;
	}
}
