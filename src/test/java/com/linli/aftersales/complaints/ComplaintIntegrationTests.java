package com.linli.aftersales.complaints;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.aftersales.ComplaintClosed;
import com.linli.aftersales.ComplaintEscalated;
import com.linli.aftersales.ComplaintFiled;
import com.linli.aftersales.internal.complaints.ComplaintEscalationJob;
import com.linli.fulfilment.FulfilmentFixtures;
import com.linli.network.NetworkFixtures;
import com.linli.ordering.OrderingFixtures;
import com.linli.shared.PlatformClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Complaints through HTTP in a region of their own: filed and assigned to the least busy operator; a first
 * response stops its clock; one left unanswered escalates to the region's supervisor when the platform clock is
 * moved past its SLA (through the scheduled job's own entry); resolved and rated, which closes it (outside the
 * SLA for the escalated one); bad input changes nothing; another region's operator and another resident see
 * nothing; the report's figures of the region.
 */
@IntegrationTest
class ComplaintIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Clock clock;

	@Autowired
	ComplaintEventsRecorder recorded;

	@Autowired
	ComplaintEscalationJob escalationJob;

	@Test
	void aComplaintIsFiledAnsweredEscalatedResolvedAndRated() throws Exception {
		var admin = Api.at(port).asAdmin();
		var world = new OrderingFixtures(context, port);
		var day = new FulfilmentFixtures(world, port);
		long region = world.region.id().value();
		var network = new NetworkFixtures(admin);
		var operatorA = network.operatorOf(region);
		var operatorB = network.operatorOf(region);
		long a = operatorA.get("/api/me").id();
		long b = operatorB.get("/api/me").id();
		var supervisor = network.operatorOf(region);
		long s = supervisor.get("/api/me").id();
		var settings = operatorA.put("/api/admin/aftersales/complaint-settings/" + region,
				Map.of("firstResponseMinutes", 120, "resolutionHours", 48, "supervisorId", s));
		assertThat(settings.status()).as(settings.toString()).isEqualTo(200);
		assertThat(settings.json().get("supervisorId").asLong()).isEqualTo(s);
		var badSettings = operatorA.put("/api/admin/aftersales/complaint-settings/" + region,
				Map.of("firstResponseMinutes", 120, "resolutionHours", 48, "supervisorId", 1));
		assertThat(badSettings.status()).isEqualTo(400);
		assertThat(badSettings.errorFields()).containsExactly("supervisorId");

		var listing = world.listing("投诉青菜" + NetworkFixtures.unique(), "6.80", 50, 5);
		Api resident = world.resident();
		JsonNode order = day.paidOrder(resident, listing, 2);
		long orderId = order.get("id").asLong();

		// filed about the resident's own order: the order's region, assigned, both clocks running
		String key1 = "c1-" + NetworkFixtures.unique();
		var filed = resident.post("/api/aftersales/complaints", Map.of("subject", "PRODUCT", "orderId", orderId,
				"text", "青菜叶子全黄了", "submitKey", key1));
		assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
		JsonNode c1 = filed.json();
		long id1 = c1.get("id").asLong();
		assertThat(c1.get("status").asText()).isEqualTo("OPEN");
		assertThat(c1.get("regionId").asLong()).isEqualTo(region);
		assertThat(c1.get("pickupPointId").asLong()).isEqualTo(world.pickupPoint.id().value());
		assertThat(c1.get("complaintNo").asText()).startsWith("TS");
		long assignee1 = c1.get("assigneeId").asLong();
		assertThat(assignee1).isIn(a, b, s);
		assertThat(Duration.between(java.time.Instant.parse(c1.get("filedAt").asText()),
				java.time.Instant.parse(c1.get("firstResponseDue").asText()))).isEqualTo(Duration.ofHours(2));
		assertThat(Duration.between(java.time.Instant.parse(c1.get("filedAt").asText()),
				java.time.Instant.parse(c1.get("resolutionDue").asText()))).isEqualTo(Duration.ofHours(48));
		assertThat(c1.get("timer").get("clock").asText()).isEqualTo("FIRST_RESPONSE");
		assertThat(c1.get("timer").get("overdue").asBoolean()).isFalse();
		assertThat(recorded.of(ComplaintFiled.class, id1)).singleElement()
			.satisfies(e -> assertThat(e.orderId().value()).isEqualTo(orderId));
		// the same submit again answers the same complaint
		var again = resident.post("/api/aftersales/complaints", Map.of("subject", "PRODUCT", "orderId", orderId,
				"text", "青菜叶子全黄了", "submitKey", key1));
		assertThat(again.id()).isEqualTo(id1);

		// the next one goes to an operator with fewer open complaints (without an order: the resident's own point)
		var second = resident.post("/api/aftersales/complaints", Map.of("subject", "DELIVERY", "text", "送货晚了两小时"));
		assertThat(second.status()).as(second.toString()).isEqualTo(201);
		long id2 = second.id();
		long assignee2 = second.json().get("assigneeId").asLong();
		assertThat(assignee2).isIn(a, b, s).isNotEqualTo(assignee1);
		assertThat(second.json().get("pickupPointId").asLong()).isEqualTo(world.pickupPoint.id().value());

		// an operator's first reply: RESPONDED, the first-response clock stopped
		Api assigned2 = assignee2 == a ? operatorA : assignee2 == b ? operatorB : supervisor;
		var replied = assigned2.post("/api/admin/aftersales/complaints/" + id2 + "/replies", Map.of("text", "您好，马上核实"));
		assertThat(replied.status()).as(replied.toString()).isEqualTo(200);
		assertThat(replied.json().get("status").asText()).isEqualTo("RESPONDED");
		assertThat(replied.json().get("firstRespondedAt").isNull()).isFalse();
		assertThat(replied.json().get("timer").get("clock").asText()).isEqualTo("RESOLUTION");
		// the resident answers in the thread; the status stays
		var residentReply = resident.post("/api/aftersales/complaints/" + id2 + "/replies", Map.of("text", "好的，谢谢"));
		assertThat(residentReply.status()).isEqualTo(200);
		assertThat(residentReply.json().get("status").asText()).isEqualTo("RESPONDED");
		assertThat(residentReply.json().get("thread").size()).isEqualTo(2);
		assertThat(residentReply.json().get("thread").get(0).get("role").asText()).isEqualTo("STAFF");

		// bad input: a problem naming the field, nothing changes
		int before = resident.get("/api/aftersales/complaints").json().size();
		var tooLong = resident.post("/api/aftersales/complaints", Map.of("subject", "SERVICE", "text", "长".repeat(1001)));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.errorFields()).containsExactly("text");
		var noSubject = resident.post("/api/aftersales/complaints", Map.of("text", "没有类型"));
		assertThat(noSubject.errorFields()).containsExactly("subject");
		Api someoneElse = world.resident();
		JsonNode othersOrder = day.paidOrder(someoneElse, listing, 1);
		var notMine = resident.post("/api/aftersales/complaints", Map.of("subject", "PRODUCT", "orderId",
				othersOrder.get("id").asLong(), "text", "别人的订单"));
		assertThat(notMine.status()).isEqualTo(400);
		assertThat(notMine.errorFields()).containsExactly("orderId");
		var notAnImage = multipart(resident, "SERVICE", "照片不对", "notes.txt", "text/plain",
				"hello".getBytes(StandardCharsets.UTF_8));
		assertThat(notAnImage.statusCode()).as(notAnImage.body()).isEqualTo(400);
		assertThat(notAnImage.body()).contains("\"photos\"");
		var earlyRating = resident.post("/api/aftersales/complaints/" + id1 + "/rating", Map.of("satisfaction", 5));
		assertThat(earlyRating.status()).isEqualTo(409);
		assertThat(earlyRating.errorFields()).containsExactly("status");
		assertThat(resident.get("/api/aftersales/complaints").json().size()).isEqualTo(before);
		assertThat(resident.get("/api/aftersales/complaints/" + id1).json().get("status").asText()).isEqualTo("OPEN");

		// with a photo (multipart): stored, listed
		var withPhoto = multipart(resident, "SERVICE", "客服电话打不通", "p.png", "image/png", PNG);
		assertThat(withPhoto.statusCode()).as(withPhoto.body()).isEqualTo(201);
		JsonNode c3 = Api.JSON.readTree(withPhoto.body());
		assertThat(c3.get("photos").size()).isEqualTo(1);
		long id3 = c3.get("id").asLong();

		// region scoping: an operator of another region and another resident see nothing of it
		var stranger = network.operatorOf(network.region());
		assertThat(stranger.get("/api/admin/aftersales/complaints/" + id1).status()).isIn(403, 404);
		assertThat(stranger.post("/api/admin/aftersales/complaints/" + id1 + "/resolution", Map.of("summary", "x"))
			.status()).isIn(403, 404);
		assertThat(stranger.get("/api/admin/aftersales/complaints?regionId=" + region).status()).isEqualTo(403);
		assertThat(stranger.get("/api/admin/aftersales/complaints").text()).doesNotContain(c1.get("complaintNo").asText());
		assertThat(stranger.get("/api/admin/aftersales/complaint-settings/" + region).status()).isEqualTo(403);
		assertThat(someoneElse.get("/api/aftersales/complaints/" + id1).status()).isEqualTo(404);
		assertThat(someoneElse.post("/api/aftersales/complaints/" + id1 + "/replies", Map.of("text", "路过")).status())
			.isEqualTo(404);
		assertThat(resident.get("/api/admin/aftersales/complaints").status()).isEqualTo(403);

		// past the first-response SLA (the platform clock moved 2 h 1 min on): the scheduled check escalates the
		// unanswered one to the supervisor, not the answered one
		var platform = (PlatformClock) clock;
		platform.travelTo(clock.instant().plus(Duration.ofMinutes(121)));
		int escalated;
		try {
			escalated = escalationJob.runOnce();
			assertThat(supervisor.get("/api/admin/aftersales/complaints?overdue=true&regionId=" + region).text())
				.contains("\"id\":" + id1);
		}
		finally {
			platform.reset();
		}
		assertThat(escalated).isGreaterThanOrEqualTo(2);
		JsonNode e1 = supervisor.get("/api/admin/aftersales/complaints/" + id1).json();
		assertThat(e1.get("status").asText()).isEqualTo("ESCALATED");
		assertThat(e1.get("assigneeId").asLong()).isEqualTo(s);
		assertThat(e1.get("escalationClock").asText()).isEqualTo("FIRST_RESPONSE");
		assertThat(recorded.of(ComplaintEscalated.class, id1)).singleElement().satisfies(e -> {
			assertThat(e.clock()).isEqualTo("FIRST_RESPONSE");
			assertThat(e.assigneeId()).isEqualTo(assignee1);
		});
		assertThat(supervisor.get("/api/admin/aftersales/complaints/" + id2).json().get("status").asText())
			.isEqualTo("RESPONDED");
		assertThat(recorded.of(ComplaintEscalated.class, id2)).isEmpty();
		List<Long> supervisorHas = new ArrayList<>();
		supervisor.get("/api/admin/aftersales/complaints?assigneeId=" + s).json()
			.forEach(n -> supervisorHas.add(n.get("id").asLong()));
		assertThat(supervisorHas).contains(id1, id3);
		assertThat(escalationJob.runOnce()).as("escalated once per clock").isZero();

		// the supervisor answers (RESPONDED) and resolves it; the resident rates it, which closes it
		assertThat(supervisor.post("/api/admin/aftersales/complaints/" + id1 + "/replies", Map.of("text", "抱歉，给您退款"))
			.json().get("status").asText()).isEqualTo("RESPONDED");
		var resolved = supervisor.post("/api/admin/aftersales/complaints/" + id1 + "/resolution",
				Map.of("summary", "已全额退款"));
		assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
		assertThat(resolved.json().get("status").asText()).isEqualTo("RESOLVED");
		var noSummary = assigned2.post("/api/admin/aftersales/complaints/" + id2 + "/resolution", Map.of("summary", " "));
		assertThat(noSummary.errorFields()).containsExactly("summary");
		for (int stars : new int[] { 0, 6 }) {
			var bad = resident.post("/api/aftersales/complaints/" + id1 + "/rating", Map.of("satisfaction", stars));
			assertThat(bad.status()).isEqualTo(400);
			assertThat(bad.errorFields()).containsExactly("satisfaction");
		}
		assertThat(supervisor.post("/api/admin/aftersales/complaints/" + id1 + "/rating", Map.of("satisfaction", 5))
			.status()).as("staff do not rate").isIn(403, 404);
		var rated = resident.post("/api/aftersales/complaints/" + id1 + "/rating", Map.of("satisfaction", 2));
		assertThat(rated.status()).as(rated.toString()).isEqualTo(200);
		assertThat(rated.json().get("status").asText()).isEqualTo("CLOSED");
		assertThat(rated.json().get("satisfaction").asInt()).isEqualTo(2);
		assertThat(recorded.of(ComplaintClosed.class, id1)).singleElement().satisfies(e -> {
			assertThat(e.satisfaction()).isEqualTo(2);
			assertThat(e.withinSla()).as("its first-response clock ran out").isFalse();
		});
		assertThat(resident.post("/api/aftersales/complaints/" + id1 + "/replies", Map.of("text", "再说一句")).status())
			.isEqualTo(409);

		// the answered one, resolved in time and rated: within the SLA
		assertThat(assigned2.post("/api/admin/aftersales/complaints/" + id2 + "/resolution", Map.of("summary", "已补送"))
			.status()).isEqualTo(200);
		assertThat(resident.post("/api/aftersales/complaints/" + id2 + "/rating", Map.of("satisfaction", 5)).status())
			.isEqualTo(200);
		assertThat(recorded.of(ComplaintClosed.class, id2)).singleElement()
			.satisfies(e -> assertThat(e.withinSla()).isTrue());

		// reassignment by staff: only to an operator of the region
		assertThat(operatorA.post("/api/admin/aftersales/complaints/" + id3 + "/assignment", Map.of("assigneeId", b))
			.json().get("assigneeId").asLong()).isEqualTo(b);
		assertThat(operatorA.post("/api/admin/aftersales/complaints/" + id3 + "/assignment",
				Map.of("assigneeId", stranger.get("/api/me").id())).errorFields()).containsExactly("assigneeId");

		// the report of the region: 3 filed (PRODUCT, DELIVERY, SERVICE); first responses 1 of 3 in time (two
		// escalated), resolutions 2 of 2 (the third still runs); satisfaction (2 + 5) / 2
		LocalDate today = LocalDate.now(clock);
		var report = operatorA.get("/api/admin/aftersales/complaint-report?regionId=" + region + "&from="
				+ today.minusDays(1) + "&to=" + today.plusDays(1)).json();
		assertThat(report.get("filed").asLong()).isEqualTo(3);
		long perDay = 0;
		for (var d : report.get("perDay").properties()) {
			perDay += d.getValue().asLong();
		}
		assertThat(perDay).isEqualTo(3);
		assertThat(report.get("bySubject").get("PRODUCT").asLong()).isEqualTo(1);
		assertThat(report.get("bySubject").get("DELIVERY").asLong()).isEqualTo(1);
		assertThat(report.get("bySubject").get("SERVICE").asLong()).isEqualTo(1);
		assertThat(report.get("bySubject").get("LEADER").asLong()).isZero();
		assertThat(report.get("firstResponseDecided").asLong()).isEqualTo(3);
		assertThat(report.get("firstResponseKept").asLong()).isEqualTo(1);
		assertThat(report.get("firstResponsePercent").asDouble()).isEqualTo(33.3);
		assertThat(report.get("resolutionDecided").asLong()).isEqualTo(2);
		assertThat(report.get("resolutionPercent").asDouble()).isEqualTo(100.0);
		assertThat(report.get("averageSatisfaction").asDouble()).isEqualTo(3.5);
		assertThat(stranger.get("/api/admin/aftersales/complaint-report?regionId=" + region).status()).isEqualTo(403);
	}

	static final HttpClient HTTP = HttpClient.newHttpClient();

	/** A 1×1 PNG. */
	static final byte[] PNG = java.util.Base64.getDecoder().decode(
			"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

	private HttpResponse<String> multipart(Api as, String subject, String text, String fileName, String type,
			byte[] content) throws Exception {
		String boundary = "----linli" + System.nanoTime();
		var out = new java.io.ByteArrayOutputStream();
		for (var field : Map.of("subject", subject, "text", text).entrySet()) {
			out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n"
					+ "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + field.getValue() + "\r\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		out.write(content);
		out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/aftersales/complaints"))
			.header("Authorization", "Bearer " + as.token())
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
			.build();
		return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void theResidentsPagesAndTheOperatorsDesk() {
		var admin = Api.at(port).asAdmin();
		var world = new OrderingFixtures(context, port);
		long region = world.region.id().value();
		var network = new NetworkFixtures(admin);
		var operator = network.operatorOf(region);
		String operatorPhone = operator.get("/api/me").json().get("phone").asText();
		Api resident = world.resident();
		String residentPhone = resident.get("/api/me").json().get("phone").asText();

		var shop = com.linli.ordering.WebSession.signIn(port, residentPhone, "secret123");
		assertThat(shop.get("/shop/me").body()).contains("me-complaints");
		var form = shop.get("/shop/complaints/new");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).contains("complaint-form");
		var filed = shop.post("/shop/complaints", "subject=SERVICE&text=" + java.net.URLEncoder.encode("页面投诉：电话没人接",
				StandardCharsets.UTF_8), form);
		assertThat(filed.status()).isEqualTo(200);
		assertThat(filed.uri().getPath()).matches("/shop/complaints/\\d+");
		assertThat(filed.body()).contains("页面投诉：电话没人接");
		long id = Long.parseLong(filed.uri().getPath().substring("/shop/complaints/".length()));
		var bad = shop.post("/shop/complaints", "subject=SERVICE&text=", form);
		assertThat(bad.body()).contains("complaint-failure");
		assertThat(shop.get("/shop/complaints").body()).contains("complaint-" + id);

		var desk = com.linli.ordering.WebSession.signIn(port, operatorPhone, "secret123");
		var list = desk.get("/console/complaints?regionId=" + region);
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("complaint-" + id).contains("sla-timer");
		var detail = desk.get("/console/complaints/" + id);
		assertThat(detail.status()).isEqualTo(200);
		var replied = desk.post("/console/complaints/" + id + "/reply", "text=" + java.net.URLEncoder.encode("已联系您",
				StandardCharsets.UTF_8), detail);
		assertThat(replied.body()).contains("已联系您");
		assertThat(resident.get("/api/aftersales/complaints/" + id).json().get("status").asText()).isEqualTo("RESPONDED");
		var resolved = desk.post("/console/complaints/" + id + "/resolve", "summary=" + java.net.URLEncoder.encode("已回电",
				StandardCharsets.UTF_8), replied);
		assertThat(resolved.body()).contains("已回电");
		var page = shop.get("/shop/complaints/" + id);
		assertThat(page.body()).contains("complaint-rating");
		var rated = shop.post("/shop/complaints/" + id + "/rate", "satisfaction=4", page);
		assertThat(rated.body()).contains("complaint-rated");
		assertThat(resident.get("/api/aftersales/complaints/" + id).json().get("satisfaction").asInt()).isEqualTo(4);

		// a double submit at the same moment files one complaint
		String twice = "twice-" + NetworkFixtures.unique();
		var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			java.util.concurrent.Callable<Api.Response> submit = () -> resident.post("/api/aftersales/complaints",
					Map.of("subject", "SERVICE", "text", "同时提交了两次", "submitKey", twice));
			var first = pool.submit(submit);
			var second = pool.submit(submit);
			assertThat(first.get().status()).as(first.get().toString()).isEqualTo(201);
			assertThat(second.get().status()).as(second.get().toString()).isEqualTo(201);
			assertThat(first.get().id()).isEqualTo(second.get().id());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
		finally {
			pool.shutdown();
		}

		var report = desk.get("/console/complaints/report?regionId=" + region);
		assertThat(report.status()).isEqualTo(200);
		assertThat(report.body()).contains("complaint-chart").contains("report-filed");
		var excel = operator.get("/api/admin/aftersales/complaint-report?regionId=" + region);
		assertThat(excel.json().get("filed").asLong()).isEqualTo(2);
		assertThat(desk.get("/console/complaints/settings?regionId=" + region).body()).contains("complaint-settings");
		var stranger = network.operatorOf(network.region());
		String strangerPhone = stranger.get("/api/me").json().get("phone").asText();
		var elsewhere = com.linli.ordering.WebSession.signIn(port, strangerPhone, "secret123");
		assertThat(elsewhere.get("/console/complaints/" + id).status()).isIn(403, 404);
		assertThat(elsewhere.get("/console/complaints").body()).doesNotContain("complaint-" + id + "\"");
	}

	@Test
	void theReportDownloadsAsAWorkbook() {
		var desk = com.linli.ordering.WebSession.signIn(port, Api.ADMIN_PHONE, Api.ADMIN_PASSWORD);
		var page = desk.get("/console/complaints/report");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("report-excel");
		var workbook = desk.get("/console/complaints/report.xlsx");
		assertThat(workbook.status()).isEqualTo(200);
		assertThat(workbook.body()).startsWith("PK");
	}
}
