package com.linli.analytics;

import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.catalog.Sku;
import com.linli.marketing.Listing;
import com.linli.marketing.MarketingFixtures;
import com.linli.ordering.OrderCutoffManagement;
import com.linli.ordering.OrderDeliveryManagement;
import com.linli.ordering.OrderFacts;
import com.linli.ordering.OrderId;
import com.linli.ordering.OrderingFixtures;
import com.linli.ordering.PickupFixtures;
import com.linli.ordering.WebSession;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
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
 * The dashboard through HTTP on real orders: one order of 3 kiwis at ¥19.90 paid and picked up in a new region, so
 * the facts' GMV reads 59.70 yuan (5 970 fen) and one order on the day of payment, its week and its month, and 0
 * the day before (the region sold nothing then: a zero, not an absent figure).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext beans;

	@Autowired
	OrderCutoffManagement cutoffOrders;

	@Autowired
	OrderDeliveryManagement deliveryOrders;

	@Autowired
	OrderFacts orderFacts;

	@Autowired
	JdbcClient jdbc;

	static final String GMV = "sales.gmv";

	static final String ORDERS = "sales.orders";

	String pointName;

	OrderingFixtures world;

	LocalDate day;

	long regionId;

	Api operator;

	String operatorPhone;

	@BeforeAll
	void oneOrderPickedUp() {
		world = new OrderingFixtures(beans, port);
		var pickups = new PickupFixtures(world, cutoffOrders, deliveryOrders, port);
		var marketing = new MarketingFixtures(beans);
		Sku kiwis = marketing.sku(marketing.category("看板水果", 1), "看板猕猴桃", "6个/盒");
		Listing listing = world.listing(kiwis, "19.90", 500, 50);
		var leader = pickups.leader(world.pickupPoint);
		var order = pickups.readyOrder(world.resident(), world.pickupPoint, listing, 3);
		var handedOut = leader.api().post("/api/leader/pickups", Map.of("pickupCode", order.get("pickupCode").asText()));
		assertThat(handedOut.status()).as(handedOut.toString()).isEqualTo(200);
		long orderId = order.get("id").asLong();
		awaitFact("paid:" + orderId);
		day = orderFacts.paidOrder(new OrderId(orderId)).orElseThrow().day();
		pointName = world.pickupPoint.name();
		regionId = world.region.id().value();
		operator = MarketingFixtures.operatorOf(Api.at(port), world.region);
		operatorPhone = operator.get("/api/me").json().get("phone").asText();
	}

	/** The facts are kept by an asynchronous listener on the payment. */
	private void awaitFact(String key) {
		long deadline = System.nanoTime() + 20_000_000_000L;
		while (jdbc.sql("select count(*) from analytics.fact_event where key = ?").param(key).query(Long.class).single() == 0) {
			assertThat(System.nanoTime() < deadline).as("the facts listener applied " + key + " in time").isTrue();
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private String query(String kind, LocalDate date) {
		return "regionId=" + regionId + "&kind=" + kind + "&date=" + date;
	}

	private static JsonNode metric(JsonNode dashboard, String key) {
		for (JsonNode m : dashboard.get("metrics")) {
			if (m.get("key").asText().equals(key)) {
				return m;
			}
		}
		throw new AssertionError(key + " not on the dashboard: " + dashboard);
	}

	@Test
	void theDayShowsGmvOrdersAndAverageWithTheirComparisonsAndTrend() {
		var response = operator.get("/api/analytics/dashboard?" + query("DAY", day));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		JsonNode dashboard = response.json();
		assertThat(dashboard.get("regionId").asLong()).isEqualTo(regionId);
		assertThat(dashboard.get("period").get("start").asText()).isEqualTo(day.toString());
		assertThat(dashboard.get("previous").get("start").asText()).isEqualTo(day.minusDays(1).toString());
		assertThat(dashboard.get("lastYear").get("start").asText()).isEqualTo(day.minusYears(1).toString());
		assertThat(dashboard.get("trend")).hasSize(12);
		assertThat(dashboard.get("trend").get(11).get("start").asText()).isEqualTo(day.toString());
		assertThat(dashboard.get("trend").get(0).get("start").asText()).isEqualTo(day.minusDays(11).toString());

		JsonNode gmv = metric(dashboard, GMV);
		assertThat(gmv.get("dimension").asText()).isEqualTo("SALES");
		assertThat(gmv.get("unit").asText()).isEqualTo("MONEY_FEN");
		assertThat(gmv.get("label").asText()).isNotBlank();
		assertThat(gmv.get("value").asDouble()).isEqualTo(5970.0);
		// the region sold nothing the day before or a year ago: 0, and no relative change from 0
		assertThat(gmv.get("previous").asDouble()).isZero();
		assertThat(gmv.get("change").isNull()).isTrue();
		assertThat(gmv.get("lastYear").asDouble()).isZero();
		assertThat(gmv.get("trend").get(11).asDouble()).isEqualTo(5970.0);
		assertThat(gmv.get("trend").get(10).asDouble()).isZero();
		assertThat(metric(dashboard, ORDERS).get("value").asDouble()).isEqualTo(1.0);
		assertThat(metric(dashboard, "sales.aov").get("value").asDouble()).isEqualTo(5970.0);
		// no order, no average order value: absent, with its note (never 0)
		JsonNode aovBefore = metric(operator.get("/api/analytics/dashboard?" + query("DAY", day.minusDays(1))).json(),
				"sales.aov");
		assertThat(aovBefore.get("value").isNull()).isTrue();
		assertThat(aovBefore.get("missing").asText()).isNotBlank();

		// the day after compares with it: 0 now, 59.70 before, down 100 %
		JsonNode next = metric(operator.get("/api/analytics/dashboard?" + query("DAY", day.plusDays(1))).json(), GMV);
		assertThat(next.get("value").asDouble()).isZero();
		assertThat(next.get("previous").asDouble()).isEqualTo(5970.0);
		assertThat(next.get("change").asDouble()).isEqualTo(-1.0);
	}

	@Test
	void theWeekAndTheMonthHoldingTheDayCountIt() {
		JsonNode week = operator.get("/api/analytics/dashboard?" + query("week", day)).json();
		assertThat(LocalDate.parse(week.get("period").get("start").asText()).getDayOfWeek())
			.isEqualTo(java.time.DayOfWeek.MONDAY);
		assertThat(metric(week, GMV).get("value").asDouble()).isEqualTo(5970.0);
		JsonNode month = operator.get("/api/analytics/dashboard?" + query("MONTH", day)).json();
		assertThat(month.get("period").get("start").asText()).isEqualTo(day.withDayOfMonth(1).toString());
		assertThat(metric(month, GMV).get("value").asDouble()).isEqualTo(5970.0);
		assertThat(metric(month, ORDERS).get("value").asDouble()).isEqualTo(1.0);
	}

	@Test
	void theCatalogueAndTheListBehindANumber() {
		var catalogue = operator.get("/api/analytics/metrics").json();
		List<String> keys = new java.util.ArrayList<>();
		catalogue.forEach(m -> keys.add(m.get("key").asText()));
		assertThat(keys).contains(GMV, ORDERS, "sales.aov", "users.new", "leaders.active");

		var drill = operator.get("/api/analytics/drill?metric=" + GMV + "&" + query("DAY", day),
				Map.of("Accept-Language", "en"));
		assertThat(drill.status()).as(drill.toString()).isEqualTo(200);
		JsonNode json = drill.json();
		assertThat(json.get("value").asDouble()).isEqualTo(5970.0);
		// the pickup points of the day: point, orders, GMV, paid, discount, refunds, AOV, refund rate
		assertThat(json.get("columns")).hasSize(8);
		assertThat(json.get("columns").get(0).get("label").asText()).isEqualTo("Pickup point");
		assertThat(json.get("columns").get(2).get("label").asText()).isEqualTo("GMV");
		assertThat(json.get("columns").get(2).get("unit").asText()).isEqualTo("MONEY_FEN");
		assertThat(json.get("rows")).hasSize(1);
		assertThat(json.get("rows").get(0).get(0).asText()).isEqualTo(pointName);
		assertThat(json.get("rows").get(0).get(1).asLong()).isEqualTo(1);
		assertThat(json.get("rows").get(0).get(2).asLong()).isEqualTo(5970);
		assertThat(json.get("rows").get(0).get(3).asLong()).isEqualTo(5970);
	}

	@Test
	void badInputNamesTheFieldAndAnUnknownMetricIsNotFound() {
		var kind = operator.get("/api/analytics/dashboard?regionId=" + regionId + "&kind=FORTNIGHT&date=" + day);
		assertThat(kind.status()).isEqualTo(400);
		assertThat(kind.errorFields()).containsExactly("kind");
		var date = operator.get("/api/analytics/dashboard?regionId=" + regionId + "&kind=DAY&date=2026-13-01");
		assertThat(date.status()).isEqualTo(400);
		assertThat(date.errorFields()).containsExactly("date");
		var noRegion = operator.get("/api/analytics/dashboard?kind=DAY");
		assertThat(noRegion.status()).isEqualTo(400);
		assertThat(noRegion.errorFields()).containsExactly("regionId");
		assertThat(operator.get("/api/analytics/drill?metric=no.such.metric&" + query("DAY", day)).status())
			.isEqualTo(404);
		var noMetric = operator.get("/api/analytics/drill?" + query("DAY", day));
		assertThat(noMetric.status()).isEqualTo(400);
		assertThat(noMetric.errorFields()).containsExactly("metric");
	}

	@Test
	void anotherRegionsOperatorAndResidentsAreRefused() {
		var stranger = MarketingFixtures.operatorOf(Api.at(port), new MarketingFixtures(beans).region());
		String drill = "/api/analytics/drill?metric=" + GMV + "&" + query("DAY", day);
		assertThat(stranger.get("/api/analytics/dashboard?" + query("DAY", day)).status()).isEqualTo(403);
		assertThat(stranger.get(drill).status()).isEqualTo(403);
		assertThat(world.resident().get("/api/analytics/dashboard?" + query("DAY", day)).status()).isEqualTo(403);
		assertThat(world.resident().get("/api/analytics/metrics").status()).isEqualTo(403);
		String strangerPhone = stranger.get("/api/me").json().get("phone").asText();
		var session = WebSession.signIn(port, strangerPhone, "secret123");
		for (String page : List.of("/console?" + query("DAY", day), "/console/analytics/dashboard.xlsx?" + query("DAY", day),
				"/console/analytics/drill?metric=" + GMV + "&" + query("DAY", day),
				"/console/analytics/drill.xlsx?metric=" + GMV + "&" + query("DAY", day))) {
			assertThat(session.get(page).status()).as(page).isEqualTo(403);
		}
		// their own home still opens, on their own region
		assertThat(session.get("/console").status()).isEqualTo(200);
	}

	@Test
	void theConsoleShowsTheNumberLinkedToItsListAndBothExportToExcel() throws Exception {
		var session = WebSession.signIn(port, operatorPhone, "secret123");
		var home = session.get("/console?" + query("DAY", day));
		assertThat(home.status()).isEqualTo(200);
		assertThat(home.body()).contains("¥59.70", "/console/analytics/drill?metric=" + GMV,
				"echarts.min.js", "dashboard.xlsx");
		var list = session.get("/console/analytics/drill?metric=" + GMV + "&" + query("DAY", day));
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("id=\"drill-table\"", "实付金额", "¥59.70", pointName);

		var cookies = new CookieManager();
		var http = signedIn(cookies);
		byte[] drill = download(http, "/console/analytics/drill.xlsx?metric=" + GMV + "&"
				+ query("DAY", day));
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(drill))) {
			List<Row> rows = workbook.getFirstSheet().read();
			assertThat(rows).hasSize(3); // title, header, the pickup point
			assertThat(rows.get(1).getCellText(0)).isEqualTo("自提点");
			assertThat(rows.get(1).getCellText(2)).isEqualTo("GMV");
			assertThat(rows.get(2).getCellText(0)).isEqualTo(pointName);
			assertThat(rows.get(2).getCellAsNumber(1).orElseThrow().intValue()).isEqualTo(1);
			assertThat(rows.get(2).getCellAsNumber(2).orElseThrow().doubleValue()).isEqualTo(59.70);
		}
		byte[] board = download(http, "/console/analytics/dashboard.xlsx?" + query("DAY", day));
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(board))) {
			List<Row> rows = workbook.getFirstSheet().read();
			assertThat(rows.get(1).getCellText(1)).isEqualTo("指标");
			// rows carry the metric's label in the reader's language
			Row paid = rows.stream().filter(r -> "GMV".equals(r.getCellText(1))).findFirst().orElseThrow();
			assertThat(paid.getCellText(0)).isEqualTo("销售");
			assertThat(paid.getCellAsNumber(2).orElseThrow().doubleValue()).isEqualTo(59.70);
			assertThat(paid.getCellAsNumber(3).orElseThrow().doubleValue()).isZero();
			Row orders = rows.stream().filter(r -> "订单数".equals(r.getCellText(1))).findFirst().orElseThrow();
			assertThat(orders.getCellAsNumber(2).orElseThrow().intValue()).isEqualTo(1);
		}
	}

	private HttpClient signedIn(CookieManager cookies) throws Exception {
		var http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL).build();
		String login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		var csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(login);
		assertThat(csrf.find()).isTrue();
		String form = "phone=" + URLEncoder.encode(operatorPhone, StandardCharsets.UTF_8) + "&password=secret123&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.discarding());
		return http;
	}

	private byte[] download(HttpClient http, String path) throws Exception {
		var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
		assertThat(response.headers().firstValue("Content-Disposition").orElse("")).contains(".xlsx");
		return response.body();
	}
}
