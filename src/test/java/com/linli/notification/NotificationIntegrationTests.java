package com.linli.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.linli.Deadline;
import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.TestClock;
import com.linli.identity.AccountId;
import com.linli.marketing.Listing;
import com.linli.network.KeeperManagement;
import com.linli.notification.internal.PickupReminders;
import com.linli.ordering.OrderCutoffManagement;
import com.linli.ordering.OrderDeliveryManagement;
import com.linli.ordering.OrderId;
import com.linli.ordering.OrderLineId;
import com.linli.ordering.OrderLineRefunded;
import com.linli.ordering.OrderManagement;
import com.linli.ordering.OrderPaid;
import com.linli.ordering.OrderingFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The message centre through HTTP: what residents and leaders are told when orders are paid,
 * cancelled, received with shortages and left waiting, exactly once each, and only to them.
 */
@IntegrationTest
class NotificationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	KeeperManagement network;

	@Autowired
	OrderManagement orders;

	@Autowired
	OrderCutoffManagement cutoffOrders;

	@Autowired
	OrderDeliveryManagement deliveryOrders;

	@Autowired
	OrderNotifications listener;

	@Autowired
	PickupReminders reminders;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	OrderingFixtures world;

	@BeforeEach
	void world() {
		world = new OrderingFixtures(context, port);
	}

	@Test
	void aPaymentTellsTheResidentTheirPickupCodeInTheAppOnly() {
		var resident = world.resident();
		var order = placeAndPay(resident, world.listing("红富士苹果 2斤", "19.90", 50, 5), 2);
		String code = order.get("pickupCode").asText();

		var paid = awaitMessage(resident, m -> m.get("kind").asText().equals("ORDER_PAID"));
		assertThat(paid.get("title").asText()).isEqualTo("支付成功，取货码 " + code);
		assertThat(paid.get("body").asText()).contains(order.get("orderNo").asText(), "¥39.80",
				world.pickupPoint.name());
		assertThat(paid.get("link").asText()).isEqualTo("/shop/orders/" + order.get("id").asLong());
		assertThat(paid.get("read").asBoolean()).isFalse();
		assertThat(paid.get("audience").asText()).isEqualTo("RESIDENT");
		assertThat(resident.get("/api/messages/unread-count").json().get("count").asLong()).isEqualTo(1);
		// a payment confirmation is seen at the cashier: it stays in the app
		assertThat(deliveriesOf(paid.get("id").asLong())).isEmpty();

		var read = resident.post("/api/messages/" + paid.get("id").asLong() + "/read", Map.of());
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().get("read").asBoolean()).isTrue();
		String readAt = read.json().get("readAt").asText();
		var again = resident.post("/api/messages/" + paid.get("id").asLong() + "/read", Map.of());
		assertThat(again.json().get("readAt").asText()).as("reading again changes nothing").isEqualTo(readAt);
		assertThat(resident.get("/api/messages/unread-count").json().get("count").asLong()).isZero();
		assertThat(resident.get("/api/messages?unread=true").json().get("total").asLong()).isZero();
	}

	@Test
	void cancellingAPaidOrderTellsTheResidentOfTheRefundAndSendsAnSms() {
		var resident = world.resident();
		var order = placeAndPay(resident, world.listing("精品猪肉 500g", "18.80", 20, 5), 3);
		long id = order.get("id").asLong();
		awaitMessage(resident, m -> m.get("kind").asText().equals("ORDER_PAID"));

		assertThat(resident.post("/api/orders/" + id + "/cancel", Map.of()).status()).isEqualTo(200);

		var refund = awaitMessage(resident, m -> m.get("kind").asText().equals("REFUND"));
		assertThat(refund.get("title").asText()).isEqualTo("退款 ¥56.40 已原路退回");
		assertThat(refund.get("body").asText()).contains(order.get("orderNo").asText(), "已取消", "¥56.40");
		assertThat(refund.get("link").asText()).isEqualTo("/shop/orders/" + id);
		var deliveries = awaitDeliveries(refund.get("id").asLong());
		assertThat(deliveries).hasSize(1);
		assertThat(deliveries.get(0)).containsEntry("channel", "sms-log").containsEntry("status", "SENT");
		assertThat(deliveries.get(0).get("error")).isNull();
		// WeChat is switched off by default: it reaches nobody and records nothing
		assertThat(deliveries).noneMatch(d -> d.get("channel").equals("wechat"));
	}

	@Test
	void anUnpaidOrderThatExpiresIsExplained() {
		var resident = world.resident();
		var listing = world.listing("西兰花 500g", "4.90", 20, 5);
		long id = resident.post("/api/orders", Map.of("items", List.of(Map.of("listingId", listing.id().value(),
				"quantity", 1))), Map.of("Idempotency-Key", "exp-" + System.nanoTime())).id();
		jdbc.sql("update ordering.orders set expires_at = ? where id = ?").params(java.sql.Timestamp.from(TestClock.now().minusSeconds(60)), id).update();
		orders.expireUnpaid();

		var expired = awaitMessage(resident, m -> m.get("kind").asText().equals("ORDER_CANCELLED"));
		assertThat(expired.get("title").asText()).isEqualTo("订单超时未支付已取消");
		assertThat(resident.get("/api/messages").json().get("total").asLong()).isEqualTo(1);
	}

	@Test
	void aReceiptWithAShortageTellsTheResidentOfArrivalAndRefundAndTheLeaderOfTheRefund() {
		var leader = appointLeader();
		var resident = world.resident();
		var apples = world.listing("红富士苹果 5斤", "29.90", 50, 5);
		var eggs = world.listing("土鸡蛋 30枚", "22.80", 50, 5);
		var order = placeAndPay(resident, List.of(apples, eggs), List.of(2, 3));
		long id = order.get("id").asLong();
		long eggsLine = lineOf(order, eggs);

		cutoffOrders.confirmForCutoff(world.region.id(), world.pickupDate);
		var receipt = deliveryOrders.receive(world.pickupPoint.id(), world.pickupDate,
				Map.of(new OrderLineId(eggsLine), 1), "破损");
		assertThat(receipt.refunded().fen()).isEqualTo(2280);

		var ready = awaitMessage(resident, m -> m.get("kind").asText().equals("ORDER_READY"));
		assertThat(ready.get("title").asText()).isEqualTo("您的订单已到自提点，请凭取货码取货");
		assertThat(ready.get("body").asText()).contains(order.get("orderNo").asText(), world.pickupPoint.name(),
				world.pickupPoint.address(), "08:00–21:00", order.get("pickupCode").asText());
		var refund = awaitMessage(resident, m -> m.get("kind").asText().equals("REFUND"));
		assertThat(refund.get("title").asText()).isEqualTo("退款 ¥22.80 已原路退回");
		assertThat(refund.get("body").asText()).contains("土鸡蛋 30枚 ×1", "到货缺少或破损", "¥22.80");
		assertThat(awaitDeliveries(ready.get("id").asLong())).extracting(d -> d.get("channel")).containsExactly("sms-log");

		var told = awaitMessage(leader, "?audience=LEADER", m -> m.get("kind").asText().equals("LEADER_REFUND"));
		assertThat(told.get("title").asText()).isEqualTo("订单 " + order.get("orderNo").asText() + " 有退款");
		assertThat(told.get("body").asText()).contains("土鸡蛋 30枚 ×1", "¥22.80");
		// each sees only their own: the resident has no leader message, the leader none of the resident's
		assertThat(kinds(resident.get("/api/messages").json())).containsExactlyInAnyOrder("ORDER_PAID", "ORDER_READY",
				"REFUND");
		assertThat(kinds(leader.get("/api/messages").json())).containsExactly("LEADER_REFUND");
		assertThat(leader.get("/api/messages?audience=RESIDENT").json().get("total").asLong()).isZero();
		assertThat(id).isPositive();
	}

	@Test
	void aRedeliveredEventWritesOneMessage() {
		var resident = world.resident();
		var order = placeAndPay(resident, world.listing("五常大米 5kg", "49.90", 20, 5), 1);
		var paid = orders.get(new OrderId(order.get("id").asLong()));
		awaitMessage(resident, m -> m.get("kind").asText().equals("ORDER_PAID"));
		var event = new OrderPaid(paid.id(), paid.orderNo(), paid.residentId(), paid.pickupPointId(), paid.regionId(),
				paid.pickupDate(), paid.paid(), paid.pickupCode());
		var line = paid.lines().get(0);
		var refunded = new OrderLineRefunded(paid.id(), paid.orderNo(), line.id(), paid.residentId(),
				paid.pickupPointId(), line.skuId(), line.skuName(), line.categoryId(), 1, line.unitPrice(), "DAMAGE",
				false);

		OrderNotifications direct = AopTestUtils.getUltimateTargetObject(listener);
		for (int i = 0; i < 2; i++) {
			// as the event publication registry would: each delivery in the listener's own transaction
			tx.executeWithoutResult(s -> direct.on(event));
			tx.executeWithoutResult(s -> direct.on(refunded));
		}

		var all = resident.get("/api/messages").json();
		assertThat(kinds(all)).containsExactlyInAnyOrder("ORDER_PAID", "REFUND");
		long refundMessage = messages(all).stream().filter(m -> m.get("kind").asText().equals("REFUND")).findFirst()
			.orElseThrow().get("id").asLong();
		assertThat(messages(all).stream().filter(m -> m.get("kind").asText().equals("REFUND")).findFirst().orElseThrow()
			.get("body").asText()).contains("商品破损");
		assertThat(deliveriesOf(refundMessage)).as("sent once, not once per delivery of the event").hasSize(1);
	}

	@Test
	void theReminderJobRemindsEachWaitingResidentOnceAndEachLeaderOnceADay() {
		var leader = appointLeader();
		var listing = world.listing("有机菠菜 500g", "6.60", 50, 5);
		var waiting = world.resident();
		var alsoWaiting = world.resident();
		var justArrived = world.resident();
		long first = placeAndPay(waiting, listing, 1).get("id").asLong();
		long second = placeAndPay(alsoWaiting, listing, 2).get("id").asLong();
		long fresh = placeAndPay(justArrived, listing, 1).get("id").asLong();
		cutoffOrders.confirmForCutoff(world.region.id(), world.pickupDate);
		deliveryOrders.receive(world.pickupPoint.id(), world.pickupDate, Map.of(), null);

		ZoneId zone = world.region.zone();
		LocalDate today = LocalDate.now(clock.withZone(zone));
		Instant noon = today.atTime(LocalTime.NOON).atZone(zone).toInstant();
		Instant lateNight = today.atTime(23, 0).atZone(zone).toInstant();
		setReadyAt(noon.minusSeconds(7 * 3600), first, second);
		setReadyAt(noon.minusSeconds(3600), fresh);

		// the pickup point (08:00-21:00) is closed at night: nobody is reminded yet
		reminders.remindResidents(lateNight);
		assertThat(reminderCount(waiting)).isZero();

		reminders.remindResidents(noon);
		reminders.remindResidents(noon);
		reminders.remindResidents(noon.plusSeconds(3600));
		assertThat(reminderCount(waiting)).isEqualTo(1);
		assertThat(reminderCount(alsoWaiting)).isEqualTo(1);
		assertThat(reminderCount(justArrived)).as("waiting only an hour at noon").isZero();
		var reminder = messages(waiting.get("/api/messages").json()).stream()
			.filter(m -> m.get("kind").asText().equals("PICKUP_REMINDER")).findFirst().orElseThrow();
		assertThat(reminder.get("title").asText()).isEqualTo("取货提醒：您的订单还在自提点等您");
		assertThat(reminder.get("body").asText()).contains(world.pickupPoint.name(), "05:00");
		assertThat(reminder.get("link").asText()).isEqualTo("/shop/orders/" + first);
		assertThat(awaitDeliveries(reminder.get("id").asLong())).hasSize(1);

		// the leader's summary waits for the afternoon, then comes once that day
		reminders.summariseForLeaders(noon);
		assertThat(leader.get("/api/messages").json().get("total").asLong()).isZero();
		Instant evening = today.atTime(20, 0).atZone(zone).toInstant();
		reminders.summariseForLeaders(evening);
		reminders.summariseForLeaders(evening.plusSeconds(3600));
		var summaries = messages(leader.get("/api/messages").json());
		assertThat(summaries).hasSize(1);
		var summary = summaries.get(0);
		assertThat(summary.get("kind").asText()).isEqualTo("LEADER_PICKUP_SUMMARY");
		assertThat(summary.get("title").asText()).isEqualTo("今日待取货：3 单未取");
		for (long id : List.of(first, second, fresh)) {
			assertThat(summary.get("body").asText()).contains(orders.get(new OrderId(id)).orderNo());
		}
		assertThat(waiting.get("/api/messages?audience=LEADER").json().get("total").asLong()).isZero();
	}

	@Test
	void aResidentNeverSeesAnothersMessages() {
		var owner = world.resident();
		placeAndPay(owner, world.listing("酸奶 100g×8", "15.90", 20, 5), 1);
		long id = awaitMessage(owner, m -> m.get("kind").asText().equals("ORDER_PAID")).get("id").asLong();
		var stranger = world.resident();

		assertThat(stranger.get("/api/messages/" + id).status()).isEqualTo(404);
		assertThat(stranger.post("/api/messages/" + id + "/read", Map.of()).status()).isEqualTo(404);
		assertThat(stranger.get("/api/messages").json().get("total").asLong()).isZero();
		assertThat(stranger.post("/api/messages/read-all", Map.of()).json().get("marked").asInt()).isZero();
		assertThat(owner.get("/api/messages/" + id).json().get("read").asBoolean()).as("still unread").isFalse();
		assertThat(owner.get("/api/messages/unread-count").json().get("count").asLong()).isEqualTo(1);

		assertThat(owner.post("/api/messages/read-all", Map.of()).json().get("marked").asInt()).isEqualTo(1);
		assertThat(owner.get("/api/messages/unread-count").json().get("count").asLong()).isZero();
	}

	@Test
	void callersWithoutAnInboxAreRefusedAndBadInputNamesTheField() {
		var anonymous = Api.at(port);
		assertThat(anonymous.get("/api/messages").status()).isEqualTo(401);
		assertThat(anonymous.post("/api/messages/read-all", Map.of()).status()).isEqualTo(401);
		assertThat(anonymous.post("/api/messages/1/read", Map.of()).status()).isEqualTo(401);
		var warehouse = Api.at(port).newAccount("WAREHOUSE_STAFF");
		assertThat(warehouse.get("/api/messages").status()).isEqualTo(403);
		assertThat(warehouse.post("/api/messages/read-all", Map.of()).status()).isEqualTo(403);
		// platform admins and operators have an inbox: the payment reconciliation's alarms land there
		assertThat(Api.at(port).newAccount("OPERATOR").get("/api/messages?audience=STAFF").status()).isEqualTo(200);

		var resident = world.resident();
		assertThat(resident.get("/api/messages?size=0").errorFields()).containsExactly("size");
		assertThat(resident.get("/api/messages?size=101").errorFields()).containsExactly("size");
		assertThat(resident.get("/api/messages?page=-1").errorFields()).containsExactly("page");
		assertThat(resident.get("/api/messages?unread=maybe").errorFields()).containsExactly("unread");
		assertThat(resident.get("/api/messages?audience=EVERYONE").errorFields()).containsExactly("audience");
		assertThat(resident.post("/api/messages/abc/read", Map.of()).errorFields()).containsExactly("id");
		assertThat(resident.post("/api/messages/987654321/read", Map.of()).status()).isEqualTo(404);
	}

	// helpers

	private JsonNode placeAndPay(Api resident, Listing listing, int quantity) {
		return placeAndPay(resident, List.of(listing), List.of(quantity));
	}

	private JsonNode placeAndPay(Api resident, List<Listing> items, List<Integer> quantities) {
		List<Map<String, Object>> lines = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			lines.add(Map.of("listingId", items.get(i).id().value(), "quantity", quantities.get(i)));
		}
		var placed = resident.post("/api/orders", Map.of("items", lines),
				Map.of("Idempotency-Key", "n-" + System.nanoTime()));
		assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
		assertThat(OrderingFixtures.pay(resident, placed.json().get("payment").asText()).status()).isEqualTo(200);
		var paid = OrderingFixtures.awaitStatus(resident, placed.id(), "PAID");
		assertThat(paid.get("status").asText()).isEqualTo("PAID");
		return paid;
	}

	private Api appointLeader() {
		String phone = Api.newPhone();
		var body = new HashMap<String, Object>();
		body.put("phone", phone);
		body.put("name", "王姐");
		body.put("password", "leader123");
		body.put("pickupPointId", world.pickupPoint.id().value());
		var appointed = Api.at(port).asAdmin().post("/api/leaders", body);
		assertThat(appointed.status()).as(appointed.toString()).isEqualTo(201);
		assertThat(network.keeperOf(world.pickupPoint.id()))
			.contains(new AccountId(appointed.json().get("accountId").asLong()));
		return Api.at(port).as(phone, "leader123");
	}

	private static long lineOf(JsonNode order, Listing listing) {
		for (JsonNode line : order.get("lines")) {
			if (line.get("listingId").asLong() == listing.id().value()) {
				return line.get("id").asLong();
			}
		}
		throw new IllegalArgumentException("no line of listing " + listing.id());
	}

	private void setReadyAt(Instant at, long... orderIds) {
		for (long id : orderIds) {
			jdbc.sql("update ordering.orders set ready_at = ? where id = ?").params(java.sql.Timestamp.from(at), id)
				.update();
		}
	}

	private static long reminderCount(Api resident) {
		return messages(resident.get("/api/messages").json()).stream()
			.filter(m -> m.get("kind").asText().equals("PICKUP_REMINDER")).count();
	}

	private static List<JsonNode> messages(JsonNode page) {
		List<JsonNode> items = new ArrayList<>();
		page.get("items").forEach(items::add);
		return items;
	}

	private static List<String> kinds(JsonNode page) {
		return messages(page).stream().map(m -> m.get("kind").asText()).toList();
	}

	private static JsonNode awaitMessage(Api api, Predicate<JsonNode> wanted) {
		return awaitMessage(api, "", wanted);
	}

	/** Listeners run after commit, asynchronously: poll until the message is there (or fail after 15 s). */
	private static JsonNode awaitMessage(Api api, String query, Predicate<JsonNode> wanted) {
		Deadline deadline = Deadline.inMillis(15_000);
		while (true) {
			var found = messages(api.get("/api/messages" + query).json()).stream().filter(wanted).findFirst();
			if (found.isPresent()) {
				return found.get();
			}
			assertThat(deadline.passed()).as("message did not arrive in time").isFalse();
			pause();
		}
	}

	private List<Map<String, Object>> deliveriesOf(long messageId) {
		return jdbc.sql("select channel, status, error from notification.delivery where message_id = ? order by id")
			.param(messageId).query().listOfRows();
	}

	/** Sending happens after the message's transaction committed: poll for the delivery rows. */
	private List<Map<String, Object>> awaitDeliveries(long messageId) {
		Deadline deadline = Deadline.inMillis(15_000);
		while (true) {
			var rows = deliveriesOf(messageId);
			if (!rows.isEmpty()) {
				return rows;
			}
			assertThat(deadline.passed()).as("no delivery recorded in time").isFalse();
			pause();
		}
	}

	private static void pause() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
