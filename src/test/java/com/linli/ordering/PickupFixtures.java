package com.linli.ordering;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.linli.Api;
import com.linli.marketing.Listing;
import com.linli.network.PickupPoint;
import tools.jackson.databind.JsonNode;

/**
 * Orders that reached the pickup point, through the same steps as in life: residents order and pay
 * through the API, the cutoff confirms them, the leader's receipt makes them READY_FOR_PICKUP.
 * Leaders are appointed by the admin through the API.
 */
public final class PickupFixtures {

	private final OrderingFixtures world;

	private final OrderCutoffManagement cutoffOrders;

	private final OrderDeliveryManagement deliveryOrders;

	private final int port;

	public PickupFixtures(OrderingFixtures world, OrderCutoffManagement cutoffOrders,
			OrderDeliveryManagement deliveryOrders, int port) {
		this.world = world;
		this.cutoffOrders = cutoffOrders;
		this.deliveryOrders = deliveryOrders;
		this.port = port;
	}

	/** A leader appointed to the pickup point: their phone and password, their API client and leader id. */
	public record LeaderLogin(String phone, String password, long leaderId, long accountId, Api api) {
	}

	public LeaderLogin leader(PickupPoint point) {
		String phone = Api.newPhone();
		var appointed = Api.at(port).asAdmin().post("/api/leaders", Map.of("phone", phone, "name", "团长" + phone.substring(7),
				"password", "leader123", "pickupPointId", point.id().value()));
		if (appointed.status() != 201) {
			throw new IllegalStateException("appointment failed: " + appointed);
		}
		return new LeaderLogin(phone, "leader123", appointed.id(), appointed.json().get("accountId").asLong(),
				Api.at(port).as(phone, "leader123"));
	}

	/** An order of the resident, paid: listings with quantities, in pairs (listing, quantity, ...). */
	public JsonNode paidOrder(Api resident, Object... listingsAndQuantities) {
		List<Map<String, Object>> items = new ArrayList<>();
		for (int i = 0; i < listingsAndQuantities.length; i += 2) {
			var listing = (Listing) listingsAndQuantities[i];
			items.add(Map.of("listingId", listing.id().value(), "quantity", listingsAndQuantities[i + 1]));
		}
		var placed = resident.post("/api/orders", Map.of("items", items), Map.of("Idempotency-Key", "k-" + System.nanoTime()));
		if (placed.status() != 201) {
			throw new IllegalStateException("order failed: " + placed);
		}
		long id = placed.id();
		var paid = OrderingFixtures.pay(resident, placed.json().get("payment").asText());
		if (paid.status() != 200) {
			throw new IllegalStateException("payment failed: " + paid);
		}
		var order = OrderingFixtures.awaitStatus(resident, id, "PAID");
		if (!order.get("status").asText().equals("PAID")) {
			throw new IllegalStateException("order not paid in time: " + order);
		}
		return order;
	}

	/** Cutoff for the fixture's region and pickup date, then the leader's receipt at the point, nothing short. */
	public void receive(PickupPoint point) {
		cutoffOrders.confirmForCutoff(world.region.id(), world.pickupDate);
		deliveryOrders.receive(point.id(), world.pickupDate, Map.of(), null);
	}

	/** A paid order that arrived at the pickup point: READY_FOR_PICKUP. */
	public JsonNode readyOrder(Api resident, PickupPoint point, Object... listingsAndQuantities) {
		var order = paidOrder(resident, listingsAndQuantities);
		receive(point);
		var ready = OrderingFixtures.awaitStatus(resident, order.get("id").asLong(), "READY_FOR_PICKUP");
		if (!ready.get("status").asText().equals("READY_FOR_PICKUP")) {
			throw new IllegalStateException("order not ready: " + ready);
		}
		return ready;
	}
}
