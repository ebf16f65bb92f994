package com.linli.leader.performance;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.linli.Api;
import com.linli.Deadline;
import com.linli.IntegrationTest;
import com.linli.leader.LeaderId;
import com.linli.leader.internal.ServiceRecords;
import com.linli.marketing.Listing;
import com.linli.marketing.MarketingFixtures;
import com.linli.network.PickupPoint;
import com.linli.network.PickupPointId;
import com.linli.ordering.OrderCutoffManagement;
import com.linli.ordering.OrderDeliveryManagement;
import com.linli.ordering.OrderLineId;
import com.linli.ordering.OrderingFixtures;
import com.linli.ordering.PickupFixtures;
import com.linli.ordering.WebSession;
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
 * Leaders' performance on a fixed data set, end to end through HTTP. A fresh region with three pickup points and
 * their leaders L1, L2, L3; apples at 10.00 yuan; every order's pickup date is D. Residents order and pay through the
 * API, the cutoff confirms, the leaders receive (one apple short at P2: refunded) and hand out by pickup code; then
 * the times are set to controlled values (receipt and pickup times, the commission entries' times = the pickup
 * times) and the service records aftersales would feed are written for known times.
 *
 * <pre>
 * P1 / L1: A 3 apples (30.00, picked up D 18:00), B 2 apples (20.00, picked up D+1 12:00), received D 08:30;
 *          A also ordered 1 apple (10.00) for the first day of the month before D's month (a returning customer).
 *          A complaint about L1 filed D 15:00; ratings 5 and 4 stars on D.
 * P2 / L2: C 5 apples, 1 short on arrival (refunded 10.00: 40.00 net, picked up D 11:00), E 2 apples (20.00, not
 *          picked up), received D 10:15 (late: the receipt is due at 09:00). A rating of 3 stars on D.
 * P3 / L3: nothing.
 * </pre>
 *
 * Commission: the region uses the default scheme, 8% below 5,000 yuan a month: A 30.00 -> 2.40, B 20.00 -> 1.60,
 * C's 4 apples 40.00 -> 3.20.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PerformanceIntegrationTests {

	private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L * 1000);

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	OrderCutoffManagement cutoffOrders;

	@Autowired
	OrderDeliveryManagement deliveryOrders;

	@Autowired
	ServiceRecords serviceRecords;

	@Autowired
	JdbcClient jdbc;

	OrderingFixtures world;

	LocalDate d;

	ZoneId zone;

	long region;

	PickupFixtures.LeaderLogin l1;

	PickupFixtures.LeaderLogin l2;

	PickupFixtures.LeaderLogin l3;

	Api admin;

	PickupPoint p2;

	@BeforeAll
	void fixedDataSet() {
		world = new OrderingFixtures(context, port);
		var pickups = new PickupFixtures(world, cutoffOrders, deliveryOrders, port);
		d = world.pickupDate;
		zone = world.region.zone();
		region = world.region.id().value();
		admin = Api.at(port).asAdmin();
		PickupPoint p1 = world.pickupPoint;
		p2 = world.anotherPickupPoint();
		PickupPoint p3 = world.anotherPickupPoint();
		l1 = pickups.leader(p1);
		l2 = pickups.leader(p2);
		l3 = pickups.leader(p3);
		Listing apples = world.listing("红富士苹果", "10.00", 500, 20);

		Api a = world.resident(p1);
		Api b = world.resident(p1);
		Api c = world.resident(p2);
		Api e = world.resident(p2);
		var earlier = pickups.paidOrder(a, apples, 1);
		var orderA = pickups.paidOrder(a, apples, 3);
		var orderB = pickups.paidOrder(b, apples, 2);
		var orderC = pickups.paidOrder(c, apples, 5);
		var orderE = pickups.paidOrder(e, apples, 2);
		// A's first order belongs to the month before: a pickup date outside every period of D
		jdbc.sql("update ordering.orders set pickup_date = ? where id = ?")
			.params(d.withDayOfMonth(1).minusMonths(1), earlier.get("id").asLong()).update();

		cutoffOrders.confirmForCutoff(world.region.id(), d);
		deliveryOrders.receive(p1.id(), d, Map.of(), null);
		long lineC = orderC.get("lines").get(0).get("id").asLong();
		deliveryOrders.receive(p2.id(), d, Map.of(new OrderLineId(lineC), 1), OrderDeliveryManagement.ARRIVED_SHORT);
		awaitRefunded(orderC.get("id").asLong(), 1000);
		for (var handOut : List.of(Map.entry(l1, orderA), Map.entry(l1, orderB), Map.entry(l2, orderC))) {
			var ready = OrderingFixtures.awaitStatus(handOut.getKey() == l1 ? (handOut.getValue() == orderA ? a : b) : c,
					handOut.getValue().get("id").asLong(), "READY_FOR_PICKUP");
			var done = handOut.getKey().api().post("/api/leader/pickups", Map.of("pickupCode", ready.get("pickupCode").asText()));
			assertThat(done.status()).as(done.toString()).isEqualTo(200);
		}
		awaitEntries(l1.leaderId(), 2);
		awaitEntries(l2.leaderId(), 1);

		// controlled times: receipts, pickups, and the commission entries at their pickups
		setReady(p1.id(), at(d, 8, 30));
		setReady(p2.id(), at(d, 10, 15));
		setPickedUp(orderA, at(d, 18, 0));
		setPickedUp(orderB, at(d.plusDays(1), 12, 0));
		setPickedUp(orderC, at(d, 11, 0));

		// what aftersales' events write: a complaint about L1, ratings of L1 and L2
		var point1 = p1.id();
		serviceRecords.complaintFiled(IDS.incrementAndGet(), new LeaderId(l1.leaderId()), point1, at(d, 15, 0));
		serviceRecords.rate(IDS.incrementAndGet(), new LeaderId(l1.leaderId()), point1, 5, at(d, 16, 0));
		serviceRecords.rate(IDS.incrementAndGet(), new LeaderId(l1.leaderId()), point1, 4, at(d, 17, 0));
		serviceRecords.rate(IDS.incrementAndGet(), new LeaderId(l2.leaderId()), p2.id(), 3, at(d, 16, 0));
	}

	@Test
	void everyFigureOfTheDayMatchesTheHandComputedValues() {
		var ranking = admin.get("/api/admin/leaders/performance?regionId=" + region + "&period=day&date=" + d);
		assertThat(ranking.status()).as(ranking.toString()).isEqualTo(200);
		var json = ranking.json();
		assertThat(json.get("from").asText()).isEqualTo(d.toString());
		assertThat(json.get("to").asText()).isEqualTo(d.toString());
		assertThat(json.get("rankedBy").asText()).isEqualTo("SALES");
		var leaders = json.get("leaders");
		// by sales: L2 60.00 (40.00 + 20.00), L1 50.00 (30.00 + 20.00), L3 0
		assertThat(leaders.size()).isEqualTo(3);
		assertThat(ids(leaders)).containsExactly(l2.leaderId(), l1.leaderId(), l3.leaderId());
		assertThat(ranks(leaders)).containsExactly(1, 2, 3);

		var one = byLeader(leaders, l1.leaderId());
		assertThat(one.get("salesFen").asLong()).isEqualTo(5000);
		assertThat(one.get("orders").asLong()).isEqualTo(2);
		assertThat(one.get("customers").asLong()).isEqualTo(2); // A and B
		assertThat(one.get("newCustomers").asLong()).isEqualTo(1); // B (A ordered the month before)
		assertThat(one.get("repurchaseRate").asDouble()).isEqualTo(50.0); // 1 of 2
		assertThat(one.get("averageOrderFen").asLong()).isEqualTo(2500); // 5000 / 2
		assertThat(one.get("receiptDays").asLong()).isEqualTo(1);
		assertThat(one.get("onTimeReceiptDays").asLong()).isEqualTo(1); // 08:30 < 09:00
		assertThat(one.get("onTimeReceiptRate").asDouble()).isEqualTo(100.0);
		assertThat(one.get("readyOrders").asLong()).isEqualTo(2);
		assertThat(one.get("collectedWithinDay").asLong()).isEqualTo(1); // A after 9.5 h; B after 27.5 h
		assertThat(one.get("collectedWithinDayRate").asDouble()).isEqualTo(50.0);
		assertThat(one.get("complaints").asLong()).isEqualTo(1);
		assertThat(one.get("complaintRate").asDouble()).isEqualTo(50.0); // 1 per 2 orders = 50 per 100
		assertThat(one.get("ratings").asLong()).isEqualTo(2);
		assertThat(one.get("averageStars").asDouble()).isEqualTo(4.5); // (5 + 4) / 2
		assertThat(one.get("commissionFen").asLong()).isEqualTo(240); // A's 2.40 on D; B's 1.60 is D+1's

		var two = byLeader(leaders, l2.leaderId());
		assertThat(two.get("salesFen").asLong()).isEqualTo(6000); // C 50.00 - 10.00 refunded, E 20.00
		assertThat(two.get("orders").asLong()).isEqualTo(2);
		assertThat(two.get("customers").asLong()).isEqualTo(2);
		assertThat(two.get("newCustomers").asLong()).isEqualTo(2);
		assertThat(two.get("repurchaseRate").asDouble()).isEqualTo(0.0);
		assertThat(two.get("averageOrderFen").asLong()).isEqualTo(3000);
		assertThat(two.get("onTimeReceiptDays").asLong()).isEqualTo(0); // 10:15 is late
		assertThat(two.get("onTimeReceiptRate").asDouble()).isEqualTo(0.0);
		assertThat(two.get("readyOrders").asLong()).isEqualTo(2);
		assertThat(two.get("collectedWithinDay").asLong()).isEqualTo(1); // C after 45 min; E not yet
		assertThat(two.get("collectedWithinDayRate").asDouble()).isEqualTo(50.0);
		assertThat(two.get("complaints").asLong()).isEqualTo(0);
		assertThat(two.get("complaintRate").asDouble()).isEqualTo(0.0);
		assertThat(two.get("averageStars").asDouble()).isEqualTo(3.0);
		assertThat(two.get("commissionFen").asLong()).isEqualTo(320); // 8% of 40.00

		var three = byLeader(leaders, l3.leaderId());
		assertThat(three.get("salesFen").asLong()).isZero();
		assertThat(three.get("orders").asLong()).isZero();
		assertThat(absent(three, "repurchaseRate")).isTrue();
		assertThat(absent(three, "averageOrderFen")).isTrue();
		assertThat(absent(three, "complaintRate")).isTrue();
		assertThat(absent(three, "averageStars")).isTrue();

		// the next day: only B's pickup commission (1.60), no orders
		var next = byLeader(admin.get("/api/admin/leaders/performance?regionId=" + region + "&period=day&date="
				+ d.plusDays(1)).json().get("leaders"), l1.leaderId());
		assertThat(next.get("orders").asLong()).isZero();
		assertThat(next.get("commissionFen").asLong()).isEqualTo(160);
	}

	@Test
	void rankingByOtherFiguresWeeksAndMonths() {
		// complaints: fewer is better; L3 has no orders, so no rate, last
		var complaints = admin.get("/api/admin/leaders/performance?regionId=" + region + "&period=day&date=" + d
				+ "&sort=complaint_rate").json().get("leaders");
		assertThat(ids(complaints)).containsExactly(l2.leaderId(), l1.leaderId(), l3.leaderId());
		// repurchase: L1 50%, L2 0%, L3 none
		var repurchase = admin.get("/api/admin/leaders/performance?regionId=" + region + "&period=day&date=" + d
				+ "&sort=repurchase_rate").json().get("leaders");
		assertThat(ids(repurchase)).containsExactly(l1.leaderId(), l2.leaderId(), l3.leaderId());
		// rating: L1 4.5, L2 3.0
		var rating = admin.get("/api/admin/leaders/performance?regionId=" + region + "&period=day&date=" + d
				+ "&sort=rating").json().get("leaders");
		assertThat(ids(rating)).containsExactly(l1.leaderId(), l2.leaderId(), l3.leaderId());

		// the week of D holds the same orders (A's first is a month earlier); B's pickup (D+1) is in it unless D
		// is a Sunday, then L1's commission is 2.40 + 1.60
		var week = admin.get("/api/admin/leaders/performance?regionId=" + region + "&period=week&date=" + d);
		assertThat(week.status()).as(week.toString()).isEqualTo(200);
		var weekOne = byLeader(week.json().get("leaders"), l1.leaderId());
		assertThat(weekOne.get("salesFen").asLong()).isEqualTo(5000);
		assertThat(weekOne.get("newCustomers").asLong()).isEqualTo(1);
		assertThat(weekOne.get("commissionFen").asLong()).isEqualTo(d.getDayOfWeek() == DayOfWeek.SUNDAY ? 240 : 400);
		assertThat(week.json().get("from").asText()).isEqualTo(d.with(DayOfWeek.MONDAY).toString());

		// the month: same sales; A's earlier order counts in the month before
		var month = admin.get("/api/admin/leaders/performance?regionId=" + region + "&period=month&date=" + d).json();
		assertThat(byLeader(month.get("leaders"), l1.leaderId()).get("salesFen").asLong()).isEqualTo(5000);
		var before = admin.get("/api/admin/leaders/performance?regionId=" + region + "&period=month&date="
				+ d.withDayOfMonth(1).minusMonths(1)).json();
		var beforeOne = byLeader(before.get("leaders"), l1.leaderId());
		assertThat(beforeOne.get("salesFen").asLong()).isEqualTo(1000);
		assertThat(beforeOne.get("newCustomers").asLong()).isEqualTo(1);
		assertThat(beforeOne.get("readyOrders").asLong()).isZero();
	}

	@Test
	void aLeaderSeesTheirOwnFiguresTrendAndDashboard() {
		var mine = l1.api().get("/api/leader/performance?period=day&date=" + d);
		assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
		assertThat(mine.json().get("performance").get("rank").asInt()).isEqualTo(2);
		assertThat(mine.json().get("leadersInRegion").asInt()).isEqualTo(3);
		var trend = mine.json().get("trend");
		assertThat(trend.size()).isEqualTo(12);
		assertThat(trend.get(11).get("from").asText()).isEqualTo(d.toString());
		assertThat(trend.get(11).get("salesFen").asLong()).isEqualTo(5000);
		assertThat(trend.get(10).get("salesFen").asLong()).isZero();

		var report = admin.get("/api/admin/leaders/" + l2.leaderId() + "/performance?period=day&date=" + d);
		assertThat(report.status()).as(report.toString()).isEqualTo(200);
		assertThat(report.json().get("performance").get("rank").asInt()).isEqualTo(1);

		var dashboard = l1.api().get("/api/leader/performance/dashboard");
		assertThat(dashboard.status()).as(dashboard.toString()).isEqualTo(200);
		assertThat(dashboard.json().get("leadersInRegion").asInt()).isEqualTo(3);

		var page = WebSession.signIn(port, l1.phone(), l1.password()).get("/leader/performance");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("chart-days", "month-rank");
		var workbench = WebSession.signIn(port, l1.phone(), l1.password()).get("/leader");
		assertThat(workbench.body()).contains("today-rank");
	}

	@Test
	void theMonthlyReviewComparesWithTheMonthBeforeAndTheRegionsMedian() {
		var review = admin.get("/api/admin/leaders/" + l1.leaderId() + "/performance/review?month=" + d.toString().substring(0, 7));
		assertThat(review.status()).as(review.toString()).isEqualTo(200);
		Map<String, JsonNode> lines = new HashMap<>();
		review.json().get("lines").forEach(l -> lines.put(l.get("figure").asText(), l));
		// sales: 50.00 this month, 10.00 the month before, median of 60.00, 50.00, 0 = 50.00
		assertThat(lines.get("SALES").get("value").asDouble()).isEqualTo(5000.0);
		assertThat(lines.get("SALES").get("previous").asDouble()).isEqualTo(1000.0);
		assertThat(lines.get("SALES").get("regionMedian").asDouble()).isEqualTo(5000.0);
		// ratings: L1 4.5, L2 3.0, L3 none: median of two = 3.75
		assertThat(lines.get("RATING").get("regionMedian").asDouble()).isEqualTo(3.75);
		assertThat(review.json().get("current").get("rank").asInt()).isEqualTo(2);

		var page = WebSession.signIn(port, Api.ADMIN_PHONE, Api.ADMIN_PASSWORD)
			.get("/console/leaders/" + l1.leaderId() + "/review?month=" + d.toString().substring(0, 7));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("line-sales", "¥50.00", "¥10.00");

		var console = WebSession.signIn(port, Api.ADMIN_PHONE, Api.ADMIN_PASSWORD)
			.get("/console/leaders/performance?regionId=" + region + "&period=day&date=" + d);
		assertThat(console.status()).isEqualTo(200);
		assertThat(console.body()).contains("leader-" + l1.leaderId(), "¥60.00", "chart-ranking");
		var excel = WebSession.signIn(port, Api.ADMIN_PHONE, Api.ADMIN_PASSWORD)
			.get("/console/leaders/performance.xlsx?regionId=" + region + "&period=day&date=" + d);
		assertThat(excel.status()).isEqualTo(200);
	}

	@Test
	void operatorsSeeOnlyTheirRegionsAndBadInputIsRefusedNamingTheField() {
		Api own = MarketingFixtures.operatorOf(Api.at(port), world.region);
		assertThat(own.get("/api/admin/leaders/performance?regionId=" + region).status()).isEqualTo(200);
		var elsewhere = new MarketingFixtures(context).region();
		String strangerPhone = Api.newPhone();
		var created = admin.post("/api/admin/accounts", Map.of("phone", strangerPhone, "displayName", "外区运营",
				"password", "secret123", "roles", new String[] { "OPERATOR" }, "regionIds",
				new long[] { elsewhere.id().value() }));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		Api stranger = Api.at(port).as(strangerPhone, "secret123");
		assertThat(stranger.get("/api/admin/leaders/performance?regionId=" + region).status()).isEqualTo(403);
		assertThat(stranger.get("/api/admin/leaders/" + l1.leaderId() + "/performance").status()).isEqualTo(404);
		assertThat(stranger.get("/api/admin/leaders/" + l1.leaderId() + "/performance/review").status()).isEqualTo(404);
		var strangerPage = WebSession.signIn(port, strangerPhone, "secret123")
			.get("/console/leaders/" + l1.leaderId() + "/review");
		assertThat(strangerPage.status()).isEqualTo(404);
		assertThat(stranger.get("/api/leader/performance").status()).isEqualTo(403);
		assertThat(l1.api().get("/api/admin/leaders/performance?regionId=" + region).status()).isEqualTo(403);

		var period = admin.get("/api/admin/leaders/performance?regionId=" + region + "&period=year");
		assertThat(period.status()).isEqualTo(400);
		assertThat(period.errorFields()).containsExactly("period");
		var date = admin.get("/api/admin/leaders/performance?regionId=" + region + "&date=2026-13-40");
		assertThat(date.status()).isEqualTo(400);
		assertThat(date.errorFields()).containsExactly("date");
		var sort = admin.get("/api/admin/leaders/performance?regionId=" + region + "&sort=height");
		assertThat(sort.status()).isEqualTo(400);
		assertThat(sort.errorFields()).containsExactly("sort");
		assertThat(admin.get("/api/admin/leaders/performance").errorFields()).containsExactly("regionId");
		assertThat(admin.get("/api/admin/leaders/" + l1.leaderId() + "/performance/review?month=2026-1").errorFields())
			.containsExactly("month");
		assertThat(l1.api().get("/api/leader/performance?period=fortnight").errorFields()).containsExactly("period");
		assertThat(admin.get("/api/admin/leaders/999999999/performance").status()).isEqualTo(404);
	}

	@Test
	void churnRiskScoresFallingSalesAndCustomersRisingComplaintsAndCompetitorSignals() {
		// a complaint about L2 after D, and a competitor signal about L1 recorded now (before D)
		serviceRecords.complaintFiled(IDS.incrementAndGet(), new LeaderId(l2.leaderId()), p2.id(),
				at(d.plusDays(5), 10, 0));
		var signal = admin.post("/api/admin/leaders/" + l1.leaderId() + "/competitor-signals",
				Map.of("note", "竞品平台在其社群招募团长"));
		assertThat(signal.status()).as(signal.toString()).isEqualTo(201);
		assertThat(admin.get("/api/admin/leaders/" + l1.leaderId() + "/competitor-signals").json().size()).isEqualTo(1);

		// as of D+28: the recent window is D+1..D+28 (no orders), the one before D-27..D (all of D's orders;
		// A's earlier order is at least 28 days before D)
		var risks = admin.get("/api/admin/leaders/churn-risk?regionId=" + region + "&date=" + d.plusDays(28));
		assertThat(risks.status()).as(risks.toString()).isEqualTo(200);
		var list = risks.json();
		assertThat(ids(list)).containsExactly(l1.leaderId(), l2.leaderId(), l3.leaderId());
		// L1: sales 50.00 -> 0 (-100%: 40), customers 2 -> 0 (-100%: 25), one complaint before and none since (0),
		// one signal (15): 80
		var one = byLeader(list, l1.leaderId());
		assertThat(one.get("score").asInt()).isEqualTo(80);
		assertThat(one.get("alert").asBoolean()).isTrue();
		assertThat(one.get("previousSalesFen").asLong()).isEqualTo(5000);
		assertThat(one.get("reasons").size()).isEqualTo(3);
		assertThat(one.get("reasons").get(0).asText()).contains("100%", "50.00");
		// L2: sales 60.00 -> 0 (40), customers 2 -> 0 (25), complaints 0 -> 1 (10): 75
		var two = byLeader(list, l2.leaderId());
		assertThat(two.get("score").asInt()).isEqualTo(75);
		assertThat(two.get("recentComplaints").asLong()).isEqualTo(1);
		assertThat(two.get("reasons").size()).isEqualTo(3);
		// L3: nothing before, nothing since
		var three = byLeader(list, l3.leaderId());
		assertThat(three.get("score").asInt()).isZero();
		assertThat(three.get("alert").asBoolean()).isFalse();
		assertThat(three.get("reasons").size()).isZero();

		var alerts = admin.get("/api/admin/leaders/churn-risk?regionId=" + region + "&date=" + d.plusDays(28)
				+ "&alertsOnly=true").json();
		assertThat(ids(alerts)).containsExactly(l1.leaderId(), l2.leaderId());

		var page = WebSession.signIn(port, Api.ADMIN_PHONE, Api.ADMIN_PASSWORD)
			.get("/console/leaders/churn-risk?regionId=" + region);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("risk-" + l1.leaderId());

		// bad input and other regions change nothing
		var empty = admin.post("/api/admin/leaders/" + l1.leaderId() + "/competitor-signals", Map.of("note", "  "));
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.errorFields()).containsExactly("note");
		var elsewhere = new MarketingFixtures(context).region();
		Api stranger = MarketingFixtures.operatorOf(Api.at(port), elsewhere);
		assertThat(stranger.post("/api/admin/leaders/" + l1.leaderId() + "/competitor-signals", Map.of("note", "x"))
			.status()).isEqualTo(404);
		assertThat(stranger.get("/api/admin/leaders/churn-risk?regionId=" + region).status()).isEqualTo(403);
		assertThat(admin.get("/api/admin/leaders/churn-risk?regionId=" + region + "&date=tomorrow").errorFields())
			.containsExactly("date");
		assertThat(admin.get("/api/admin/leaders/" + l1.leaderId() + "/competitor-signals").json().size()).isEqualTo(1);
	}

	private Instant at(LocalDate date, int hour, int minute) {
		return date.atTime(LocalTime.of(hour, minute)).atZone(zone).toInstant();
	}

	private void setReady(PickupPointId point, Instant at) {
		jdbc.sql("update ordering.orders set ready_at = ? where pickup_point_id = ? and pickup_date = ? and ready_at is not null")
			.params(Timestamp.from(at), point.value(), d).update();
	}

	private void setPickedUp(JsonNode order, Instant at) {
		long id = order.get("id").asLong();
		jdbc.sql("update ordering.orders set picked_up_at = ? where id = ?").params(Timestamp.from(at), id).update();
		jdbc.sql("update leader.commission_entry set occurred_at = ? where order_id = ?").params(Timestamp.from(at), id)
			.update();
	}

	private void awaitRefunded(long orderId, long fen) {
		Deadline deadline = Deadline.inMillis(15_000);
		while (jdbc.sql("select refunded_fen from ordering.orders where id = ?").params(orderId).query(Long.class)
			.single() < fen && !deadline.passed()) {
			sleep();
		}
	}

	private void awaitEntries(long leaderId, int count) {
		Deadline deadline = Deadline.inMillis(15_000);
		while (jdbc.sql("select count(*) from leader.commission_entry where leader_id = ?").params(leaderId)
			.query(Long.class).single() < count && !deadline.passed()) {
			sleep();
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static JsonNode byLeader(JsonNode leaders, long id) {
		for (JsonNode l : leaders) {
			if (l.get("leaderId").asLong() == id) {
				return l;
			}
		}
		throw new AssertionError("leader " + id + " not in " + leaders);
	}

	/** Null values are left out of the answer. */
	private static boolean absent(JsonNode node, String field) {
		return node.get(field) == null || node.get(field).isNull();
	}

	private static List<Long> ids(JsonNode leaders) {
		List<Long> ids = new ArrayList<>();
		leaders.forEach(l -> ids.add(l.get("leaderId").asLong()));
		return ids;
	}

	private static List<Integer> ranks(JsonNode leaders) {
		List<Integer> ranks = new ArrayList<>();
		leaders.forEach(l -> ranks.add(l.get("rank").asInt()));
		return ranks;
	}
}
