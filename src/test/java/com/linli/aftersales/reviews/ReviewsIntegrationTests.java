package com.linli.aftersales.reviews;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.catalog.Sku;
import com.linli.fulfilment.FulfilmentFixtures;
import com.linli.marketing.Listing;
import com.linli.ordering.OrderingFixtures;
import com.linli.ordering.WebSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reviews and the help centre through HTTP: residents review picked-up lines (the storefront shows them with the
 * average), bad reviews are refused naming the field and change nothing, an operator hides one (it leaves the
 * storefront), and the FAQ is searched in Chinese.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewsIntegrationTests {

	/** The smallest PNG: one transparent pixel. */
	static final byte[] PNG = java.util.Base64.getDecoder().decode(
			"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

	static final Map<String, String> IMAGE = Map.of("Accept", "image/png, image/*, */*");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	OrderingFixtures world;

	Api operator;

	Api first, second, waiting;

	JsonNode firstOrder, secondOrder, waitingOrder;

	Listing apples, eggs;

	Sku appleSku;

	@BeforeAll
	void aDayOfPickups() {
		world = new OrderingFixtures(context, port);
		var day = new FulfilmentFixtures(world, port);
		operator = day.operator();
		appleSku = world.sku("评价苹果" + System.nanoTime() % 100_000, "5斤装");
		apples = world.listing(appleSku, "19.90", 50, 5);
		eggs = world.listing("评价鸡蛋 30枚", "22.80", 30, 5);
		first = world.resident();
		second = world.resident();
		waiting = world.resident();
		day.paidOrder(first, apples, 2, eggs, 1);
		day.paidOrder(second, apples, 1);
		day.paidOrder(waiting, apples, 1);
		var run = day.cutoff(operator);
		assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("COMPLETED");
		Api leader = day.leaderOf(world.pickupPoint);
		var receipt = leader.post("/api/fulfilment/my-point/" + world.pickupDate + "/receipt", Map.of());
		assertThat(receipt.status()).as(receipt.toString()).isEqualTo(201);
		firstOrder = only(first);
		secondOrder = only(second);
		for (JsonNode order : List.of(firstOrder, secondOrder)) {
			var handedOut = leader.post("/api/leader/pickups", Map.of("pickupCode", order.get("pickupCode").asText()));
			assertThat(handedOut.status()).as(handedOut.toString()).isEqualTo(200);
		}
		firstOrder = only(first);
		secondOrder = only(second);
		waitingOrder = only(waiting);
		assertThat(firstOrder.get("status").asText()).isEqualTo("PICKED_UP");
		assertThat(waitingOrder.get("status").asText()).isEqualTo("READY_FOR_PICKUP");
	}

	@Test
	void residentsReviewPickedUpLinesAndTheStorefrontShowsThemWithTheAverage() {
		long product = appleSku.productId().value();
		var posted = post(first, review(firstOrder, apples, 5, 4, "很新鲜，很甜，团长服务好"), PNG);
		assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
		JsonNode review = posted.json();
		assertThat(review.get("authorName").asText()).endsWith("*");
		assertThat(review.get("photoUrls")).hasSize(1);
		assertThat(first.get(review.get("photoUrls").get(0).asText(), IMAGE).status()).isEqualTo(200);
		assertThat(second.get(review.get("photoUrls").get(0).asText(), IMAGE).status()).as("another resident, the author's API")
			.isEqualTo(404);

		var low = post(second, review(secondOrder, apples, 2, null, "有两个烂的"));
		assertThat(low.status()).as(low.toString()).isEqualTo(201);
		// points for a review, once: 10, and 10 more with photos
		assertThat(pointsEntries(first, "marketing.points.reason.review")).containsExactly(20L);
		assertThat(pointsEntries(second, "marketing.points.reason.review")).containsExactly(10L);

		JsonNode page = Api.at(port).anonymous().get("/api/storefront/products/" + product + "/reviews").json();
		assertThat(page.get("rating").get("count").asInt()).isEqualTo(2);
		assertThat(page.get("rating").get("average").asDouble()).isEqualTo(3.5);
		assertThat(page.get("rating").get("lowShare").asDouble()).isEqualTo(0.5);
		assertThat(page.get("rating").get("byStars").toString()).isEqualTo("[0,1,0,0,1]");
		assertThat(page.get("reviews").get(0).get("text").asText()).isEqualTo("有两个烂的");
		String publicPhoto = page.get("reviews").get(1).get("photoUrls").get(0).asText();
		var photo = Api.at(port).anonymous().get(publicPhoto, IMAGE);
		assertThat(photo.status()).isEqualTo(200);
		assertThat(photo.contentType()).isEqualTo("image/png");

		// the product page's block, and the order page's link per line
		var session = WebSession.signIn(port, phone(first), "secret123");
		var block = session.get("/shop/reviews/products/" + product);
		assertThat(block.body()).contains("很新鲜，很甜，团长服务好").contains("3.5").contains("有两个烂的");
		assertThat(session.get("/shop/listings/" + apples.id().value()).body())
			.contains("/shop/reviews/products/" + product);
		long order = firstOrder.get("id").asLong();
		assertThat(session.get("/shop/reviews/orders/" + order + "/lines/" + lineOf(firstOrder, apples) + "/link").body())
			.doesNotContain("/shop/reviews/new").contains("review").contains("reviewed");
		assertThat(session.get("/shop/reviews/orders/" + order + "/lines/" + lineOf(firstOrder, eggs) + "/link").body())
			.contains("/shop/reviews/new?orderId=" + order);
		assertThat(session.get("/shop/orders/" + order).body()).contains("/shop/reviews/orders/" + order + "/lines/");

		// an operator of the region hides the low one, with a reason; it leaves the storefront
		long lowId = low.json().get("id").asLong();
		var noReason = operator.post("/api/admin/aftersales/reviews/" + lowId + "/hide", Map.of("reason", " "));
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.errorFields()).containsExactly("reason");
		var hidden = operator.post("/api/admin/aftersales/reviews/" + lowId + "/hide", Map.of("reason", "含有不实内容"));
		assertThat(hidden.status()).as(hidden.toString()).isEqualTo(200);
		assertThat(hidden.json().get("hidden").asBoolean()).isTrue();
		assertThat(operator.post("/api/admin/aftersales/reviews/" + lowId + "/hide", Map.of("reason", "again")).status())
			.isEqualTo(409);
		// a hidden review keeps no points, taken back once
		assertThat(pointsEntries(second, "marketing.points.reason.reviewHidden")).containsExactly(-10L);
		page = Api.at(port).anonymous().get("/api/storefront/products/" + product + "/reviews").json();
		assertThat(page.get("rating").get("count").asInt()).isEqualTo(1);
		assertThat(page.get("rating").get("average").asDouble()).isEqualTo(5.0);
		assertThat(page.toString()).doesNotContain("有两个烂的");
		assertThat(session.get("/shop/reviews/products/" + product).body()).doesNotContain("有两个烂的");
		JsonNode mine = second.get("/api/aftersales/reviews").json();
		assertThat(mine.get(0).get("hidden").asBoolean()).isTrue();
		assertThat(mine.get(0).get("hiddenReason").asText()).isEqualTo("含有不实内容");

		// moderation list and ranking
		var listed = operator.get("/api/admin/aftersales/reviews?productId=" + product).json();
		assertThat(listed).hasSize(2);
		assertThat(operator.get("/api/admin/aftersales/reviews?productId=" + product + "&hidden=true").json()).hasSize(1);
		assertThat(operator.get("/api/admin/aftersales/reviews/ranking?regionId=" + world.region.id().value()).toString())
			.contains(appleSku.productName());
		assertThat(Api.at(port).asAdmin().newAccount("OPERATOR").post("/api/admin/aftersales/reviews/" + lowId + "/unhide",
				Map.of()).status()).as("an operator without the region").isEqualTo(403);
	}

	@Test
	void badReviewsAreRefusedNamingTheFieldAndChangeNothing() {
		int before = first.get("/api/aftersales/reviews").json().size();
		// not picked up
		var notPicked = post(waiting, review(waitingOrder, apples, 5, null, "还没取"));
		assertThat(notPicked.status()).as(notPicked.toString()).isEqualTo(409);
		assertThat(notPicked.errorFields()).containsExactly("lineId");
		// stars out of 1..5
		for (int stars : new int[] { 0, 6 }) {
			var r = post(first, review(firstOrder, eggs, stars, null, "星级"));
			assertThat(r.status()).isEqualTo(400);
			assertThat(r.errorFields()).containsExactly("productStars");
		}
		var leader = post(first, review(firstOrder, eggs, 5, 7, "团长"));
		assertThat(leader.status()).isEqualTo(400);
		assertThat(leader.errorFields()).containsExactly("leaderStars");
		var longText = post(first, review(firstOrder, eggs, 5, null, "长".repeat(501)));
		assertThat(longText.status()).isEqualTo(400);
		assertThat(longText.errorFields()).containsExactly("text");
		var notImage = multipart(first, review(firstOrder, eggs, 5, null, "照片"),
				List.of(new Part("text/plain", "x.txt", "not an image".getBytes(StandardCharsets.UTF_8))));
		assertThat(notImage.status()).isEqualTo(400);
		assertThat(notImage.errorFields()).containsExactly("photos");
		List<Part> seven = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			seven.add(new Part("image/png", "p" + i + ".png", PNG));
		}
		var tooMany = multipart(first, review(firstOrder, eggs, 5, null, "照片"), seven);
		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(tooMany.errorFields()).containsExactly("photos");
		// someone else's order
		var others = post(second, review(firstOrder, eggs, 5, null, "别人的"));
		assertThat(others.status()).isEqualTo(404);
		// one review per line
		var ok = post(first, review(firstOrder, eggs, 4, 5, "鸡蛋不错"));
		assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
		var again = post(first, review(firstOrder, eggs, 3, null, "再评一次"));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.errorFields()).containsExactly("lineId");
		assertThat(first.get("/api/aftersales/reviews").json()).hasSize(before + 1);
		assertThat(waiting.get("/api/aftersales/reviews").json()).isEmpty();
		var eggReviews = Api.at(port).anonymous()
			.get("/api/storefront/products/" + context.getBean(com.linli.catalog.SkuManagement.class).getSku(eggs.skuId()).productId().value() + "/reviews").json();
		assertThat(eggReviews.get("rating").get("count").asInt()).isEqualTo(1);
		assertThat(eggReviews.toString()).doesNotContain("再评一次").doesNotContain("别人的");
	}

	@Test
	void theHelpCentreFindsQuestionsInChineseAndTellsWhereTheOrderIs() {
		Api admin = Api.at(port).asAdmin();
		String unique = "蓝莓" + System.nanoTime() % 100_000;
		var added = operator.post("/api/admin/aftersales/faq", Map.of("category", "测试分类" + unique, "question",
				unique + "礼盒可以开发票吗？", "answer", "可以，在订单详情页申请电子发票。"));
		assertThat(added.status()).as(added.toString()).isEqualTo(201);
		var missing = operator.post("/api/admin/aftersales/faq", Map.of("category", "测试", "question", " ",
				"answer", "答"));
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.errorFields()).containsExactly("question");
		assertThat(first.post("/api/admin/aftersales/faq", Map.of("category", "x", "question", "q", "answer", "a"))
			.status()).isEqualTo(403);

		var anyone = Api.at(port).anonymous();
		assertThat(top(anyone, unique + "发票")).isEqualTo(unique + "礼盒可以开发票吗？");
		assertThat(top(anyone, "自提点在哪")).isEqualTo("在哪里取货？自提点在哪？");
		assertThat(top(anyone, "怎么取货")).contains("取货");
		JsonNode refunds = anyone.get("/api/storefront/help?q=" + enc("退款")).json();
		assertThat(refunds.size()).isGreaterThanOrEqualTo(2);
		refunds.forEach(f -> assertThat(f.get("question").asText() + f.get("answer").asText()).contains("退款"));
		assertThat(anyone.get("/api/storefront/help?q=" + enc("量子力学")).json()).isEmpty();
		assertThat(anyone.get("/api/storefront/help?q=" + "长".repeat(101)).status()).isEqualTo(400);

		var off = operator.post("/api/admin/aftersales/faq/" + added.id() + "/active", Map.of("active", false));
		assertThat(off.status()).as(off.toString()).isEqualTo(200);
		assertThat(anyone.get("/api/storefront/help?q=" + enc(unique + "发票")).toString()).doesNotContain(unique);
		assertThat(admin.get("/api/admin/aftersales/faq").toString()).contains(unique);

		// the console: operators keep the questions on a page too
		var console = WebSession.signIn(port, phone(operator), "secret123");
		var helpPage = console.get("/console/help");
		assertThat(helpPage.status()).isEqualTo(200);
		assertThat(helpPage.body()).contains("退款多久到账？").contains(unique + "礼盒可以开发票吗？");
		String fromPage = "页面新增" + unique;
		var saved = console.post("/console/help/questions", "category=" + enc("页面分类" + unique) + "&question="
				+ enc(fromPage + "怎么联系客服？") + "&answer=" + enc("拨打客服电话。"), helpPage);
		assertThat(saved.body()).contains(fromPage + "怎么联系客服？");
		assertThat(top(anyone, fromPage + "客服")).isEqualTo(fromPage + "怎么联系客服？");
		var reviewsPage = console.get("/console/reviews");
		assertThat(reviewsPage.status()).isEqualTo(200);

		// where is my order: the waiting resident is told the point and the code
		var session = WebSession.signIn(port, phone(waiting), "secret123");
		var help = session.get("/shop/help?q=" + enc("退款"));
		assertThat(help.status()).isEqualTo(200);
		assertThat(help.body()).contains(waitingOrder.get("orderNo").asText())
			.contains(waitingOrder.get("pickupCode").asText()).contains(world.pickupPoint.name())
			.contains("退款多久到账？");
	}

	@Test
	void theDemoReviewsHalfThePickedUpLinesOnceAndHidesAnAbusiveOne() {
		var town = new OrderingFixtures(context, port);
		var day = new FulfilmentFixtures(town, port);
		Api staff = day.operator();
		Listing pears = town.listing("演示梨" + System.nanoTime() % 100_000, "9.90", 100, 5);
		List<Api> residents = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			residents.add(town.resident());
			day.paidOrder(residents.get(i), pears, 1);
		}
		day.cutoff(staff);
		Api leader = day.leaderOf(town.pickupPoint);
		leader.post("/api/fulfilment/my-point/" + town.pickupDate + "/receipt", Map.of());
		long evenLines = 0;
		for (Api resident : residents) {
			JsonNode order = only(resident);
			leader.post("/api/leader/pickups", Map.of("pickupCode", order.get("pickupCode").asText()));
			evenLines += lineOf(order, pears) % 2 == 0 ? 1 : 0;
		}
		var demo = context.getBean(com.linli.demo.internal.ReviewsDemo.class);
		assertThat(demo.seed(town.region.id())).isEqualTo(evenLines);
		assertThat(demo.seed(town.region.id())).isZero();
		assertThat(staff.get("/api/admin/aftersales/reviews?regionId=" + town.region.id().value()).json())
			.hasSize((int) evenLines);
	}

	private static String top(Api api, String query) {
		JsonNode found = api.get("/api/storefront/help?q=" + enc(query)).json();
		assertThat(found.size()).as(query).isGreaterThan(0);
		return found.get(0).get("question").asText();
	}

	static String enc(String s) {
		return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	/** The points of the resident's ledger entries with this reason, newest first. */
	private static java.util.List<Long> pointsEntries(Api resident, String reasonCode) {
		var entries = new java.util.ArrayList<Long>();
		for (JsonNode e : resident.get("/api/marketing/points").json().get("entries")) {
			if (reasonCode.equals(e.get("reasonCode").asText())) {
				entries.add(e.get("points").asLong());
			}
		}
		return entries;
	}

	private static String phone(Api resident) {
		return resident.get("/api/me").json().get("phone").asText();
	}

	private static JsonNode only(Api resident) {
		JsonNode orders = resident.get("/api/orders").json();
		JsonNode list = orders.isArray() ? orders : orders.get("content") != null ? orders.get("content") : orders.get("items");
		long id = list.get(0).get("id").asLong();
		return resident.get("/api/orders/" + id).json();
	}

	private static long lineOf(JsonNode order, Listing listing) {
		return FulfilmentFixtures.line(order, listing).get("id").asLong();
	}

	private static Map<String, String> review(JsonNode order, Listing listing, int stars, Integer leaderStars, String text) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("orderId", order.get("id").asText());
		fields.put("lineId", Long.toString(lineOf(order, listing)));
		fields.put("productStars", Integer.toString(stars));
		if (leaderStars != null) {
			fields.put("leaderStars", Integer.toString(leaderStars));
		}
		fields.put("text", text);
		return fields;
	}

	private Api.Response post(Api who, Map<String, String> fields, byte[]... pngs) {
		List<Part> parts = new ArrayList<>();
		for (int i = 0; i < pngs.length; i++) {
			parts.add(new Part("image/png", "photo" + i + ".png", pngs[i]));
		}
		return multipart(who, fields, parts);
	}

	record Part(String contentType, String filename, byte[] content) {
	}

	/** A multipart POST to the resident's review API, as a phone's form would send it. */
	private Api.Response multipart(Api who, Map<String, String> fields, List<Part> parts) {
		String boundary = "----linli" + System.nanoTime();
		var out = new ByteArrayOutputStream();
		fields.forEach((name, value) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
				+ name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
		for (Part p : parts) {
			out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"" + p.filename()
					+ "\"\r\nContent-Type: " + p.contentType() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			out.writeBytes(p.content());
			out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		try {
			var response = HttpClient.newHttpClient().send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + port + "/api/aftersales/reviews"))
				.timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + who.token())
				.header("Accept", "application/json, application/problem+json")
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			return new Api.Response(response.statusCode(), response.body(),
					response.headers().firstValue("Content-Type").orElse(""));
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
