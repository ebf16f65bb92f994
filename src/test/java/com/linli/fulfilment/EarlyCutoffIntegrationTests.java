package com.linli.fulfilment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.linli.Deadline;
import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.marketing.Listing;
import com.linli.ordering.OrderingFixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, point 10: an operator's cutoff before the listings' cutoff time (residents were shown a later
 * one and may still be paying) is refused with what it would do, until the operator confirms it is meant
 * to be early; then the unpaid orders are cancelled as closed early and their residents are told so.
 */
@IntegrationTest
class EarlyCutoffIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void aCutoffBeforeTheListingsCutoffAsksForConfirmationWithTheCountsAndThenTellsTheResidents() {
		var world = new OrderingFixtures(context, port);
		var day = new FulfilmentFixtures(world, port);
		Listing apples = world.listing("红富士苹果", "19.90", 100, 5); // closes three hours from now
		Api ann = world.resident();
		Api bob = world.resident();
		Api cai = world.resident();
		JsonNode annOrder = day.paidOrder(ann, apples, 2);
		JsonNode bobOrder = day.order(bob, apples, 1);
		JsonNode caiFirst = day.order(cai, apples, 1);
		JsonNode caiSecond = day.order(cai, apples, 1);
		Api operator = day.operator();
		Map<String, Object> body = Map.of("regionId", world.region.id().value(), "pickupDate", world.pickupDate.toString());

		var refused = operator.post("/api/cutoff-runs", body);
		assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
		JsonNode problem = refused.json();
		assertThat(problem.get("code").asText()).isEqualTo("cutoff-early");
		assertThat(problem.get("unpaidOrders").asInt()).isEqualTo(3);
		assertThat(problem.get("unpaidResidents").asInt()).isEqualTo(2);
		assertThat(problem.get("paidOrders").asInt()).isEqualTo(1);
		assertThat(Instant.parse(problem.get("listingsCutoffAt").asText())).isEqualTo(apples.cutoffAt());
		assertThat(refused.errorFields()).containsExactly("early");
		// nothing happened: no run, the unpaid orders may still be paid
		assertThat(operator.get("/api/cutoff-runs?regionId=" + world.region.id().value()).json().get("total").asLong())
			.isZero();
		assertThat(status(bob, bobOrder)).isEqualTo("PENDING_PAYMENT");
		assertThat(status(ann, annOrder)).isEqualTo("PAID");
		// saying "not early" is the same as saying nothing
		var notEarly = new java.util.HashMap<String, Object>(body);
		notEarly.put("early", false);
		assertThat(operator.post("/api/cutoff-runs", notEarly).status()).isEqualTo(409);

		var confirmed = new java.util.HashMap<String, Object>(body);
		confirmed.put("early", true);
		var started = operator.post("/api/cutoff-runs", confirmed);
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		var run = FulfilmentFixtures.awaitCompleted(operator, started.id());
		assertThat(run.get("status").asText()).isEqualTo("COMPLETED");
		assertThat(run.get("orders").asInt()).isEqualTo(1);

		var cancelled = bob.get("/api/orders/" + bobOrder.get("id").asLong()).json();
		assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
		assertThat(cancelled.get("cancelReason").asText()).isEqualTo("CUTOFF_EARLY");
		assertThat(status(cai, caiFirst)).isEqualTo("CANCELLED");
		assertThat(status(cai, caiSecond)).isEqualTo("CANCELLED");
		assertThat(status(ann, annOrder)).isEqualTo("CONFIRMED");

		// the residents are told the orders closed early, not that they paid too late
		assertThat(awaitMessages(bob, 1)).singleElement().satisfies(m -> {
			assertThat(m.get("title").asText()).contains("提前截单");
			assertThat(m.get("body").asText()).contains(bobOrder.get("orderNo").asText());
		});
		assertThat(awaitMessages(cai, 2)).hasSize(2);
		assertThat(messages(ann)).isEmpty();
	}

	private static String status(Api resident, JsonNode order) {
		return resident.get("/api/orders/" + order.get("id").asLong()).json().get("status").asText();
	}

	private static List<JsonNode> messages(Api who) {
		List<JsonNode> found = new ArrayList<>();
		who.get("/api/messages?size=50").json().get("items").forEach(m -> {
			if (m.get("kind").asText().equals("ORDER_CANCELLED")) {
				found.add(m);
			}
		});
		return found;
	}

	private static List<JsonNode> awaitMessages(Api who, int count) {
		Deadline deadline = Deadline.inMillis(15_000);
		while (true) {
			var found = messages(who);
			if (found.size() >= count || deadline.passed()) {
				return found;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return found;
			}
		}
	}
}
