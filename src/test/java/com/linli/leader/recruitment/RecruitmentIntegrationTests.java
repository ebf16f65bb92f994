package com.linli.leader.recruitment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.leader.IdNumbers;
import com.linli.network.NetworkFixtures;
import com.linli.network.PickupPointId;
import com.linli.network.PickupPointManagement;
import com.linli.ordering.OrderCutoffManagement;
import com.linli.ordering.OrderDeliveryManagement;
import com.linli.ordering.OrderingFixtures;
import com.linli.ordering.PickupFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recruitment through HTTP, as the applicant and the operator would: an application proved by an SMS code, scored,
 * reviewed in the region's queue and approved opens a pickup point residents bind to and order from; bad input and
 * duplicates are refused naming the field, with nothing changed; an operator of another region is refused.
 */
@IntegrationTest
class RecruitmentIntegrationTests {

	static final String APPLY = "/api/leader-applications";

	static final String REVIEW = "/api/admin/leaders/applications";

	static final List<String> CHECKLIST = List.of("IDENTITY", "PHOTOS", "SITE", "INTERVIEW");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	OrderingFixtures world;

	Api anonymous;

	Api operator;

	@BeforeEach
	void aRegionWithAPickupPoint() {
		SmsLog.listen();
		world = new OrderingFixtures(context, port);
		anonymous = Api.at(port);
		operator = new NetworkFixtures(Api.at(port).asAdmin()).operatorOf(world.region.id().value());
	}

	@Test
	void anApprovedApplicationOpensAPickupPointResidentsBindToAndOrderFrom() {
		String phone = Api.newPhone();
		var sent = anonymous.post(APPLY + "/phone-codes", Map.of("phone", phone));
		assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
		// about 1.9 km from the region's pickup point (30.28, 120.13)
		var applied = anonymous.post(APPLY, application(phone, SmsLog.codeFor(phone), 30.29, 120.145));
		assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
		String no = applied.json().get("applicationNo").asText();
		assertThat(applied.json().get("status").asText()).isEqualTo("SUBMITTED");
		assertThat(SmsLog.latestTo(phone).orElseThrow()).contains(no);

		// the operator's queue shows it with the score's parts; the ID number only masked
		long id = findInQueue(no);
		var detail = operator.get(REVIEW + "/" + id).json();
		assertThat(detail.get("idNumber").asText()).isEqualTo("3301**********" + idNumber().substring(14));
		assertThat(detail.get("score").get("households").asInt()).isEqualTo(30);
		assertThat(detail.get("score").get("followers").asInt()).isEqualTo(15);
		assertThat(detail.get("score").get("storage").asInt()).isEqualTo(20);
		assertThat(detail.get("score").get("distance").asInt()).isEqualTo(20);
		assertThat(detail.get("score").get("total").asInt()).isEqualTo(85);
		assertThat(detail.get("score").get("nearestPointMeters").asInt()).isBetween(1500, 2200);
		assertThat(detail.get("referralCode").asText()).isEqualTo("L7K2Q");

		// an operator of another region sees nothing of it and decides nothing
		var stranger = new NetworkFixtures(Api.at(port).asAdmin()).operatorOf(new NetworkFixtures(Api.at(port).asAdmin()).region());
		assertThat(stranger.get(REVIEW + "/" + id).status()).isEqualTo(403);
		assertThat(stranger.post(REVIEW + "/" + id + "/approve", Map.of("checklist", CHECKLIST)).status()).isEqualTo(403);
		assertThat(stranger.post(REVIEW + "/" + id + "/reject", Map.of("reason", "不行")).status()).isEqualTo(403);
		assertThat(stranger.get(REVIEW + "?regionId=" + world.region.id().value()).status()).isEqualTo(403);

		// the checklist must be complete: refused naming it, nothing opened
		long pointsBefore = pointsOfRegion();
		var half = operator.post(REVIEW + "/" + id + "/approve", Map.of("checklist", List.of("IDENTITY", "PHOTOS")));
		assertThat(half.status()).as(half.toString()).isEqualTo(400);
		assertThat(half.errorFields()).containsExactly("checklist");
		assertThat(pointsOfRegion()).isEqualTo(pointsBefore);

		var approved = operator.post(REVIEW + "/" + id + "/approve", Map.of("checklist", CHECKLIST));
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
		assertThat(approved.json().get("status").asText()).isEqualTo("APPROVED");
		long pointId = approved.json().get("pickupPointId").asLong();
		assertThat(pointsOfRegion()).isEqualTo(pointsBefore + 1);
		assertThat(operator.post(REVIEW + "/" + id + "/approve", Map.of("checklist", CHECKLIST)).status()).isEqualTo(409);

		// the applicant reads it on the status page and signs in with the password of the SMS
		var status = anonymous.get(APPLY + "/" + no + "?phone=" + phone);
		assertThat(status.json().get("status").asText()).isEqualTo("APPROVED");
		assertThat(anonymous.get(APPLY + "/" + no + "?phone=" + Api.newPhone()).status()).isEqualTo(404);
		String password = SmsLog.passwordFor(phone);
		var leader = Api.at(port).as(phone, password);
		assertThat(leader.post("/api/me/password", Map.of("currentPassword", password, "newPassword", "leader-new-123"))
			.status()).isEqualTo(204);
		leader = Api.at(port).as(phone, "leader-new-123");
		var me = leader.get("/api/leaders/me");
		assertThat(me.status()).as(me.toString()).isEqualTo(200);
		assertThat(me.json().get("leader").get("pickupPointId").asLong()).isEqualTo(pointId);

		// a resident binds to the new point and orders there: paid, to be picked up at it
		var point = context.getBean(PickupPointManagement.class).getPickupPoint(new PickupPointId(pointId));
		assertThat(point.active()).isTrue();
		assertThat(point.name()).isEqualTo("王家便利店" + phone.substring(7));
		var resident = world.resident(point);
		var listing = world.listing("招募苹果" + NetworkFixtures.unique(), "9.90", 100, 5);
		var pickups = new PickupFixtures(world, context.getBean(OrderCutoffManagement.class),
				context.getBean(OrderDeliveryManagement.class), port);
		var order = pickups.paidOrder(resident, listing, 2);
		assertThat(order.get("status").asText()).isEqualTo("PAID");
		assertThat(order.get("pickupPointId").asLong()).isEqualTo(pointId);
	}

	@Test
	void missingAndMalformedFieldsAreRefusedByNameAndNothingChanges() {
		String phone = Api.newPhone();
		long before = applications();
		for (String field : List.of("name", "phone", "idNumber", "communityId", "kind", "pointName", "address",
				"latitude", "longitude", "opensAt", "closesAt", "followers", "households", "storageSqm")) {
			var body = application(phone, "123456", 30.29, 120.145);
			body.remove(field);
			var refused = anonymous.post(APPLY, body);
			assertThat(refused.status()).as(field + ": " + refused).isEqualTo(400);
			assertThat(refused.errorFields()).as(field).containsExactly(field);
		}
		var malformed = application(phone, "123456", 30.29, 120.145);
		malformed.put("idNumber", idNumber().substring(0, 17) + (idNumber().charAt(17) == '0' ? "1" : "0"));
		var badId = anonymous.post(APPLY, malformed);
		assertThat(badId.status()).isEqualTo(400);
		assertThat(badId.errorFields()).containsExactly("idNumber");
		assertThat(badId.text()).contains("身份证");

		var beijing = anonymous.post(APPLY, application(phone, "123456", 39.90, 116.40));
		assertThat(beijing.status()).as(beijing.toString()).isEqualTo(400);
		assertThat(beijing.errorFields()).containsExactly("latitude");

		// a right form with a wrong code
		anonymous.post(APPLY + "/phone-codes", Map.of("phone", phone));
		String code = SmsLog.codeFor(phone);
		var wrong = anonymous.post(APPLY, application(phone, code.equals("000000") ? "111111" : "000000", 30.29, 120.145));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.errorFields()).containsExactly("code");
		assertThat(applications()).isEqualTo(before);

		// English for an English caller
		var english = anonymous.post(APPLY, malformed, Map.of("Accept-Language", "en"));
		assertThat(english.text()).contains("ID number");
		assertThat(applications()).isEqualTo(before);
	}

	@Test
	void aLeadersPhoneOrOneWithAnOpenApplicationIsRefused() {
		String leaderPhone = Api.newPhone();
		var appointed = Api.at(port).asAdmin().post("/api/leaders", Map.of("phone", leaderPhone, "name", "现任团长",
				"password", "leader123", "pickupPointId", world.pickupPoint.id().value()));
		assertThat(appointed.status()).isEqualTo(201);
		long before = applications();
		var leaders = anonymous.post(APPLY, application(leaderPhone, "123456", 30.29, 120.145));
		assertThat(leaders.status()).isEqualTo(409);
		assertThat(leaders.json().get("code").asText()).isEqualTo("already-leader");
		assertThat(leaders.errorFields()).containsExactly("phone");
		assertThat(anonymous.post(APPLY + "/phone-codes", Map.of("phone", leaderPhone)).status()).isEqualTo(409);

		String phone = Api.newPhone();
		anonymous.post(APPLY + "/phone-codes", Map.of("phone", phone));
		assertThat(anonymous.post(APPLY, application(phone, SmsLog.codeFor(phone), 30.29, 120.145)).status())
			.isEqualTo(201);
		var again = anonymous.post(APPLY, application(phone, "123456", 30.30, 120.15));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("code").asText()).isEqualTo("application-open");
		assertThat(again.errorFields()).containsExactly("phone");
		assertThat(applications()).isEqualTo(before + 1);
		// a second code within the minute is refused
		String another = Api.newPhone();
		assertThat(anonymous.post(APPLY + "/phone-codes", Map.of("phone", another)).status()).isEqualTo(202);
		var soon = anonymous.post(APPLY + "/phone-codes", Map.of("phone", another));
		assertThat(soon.status()).isEqualTo(409);
		assertThat(soon.json().get("code").asText()).isEqualTo("code-sent-recently");
	}

	@Test
	void theOperatorAsksForMoreTheApplicantAnswersThenARejectionGivesItsReason() {
		String phone = Api.newPhone();
		anonymous.post(APPLY + "/phone-codes", Map.of("phone", phone));
		String no = anonymous.post(APPLY, application(phone, SmsLog.codeFor(phone), 30.281, 120.131)).json()
			.get("applicationNo").asText();
		long id = findInQueue(no);
		// right next to the existing pickup point: no points for distance
		assertThat(operator.get(REVIEW + "/" + id).json().get("score").get("distance").asInt()).isZero();

		var asked = operator.post(REVIEW + "/" + id + "/request-info", Map.of("question", "请补充门店营业执照照片"));
		assertThat(asked.json().get("status").asText()).isEqualTo("MORE_INFO_REQUESTED");
		assertThat(SmsLog.latestTo(phone).orElseThrow()).contains("营业执照");
		var seen = anonymous.get(APPLY + "/" + no + "?phone=" + phone).json();
		assertThat(seen.get("question").asText()).isEqualTo("请补充门店营业执照照片");
		assertThat(operator.post(REVIEW + "/" + id + "/approve", Map.of("checklist", CHECKLIST)).status()).isEqualTo(409);

		var answered = anonymous.post(APPLY + "/" + no + "/answer", Map.of("phone", phone, "answer", "已发至运营邮箱"));
		assertThat(answered.json().get("status").asText()).isEqualTo("SUBMITTED");
		assertThat(anonymous.post(APPLY + "/" + no + "/answer", Map.of("phone", phone, "answer", "again")).status())
			.isEqualTo(409);

		var noReason = operator.post(REVIEW + "/" + id + "/reject", Map.of());
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.errorFields()).containsExactly("reason");
		var rejected = operator.post(REVIEW + "/" + id + "/reject", Map.of("reason", "距离现有自提点太近"));
		assertThat(rejected.json().get("status").asText()).isEqualTo("REJECTED");
		assertThat(anonymous.get(APPLY + "/" + no + "?phone=" + phone).json().get("reason").asText())
			.isEqualTo("距离现有自提点太近");
		assertThat(SmsLog.latestTo(phone).orElseThrow()).contains("距离现有自提点太近");
	}

	@Test
	void anApplicationCarriesPhotosAsMultipart() throws Exception {
		String phone = Api.newPhone();
		anonymous.post(APPLY + "/phone-codes", Map.of("phone", phone));
		var fields = application(phone, SmsLog.codeFor(phone), 30.295, 120.15);
		String boundary = "recruitment" + System.nanoTime();
		var body = new java.io.ByteArrayOutputStream();
		for (var e : fields.entrySet()) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
					+ e.getValue() + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"shop.png\"\r\n"
				+ "Content-Type: image/png\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
		body.writeBytes(java.util.Base64.getDecoder().decode(
				"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="));
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
		var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://localhost:" + port + APPLY))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		String no = Api.JSON.readTree(response.body()).get("applicationNo").asText();
		long id = findInQueue(no);
		var detail = operator.get(REVIEW + "/" + id).json();
		assertThat(detail.get("photos").toString()).isEqualTo("[0]");
		var photo = operator.get(REVIEW + "/" + id + "/photos/0");
		assertThat(photo.status()).isEqualTo(200);
		assertThat(photo.contentType()).startsWith("image/png");
	}

	@Test
	void theDemoLeavesApplicationsWaitingForReview() {
		context.getBean(com.linli.demo.internal.RecruitmentDemo.class).seed(List.of(world.region.id()));
		long waiting = jdbc.sql("""
				select count(*) from leader.application
				 where phone in ('19700001301', '19700001302', '19700001303', '19700001304')
				   and status in ('SUBMITTED', 'MORE_INFO_REQUESTED')""").query(Long.class).single();
		assertThat(waiting).isEqualTo(4);
		assertThat(operator.get(REVIEW + "?regionId=" + world.region.id().value()).json().get("total").asLong())
			.isGreaterThanOrEqualTo(3);
	}

	private long findInQueue(String applicationNo) {
		var queue = operator.get(REVIEW + "?regionId=" + world.region.id().value() + "&status=SUBMITTED&size=100");
		assertThat(queue.status()).as(queue.toString()).isEqualTo(200);
		for (var item : queue.json().get("items")) {
			if (item.get("applicationNo").asText().equals(applicationNo)) {
				return item.get("id").asLong();
			}
		}
		throw new AssertionError("not in the queue: " + applicationNo);
	}

	private long applications() {
		return jdbc.sql("select count(*) from leader.application").query(Long.class).single();
	}

	private long pointsOfRegion() {
		return context.getBean(PickupPointManagement.class).pickupPoints(world.region.id()).size();
	}

	static String idNumber() {
		String first17 = "33010619900101123";
		return first17 + IdNumbers.checkCharacter(first17);
	}

	Map<String, Object> application(String phone, String code, double latitude, double longitude) {
		var body = new HashMap<String, Object>();
		body.put("name", "王家" + phone.substring(7));
		body.put("phone", phone);
		body.put("code", code);
		body.put("idNumber", idNumber());
		body.put("communityId", world.pickupPoint.communityId().value());
		body.put("kind", "SHOP");
		body.put("pointName", "王家便利店" + phone.substring(7));
		body.put("address", "幸福路 8 号底商");
		body.put("latitude", latitude);
		body.put("longitude", longitude);
		body.put("opensAt", "08:00");
		body.put("closesAt", "21:00");
		body.put("followers", 150);
		body.put("households", 900);
		body.put("storageSqm", 12);
		body.put("referralCode", "L7K2Q");
		return body;
	}
}
