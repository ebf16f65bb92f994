package com.linli.marketing.coupons;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.linli.Api;
import com.linli.marketing.MarketingFixtures;
import com.linli.ordering.OrderingFixtures;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ApplicationContext;

/**
 * A fresh region with a pickup point, its operator, and helpers to make coupon templates and residents through
 * HTTP (each test class its own, so tests never see each other's coupons).
 */
final class CouponWorld {

	final OrderingFixtures ordering;

	final Api operator;

	final int port;

	CouponWorld(ApplicationContext context, int port) {
		this.port = port;
		this.ordering = new OrderingFixtures(context, port);
		this.operator = MarketingFixtures.operatorOf(Api.at(port), ordering.region);
	}

	long regionId() {
		return ordering.region.id().value();
	}

	/** A template body: fixed {@code amountFen} off from {@code thresholdFen}, valid 7 days, for the world's region. */
	Map<String, Object> fixed(String name, long amountFen, long thresholdFen, int limit, int total) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", name + MarketingFixtures.next());
		body.put("kind", "FIXED");
		body.put("amountFen", amountFen);
		body.put("thresholdFen", thresholdFen);
		body.put("scope", "ALL");
		body.put("regionIds", List.of(regionId()));
		body.put("validDays", 7);
		body.put("perResidentLimit", limit);
		body.put("totalQuantity", total);
		return body;
	}

	JsonNode create(Map<String, Object> body) {
		var created = operator.post("/api/admin/marketing/coupon-templates", body);
		if (created.status() != 201) {
			throw new IllegalStateException("template not created: " + created);
		}
		return created.json();
	}

	long template(String name, long amountFen, long thresholdFen, int limit, int total) {
		return create(fixed(name, amountFen, thresholdFen, limit, total)).get("id").asLong();
	}

	/** A resident registered with a phone we know, bound to the world's pickup point. */
	Resident resident() {
		String phone = Api.newPhone();
		var anonymous = Api.at(port);
		var registered = anonymous.post("/api/auth/register", Map.of("phone", phone, "displayName", "居民" + phone.substring(7),
				"password", "secret123"));
		if (registered.status() != 201) {
			throw new IllegalStateException("registration failed: " + registered);
		}
		Api api = anonymous.as(phone, "secret123");
		var bound = api.put("/api/me/pickup-point", Map.of("pickupPointId", ordering.pickupPoint.id().value()));
		if (bound.status() != 200 && bound.status() != 204) {
			throw new IllegalStateException("binding failed: " + bound);
		}
		return new Resident(phone, api, api.get("/api/me").json().get("id").asLong());
	}

	record Resident(String phone, Api api, long id) {

		Api.Response claim(long templateId) {
			return api.post("/api/marketing/coupons/claims", Map.of("templateId", templateId));
		}

		JsonNode mine() {
			return api.get("/api/marketing/coupons/mine").json();
		}

		JsonNode coupon(long id) {
			for (JsonNode c : mine()) {
				if (c.get("id").asLong() == id) {
					return c;
				}
			}
			return null;
		}
	}

	static Instant instant(JsonNode node) {
		return Instant.parse(node.asText());
	}
}
