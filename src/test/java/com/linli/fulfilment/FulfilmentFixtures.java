package com.linli.fulfilment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.linli.Deadline;
import com.linli.Api;
import com.linli.marketing.Listing;
import com.linli.marketing.MarketingFixtures;
import com.linli.network.PickupPoint;
import com.linli.ordering.OrderingFixtures;
import tools.jackson.databind.JsonNode;

/**
 * A region's day up to the cutoff, made through the API as residents and staff would: residents at
 * pickup points order and pay (or not), leaders are appointed; and the calls of the cutoff pages.
 */
public final class FulfilmentFixtures {

	private final OrderingFixtures world;

	private final int port;

	public FulfilmentFixtures(OrderingFixtures world, int port) {
		this.world = world;
		this.port = port;
	}

	/** An order of {@code items} (listing, quantity, ...) by the resident, paid at the simulated bank and awaited PAID. */
	public JsonNode paidOrder(Api resident, Object... items) {
		JsonNode placed = order(resident, items);
		var paid = OrderingFixtures.pay(resident, placed.get("payment").asText());
		if (paid.status() != 200) {
			throw new IllegalStateException("payment failed: " + paid);
		}
		JsonNode order = OrderingFixtures.awaitStatus(resident, placed.get("id").asLong(), "PAID");
		if (!order.get("status").asText().equals("PAID")) {
			throw new IllegalStateException("order not paid in time: " + order);
		}
		return order;
	}

	/** An order left unpaid. */
	public JsonNode order(Api resident, Object... items) {
		List<Map<String, Object>> lines = new ArrayList<>();
		for (int i = 0; i < items.length; i += 2) {
			lines.add(Map.of("listingId", ((Listing) items[i]).id().value(), "quantity", items[i + 1]));
		}
		var placed = resident.post("/api/orders", Map.of("items", lines), Map.of("Idempotency-Key", "ff-" + System.nanoTime()));
		if (placed.status() != 201) {
			throw new IllegalStateException("order not placed: " + placed);
		}
		return placed.json();
	}

	/** Appoints a leader to the pickup point (by the admin) and signs in as them. */
	public Api leaderOf(PickupPoint point) {
		String phone = Api.newPhone();
		var body = new HashMap<String, Object>();
		body.put("phone", phone);
		body.put("name", "团长" + MarketingFixtures.next());
		body.put("password", "leader123");
		body.put("pickupPointId", point.id().value());
		var appointed = Api.at(port).asAdmin().post("/api/leaders", body);
		if (appointed.status() != 201) {
			throw new IllegalStateException("leader not appointed: " + appointed);
		}
		return Api.at(port).as(phone, "leader123");
	}

	public Api operator() {
		return MarketingFixtures.operatorOf(Api.at(port), world.region);
	}

	/**
	 * Starts the cutoff through the API and waits for it to complete. The fixture's listings close hours
	 * from now, so the cutoff is an early one, said so.
	 */
	public JsonNode cutoff(Api staff) {
		var started = staff.post("/api/cutoff-runs", Map.of("regionId", world.region.id().value(), "pickupDate",
				world.pickupDate.toString(), "early", true));
		if (started.status() != 202) {
			throw new IllegalStateException("cutoff not started: " + started);
		}
		return awaitCompleted(staff, started.id());
	}

	public static JsonNode awaitCompleted(Api staff, long runId) {
		Deadline deadline = Deadline.inMillis(30_000);
		while (true) {
			JsonNode run = staff.get("/api/cutoff-runs/" + runId).json();
			if (run.get("status").asText().equals("COMPLETED") || run.has("lastError")
					|| deadline.passed()) {
				return run;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return run;
			}
		}
	}

	/** The line of an order (as the resident's API shows it) for a listing. */
	public static JsonNode line(JsonNode order, Listing listing) {
		for (JsonNode line : order.get("lines")) {
			if (line.get("listingId").asLong() == listing.id().value()) {
				return line;
			}
		}
		throw new IllegalStateException("no line for listing " + listing.id() + " in " + order);
	}
}
