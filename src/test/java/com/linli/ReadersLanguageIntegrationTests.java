package com.linli;

import java.util.List;
import java.util.Map;

import com.linli.ordering.OrderingFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the platform tells people (a wrong input, a refund's reason, a message in the message centre) is
 * in the reader's language: Chinese by default, English for a caller that asks with Accept-Language.
 */
@IntegrationTest
class ReadersLanguageIntegrationTests {

	private static final Map<String, String> ENGLISH = Map.of("Accept-Language", "en");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	OrderingFixtures world;

	@BeforeEach
	void world() {
		world = new OrderingFixtures(context, port);
	}

	@Test
	void aWrongInputIsExplainedInChineseByDefaultAndInEnglishWhenAsked() {
		var resident = world.resident();
		var order = Map.of("items", List.of(Map.of("listingId", 987_654_321L, "quantity", 1)));

		var chinese = resident.post("/api/orders", order, Map.of("Idempotency-Key", "lang-zh-" + System.nanoTime()));
		var english = resident.post("/api/orders", order,
				Map.of("Idempotency-Key", "lang-en-" + System.nanoTime(), "Accept-Language", "en"));

		assertThat(chinese.status()).isEqualTo(400);
		assertThat(error(chinese.json())).isEqualTo("items[0].listingId=没有这个团购商品");
		assertThat(chinese.json().get("detail").asText()).isEqualTo("没有这个团购商品");
		assertThat(english.status()).isEqualTo(400);
		assertThat(error(english.json())).isEqualTo("items[0].listingId=no such listing");
	}

	@Test
	void aRefundsReasonIsInTheReadersLanguage() {
		var resident = world.resident();
		long order = placePayAndCancel(resident);

		String payment = "/api/payments/order:" + order;
		var zh = resident.get(payment).json().get("refunds").get(0);
		var en = resident.get(payment, ENGLISH).json().get("refunds").get(0);
		assertThat(zh.get("reason").asText()).isEqualTo("居民取消");
		assertThat(en.get("reason").asText()).isEqualTo("cancelled by resident");
		assertThat(en.get("reasonCode").asText()).isEqualTo("ordering.refund.cancelledByResident");
	}

	@Test
	void anInAppMessageIsInTheReadersLanguage() {
		var resident = world.resident();
		placePayAndCancel(resident);

		var message = awaitRefundMessage(resident);
		assertThat(message.get("title").asText()).isEqualTo("退款 ¥50.00 已原路退回");
		var english = resident.get("/api/messages/" + message.get("id").asLong(), ENGLISH).json();
		assertThat(english.get("title").asText()).isEqualTo("¥50.00 refunded to your payment method");
		assertThat(english.get("body").asText()).startsWith("Order ").contains("is cancelled", "¥50.00");
		var listed = resident.get("/api/messages", ENGLISH).json().get("items");
		assertThat(listed.findValuesAsString("title")).contains("¥50.00 refunded to your payment method");
	}

	/** A paid order of two oranges at ¥25.00, cancelled by the resident before cutoff: refunded in full. */
	private long placePayAndCancel(Api resident) {
		var listing = world.listing("赣南脐橙 3斤", "25.00", 20, 5);
		var placed = resident.post("/api/orders", Map.of("items", List.of(Map.of("listingId", listing.id().value(),
				"quantity", 2))), Map.of("Idempotency-Key", "lang-" + System.nanoTime()));
		assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
		assertThat(OrderingFixtures.pay(resident, placed.json().get("payment").asText()).status()).isEqualTo(200);
		OrderingFixtures.awaitStatus(resident, placed.id(), "PAID");
		assertThat(resident.post("/api/orders/" + placed.id() + "/cancel", Map.of()).status()).isEqualTo(200);
		return placed.id();
	}

	private static String error(JsonNode problem) {
		var error = problem.get("errors").get(0);
		return error.get("field").asText() + "=" + error.get("message").asText();
	}

	private static JsonNode awaitRefundMessage(Api resident) {
		Deadline deadline = Deadline.inMillis(15_000);
		while (true) {
			for (JsonNode m : resident.get("/api/messages").json().get("items")) {
				if (m.get("kind").asText().equals("REFUND")) {
					return m;
				}
			}
			assertThat(deadline.passed()).as("no refund message in time").isFalse();
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
	}
}
