package com.linli.leader.training;

import java.util.List;
import java.util.Map;

import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.marketing.MarketingFixtures;
import com.linli.ordering.OrderCutoffManagement;
import com.linli.ordering.OrderDeliveryManagement;
import com.linli.ordering.OrderingFixtures;
import com.linli.ordering.PickupFixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Training through HTTP: an operator writes a basic path of courses with quizzes and switches the region's
 * gate on; a leader appointed afterwards has their pickup point refuse orders until they pass the path
 * (a failed attempt retried), then it takes orders at once; a leader appointed before is not held. Bad input
 * (a question without a correct option, a pass mark above 100, another region's course, answers to another
 * course's questions) is refused naming the field, and changes nothing.
 */
@IntegrationTest
class TrainingIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void aNewLeadersPointTakesOrdersOnlyAfterTheBasicPathWhenTheGateIsOn() {
		var world = new OrderingFixtures(context, port);
		var pickups = new PickupFixtures(world, context.getBean(OrderCutoffManagement.class),
				context.getBean(OrderDeliveryManagement.class), port);
		long region = world.region.id().value();
		var operator = MarketingFixtures.operatorOf(Api.at(port), world.region);
		var veteran = pickups.leader(world.pickupPoint);

		var first = created(operator.post("/api/admin/leaders/training/courses", course(region, "平台操作入门", "PLATFORM", 1, 100,
				List.of(question("核销时应该先做什么？", List.of("扫码或输入取货码", "直接给货"), List.of(0)),
						question("哪些是团长的工作？", List.of("收货", "核销", "生产商品"), List.of(0, 1))))));
		var second = created(operator.post("/api/admin/leaders/training/courses", course(region, "客户服务", "SERVICE", 2, 50,
				List.of(question("居民投诉时先怎么做？", List.of("倾听并记录", "拉黑"), List.of(0))))));
		created(operator.post("/api/admin/leaders/training/courses", course(region, "选修：拍好商品图", "MARKETING", null, 60,
				List.of(question("光线？", List.of("自然光", "逆光"), List.of(0))))));
		// the gate is off by default
		assertThat(operator.get("/api/admin/leaders/training/gate?regionId=" + region).json().get("enabled").asBoolean())
			.isFalse();
		var on = operator.put("/api/admin/leaders/training/gate?regionId=" + region, Map.of("enabled", true));
		assertThat(on.status()).as(on.toString()).isEqualTo(200);
		assertThat(on.json().get("enabled").asBoolean()).isTrue();

		var listing = world.listing("土鸡蛋" + port, "12.80", 100, 10);
		var newPoint = world.anotherPickupPoint();
		var newcomer = pickups.leader(newPoint);
		var resident = world.resident(newPoint);

		// the new leader's point refuses orders; the veteran's (appointed before the gate) takes them
		var refused = order(resident, listing);
		assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
		assertThat(refused.json().get("code").asText()).isEqualTo("pickup-point-not-open-yet");
		assertThat(order(world.resident(), listing).status()).isEqualTo(201);
		var mine = newcomer.api().get("/api/leader/training").json();
		assertThat(mine.get("pickupPointWaitsForTraining").asBoolean()).isTrue();
		assertThat(mine.get("courses")).hasSize(3);
		assertThat(mine.get("courses").get(0).get("course").get("title").asText()).isEqualTo("平台操作入门");
		// the leader sees the quiz without its answers
		var opened = newcomer.api().get("/api/leader/training/courses/" + first.get("id").asLong());
		assertThat(opened.status()).isEqualTo(200);
		assertThat(opened.text()).doesNotContain("correct");
		assertThat(opened.json().get("progress").get("startedAt").isNull()).isFalse();
		assertThat(opened.json().get("course").get("questions").get(1).get("multiple").asBoolean()).isTrue();

		long q1 = first.get("questions").get(0).get("id").asLong();
		long q2 = first.get("questions").get(1).get("id").asLong();
		long q3 = second.get("questions").get(0).get("id").asLong();
		// answers to another course's question: refused, naming the field; no attempt counted
		var other = newcomer.api().post("/api/leader/training/courses/" + first.get("id").asLong() + "/attempts",
				Map.of("answers", List.of(answer(q3, 0))));
		assertThat(other.status()).isEqualTo(400);
		assertThat(other.errorFields()).containsExactly("answers[0].questionId");
		// a failed attempt (the multiple choice half right: 50 < 100), then retried and passed
		var failed = attempt(newcomer.api(), first, answer(q1, 0), answer(q2, 0));
		assertThat(failed.get("passed").asBoolean()).isFalse();
		assertThat(failed.get("score").asInt()).isEqualTo(50);
		assertThat(failed.get("wrongQuestionIds").get(0).asLong()).isEqualTo(q2);
		assertThat(failed.get("attempts").asInt()).isEqualTo(1);
		var passed = attempt(newcomer.api(), first, answer(q1, 0), answer(q2, 1, 0));
		assertThat(passed.get("passed").asBoolean()).isTrue();
		assertThat(passed.get("score").asInt()).isEqualTo(100);
		assertThat(passed.get("attempts").asInt()).isEqualTo(2);
		assertThat(passed.get("pathPassed").asBoolean()).isFalse();
		assertThat(order(resident, listing).status()).isEqualTo(409);

		var done = attempt(newcomer.api(), second, answer(q3, 0));
		assertThat(done.get("passed").asBoolean()).isTrue();
		assertThat(done.get("pathPassed").asBoolean()).isTrue();
		// the point opened at once
		var accepted = order(resident, listing);
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
		assertThat(newcomer.api().get("/api/leader/training").json().get("pickupPointWaitsForTraining").asBoolean())
			.isFalse();

		// the operator sees who is done
		var progress = operator.get("/api/admin/leaders/training/progress?regionId=" + region).json();
		var row = rowOf(progress, newcomer.leaderId());
		assertThat(row.get("done").asBoolean()).isTrue();
		assertThat(row.get("held").asBoolean()).isFalse();
		assertThat(row.get("passed").asInt()).isEqualTo(2);
		assertThat(row.get("path").get(0).get("progress").get("attempts").asInt()).isEqualTo(2);
		assertThat(row.get("path").get(0).get("progress").get("bestScore").asInt()).isEqualTo(100);
		var old = rowOf(progress, veteran.leaderId());
		assertThat(old.get("done").asBoolean()).isFalse();
		assertThat(old.get("held").asBoolean()).isFalse();
	}

	@Test
	void switchingTheGateOffOpensThePointsItHeld() {
		var world = new OrderingFixtures(context, port);
		var pickups = new PickupFixtures(world, context.getBean(OrderCutoffManagement.class),
				context.getBean(OrderDeliveryManagement.class), port);
		long region = world.region.id().value();
		var admin = Api.at(port).asAdmin();
		created(admin.post("/api/admin/leaders/training/courses", course(region, "入门", "PLATFORM", 1, 100,
				List.of(question("一加一？", List.of("二", "三"), List.of(0))))));
		admin.put("/api/admin/leaders/training/gate?regionId=" + region, Map.of("enabled", true));
		pickups.leader(world.pickupPoint);
		var listing = world.listing("青菜" + port, "3.00", 100, 10);
		var resident = world.resident();
		assertThat(order(resident, listing).status()).isEqualTo(409);
		var off = admin.put("/api/admin/leaders/training/gate?regionId=" + region, Map.of("enabled", false));
		assertThat(off.json().get("enabled").asBoolean()).isFalse();
		assertThat(order(resident, listing).status()).isEqualTo(201);
	}

	@Test
	void badCoursesAndOtherRegionsAreRefusedAndChangeNothing() {
		var world = new OrderingFixtures(context, port);
		var elsewhere = new OrderingFixtures(context, port);
		var pickups = new PickupFixtures(world, context.getBean(OrderCutoffManagement.class),
				context.getBean(OrderDeliveryManagement.class), port);
		long region = world.region.id().value();
		var operator = MarketingFixtures.operatorOf(Api.at(port), world.region);
		var admin = Api.at(port).asAdmin();

		var noCorrect = operator.post("/api/admin/leaders/training/courses", course(region, "无正确答案", "PRODUCT", 1, 60,
				List.of(question("问题", List.of("甲", "乙"), List.of()))));
		assertThat(noCorrect.status()).isEqualTo(400);
		assertThat(noCorrect.errorFields()).containsExactly("questions[0].correct");
		var tooHigh = operator.post("/api/admin/leaders/training/courses", course(region, "及格分太高", "PRODUCT", 1, 101,
				List.of(question("问题", List.of("甲", "乙"), List.of(0)))));
		assertThat(tooHigh.status()).isEqualTo(400);
		assertThat(tooHigh.errorFields()).containsExactly("passMark");
		var foreign = operator.post("/api/admin/leaders/training/courses", course(elsewhere.region.id().value(), "别的区域",
				"PRODUCT", 1, 60, List.of(question("问题", List.of("甲", "乙"), List.of(0)))));
		assertThat(foreign.status()).isEqualTo(403);
		assertThat(foreign.contentType()).startsWith("application/problem+json");
		assertThat(operator.put("/api/admin/leaders/training/gate?regionId=" + elsewhere.region.id().value(),
				Map.of("enabled", true)).status()).isEqualTo(403);
		assertThat(admin.get("/api/admin/leaders/training/courses?regionId=" + region).json()).isEmpty();
		assertThat(admin.get("/api/admin/leaders/training/courses?regionId=" + elsewhere.region.id().value()).json()).isEmpty();
		assertThat(admin.get("/api/admin/leaders/training/gate?regionId=" + elsewhere.region.id().value()).json()
			.get("enabled").asBoolean()).isFalse();

		// an edit with a stale version loses; a bad edit changes nothing
		var course = created(operator.post("/api/admin/leaders/training/courses", course(region, "商品知识", "PRODUCT", 1, 60,
				List.of(question("苹果要冷藏吗？", List.of("要", "不要"), List.of(0))))));
		long id = course.get("id").asLong();
		var edit = new java.util.HashMap<>(course(region, "商品知识（新）", "PRODUCT", 1, 60,
				List.of(question("苹果要冷藏吗？", List.of("要", "不要"), List.of(0)))));
		edit.put("version", course.get("version").asInt() + 1);
		var stale = operator.put("/api/admin/leaders/training/courses/" + id, edit);
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.json().get("code").asText()).isEqualTo("changed-concurrently");
		edit.put("version", course.get("version").asInt());
		edit.put("passMark", 150);
		assertThat(operator.put("/api/admin/leaders/training/courses/" + id, edit).errorFields()).containsExactly("passMark");
		assertThat(admin.get("/api/admin/leaders/training/courses/" + id).json().get("title").asText()).isEqualTo("商品知识");
		edit.put("passMark", 80);
		var saved = operator.put("/api/admin/leaders/training/courses/" + id, edit);
		assertThat(saved.status()).isEqualTo(200);
		assertThat(saved.json().get("title").asText()).isEqualTo("商品知识（新）");
		assertThat(saved.json().get("passMark").asInt()).isEqualTo(80);

		// the edit replaced the quiz: the old question is no longer the course's
		long oldQuestion = course.get("questions").get(0).get("id").asLong();
		course = saved.json();
		// a leader of another region does not find the course; a resident is no leader
		var stranger = new PickupFixtures(elsewhere, context.getBean(OrderCutoffManagement.class),
				context.getBean(OrderDeliveryManagement.class), port).leader(elsewhere.pickupPoint);
		assertThat(stranger.api().get("/api/leader/training/courses/" + id).status()).isEqualTo(404);
		assertThat(stranger.api().post("/api/leader/training/courses/" + id + "/attempts",
				Map.of("answers", List.of(answer(course.get("questions").get(0).get("id").asLong(), 0)))).status())
			.isEqualTo(404);
		assertThat(world.resident().get("/api/leader/training").status()).isEqualTo(403);
		// a leader of the region answering an option that does not exist: refused, no attempt counted
		var leader = pickups.leader(world.pickupPoint);
		var noOption = leader.api().post("/api/leader/training/courses/" + id + "/attempts",
				Map.of("answers", List.of(answer(course.get("questions").get(0).get("id").asLong(), 7))));
		assertThat(noOption.errorFields()).containsExactly("answers[0].chosen");
		var replaced = leader.api().post("/api/leader/training/courses/" + id + "/attempts",
				Map.of("answers", List.of(answer(oldQuestion, 0))));
		assertThat(replaced.errorFields()).containsExactly("answers[0].questionId");
		assertThat(leader.api().get("/api/leader/training").json().get("courses").get(0).get("progress").get("attempts")
			.asInt()).isZero();
	}

	static Map<String, Object> course(long region, String title, String category, Integer position, int passMark,
			List<Map<String, Object>> questions) {
		var body = new java.util.HashMap<String, Object>();
		body.put("regionId", region);
		body.put("title", title);
		body.put("category", category);
		body.put("body", title + "：课程正文。\n第二段。");
		body.put("imageUrls", List.of("https://img.example.com/" + port(title) + ".png"));
		body.put("videoUrls", List.of("https://video.example.com/" + port(title)));
		body.put("pathPosition", position);
		body.put("passMark", passMark);
		body.put("questions", questions);
		return body;
	}

	private static int port(String title) {
		return Math.abs(title.hashCode() % 10_000);
	}

	static Map<String, Object> question(String text, List<String> options, List<Integer> correct) {
		return Map.of("text", text, "options", options, "correct", correct);
	}

	static Map<String, Object> answer(long question, Integer... chosen) {
		return Map.of("questionId", question, "chosen", List.of(chosen));
	}

	private static JsonNode created(Api.Response r) {
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return r.json();
	}

	@SafeVarargs
	private static JsonNode attempt(Api leader, JsonNode course, Map<String, Object>... answers) {
		var r = leader.post("/api/leader/training/courses/" + course.get("id").asLong() + "/attempts",
				Map.of("answers", List.of(answers)));
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		return r.json();
	}

	private static Api.Response order(Api resident, com.linli.marketing.Listing listing) {
		return resident.post("/api/orders", Map.of("items", List.of(Map.of("listingId", listing.id().value(), "quantity", 1))),
				Map.of("Idempotency-Key", "k-" + System.nanoTime()));
	}

	private static JsonNode rowOf(JsonNode progress, long leaderId) {
		for (var row : progress) {
			if (row.get("leaderId").asLong() == leaderId) {
				return row;
			}
		}
		throw new AssertionError("no row of leader " + leaderId + " in " + progress);
	}
}
