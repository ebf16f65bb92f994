package com.linli.marketing.teams;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import com.linli.Api;
import com.linli.Deadline;
import com.linli.marketing.Listing;

import tools.jackson.databind.JsonNode;

/**
 * Ordering with a team or in a flash sale through HTTP: the order submit {@code POST /api/orders} with the team
 * fields ({@code openTeam}, {@code teamId}).
 */
public final class TeamFixtures {

	private TeamFixtures() {
	}

	/** Orders {@code quantity} of the listing: opening a team ({@code open}), joining {@code teamId}, or neither. */
	public static Api.Response order(Api resident, Listing listing, int quantity, boolean open, Long teamId) {
		Map<String, Object> body = new java.util.HashMap<>();
		body.put("items", List.of(Map.of("listingId", listing.id().value(), "quantity", quantity)));
		body.put("openTeam", open);
		body.put("teamId", teamId);
		return resident.post("/api/orders", body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
	}

	public static Api.Response open(Api resident, Listing listing) {
		return order(resident, listing, 1, true, null);
	}

	public static Api.Response join(Api resident, Listing listing, long teamId) {
		return order(resident, listing, 1, false, teamId);
	}

	/** The id of the team the resident's open order opened (the newest team of the listing in their region). */
	public static long teamOf(Api resident, Listing listing) {
		for (JsonNode t : resident.get("/api/marketing/teams").json().get("teams")) {
			if (t.get("listingId").asLong() == listing.id().value()) {
				return t.get("id").asLong();
			}
		}
		throw new AssertionError("no open team of listing " + listing.id());
	}

	public static JsonNode team(Api anyone, long teamId) {
		return anyone.get("/api/marketing/teams/" + teamId).json();
	}

	/** Waits (payments and refunds are asynchronous) until the JSON at {@code path} passes, and answers it. */
	public static JsonNode await(Api api, String path, Predicate<JsonNode> until) {
		Deadline deadline = Deadline.inMillis(20_000);
		while (true) {
			JsonNode node = api.get(path).json();
			if (until.test(node) || deadline.passed()) {
				return node;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return node;
			}
		}
	}

	/** The operator's team-terms call. */
	public static Api.Response terms(Api operator, Listing listing, int size, int minutes, long priceFen, boolean allowFewer) {
		return operator.put("/api/admin/marketing/team-listings/" + listing.id().value(),
				Map.of("teamSize", size, "timeLimitMinutes", minutes, "teamPriceFen", priceFen, "allowFewer", allowFewer));
	}
}
