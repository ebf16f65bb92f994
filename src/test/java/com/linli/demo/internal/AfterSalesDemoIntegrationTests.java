package com.linli.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.linli.IntegrationTest;
import com.linli.aftersales.AfterSalesManagement;
import com.linli.aftersales.RequestKind;
import com.linli.aftersales.RequestStatus;
import com.linli.demo.LoadedCity;
import com.linli.identity.Actor;
import com.linli.ordering.OrderCutoffManagement;
import com.linli.ordering.OrderDeliveryManagement;
import com.linli.ordering.OrderingFixtures;
import com.linli.ordering.PickupFixtures;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The demo city's after-sales queue: quick refunds, requests waiting, one asked about, one return at the leader. */
@IntegrationTest
class AfterSalesDemoIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	AfterSalesDemo demo;

	@Autowired
	AfterSalesManagement requests;

	@Autowired
	OrderCutoffManagement cutoffOrders;

	@Autowired
	OrderDeliveryManagement deliveryOrders;

	@Test
	void pickedUpOrdersGetAMixOfRequests() {
		var world = new OrderingFixtures(context, port);
		var pickups = new PickupFixtures(world, cutoffOrders, deliveryOrders, port);
		var cheap = world.listing("演示苹果", "12.00", 100, 5);
		var dear = world.listing("演示大米", "49.90", 100, 5);
		var leader = pickups.leader(world.pickupPoint);
		var residents = world.residents(10);
		List<tools.jackson.databind.JsonNode> orders = new java.util.ArrayList<>();
		for (int i = 0; i < residents.size(); i++) {
			orders.add(pickups.paidOrder(residents.get(i), i % 2 == 0 ? cheap : dear, 1));
		}
		pickups.receive(world.pickupPoint);
		for (int i = 0; i < residents.size(); i++) {
			var ready = OrderingFixtures.awaitStatus(residents.get(i), orders.get(i).get("id").asLong(), "READY_FOR_PICKUP");
			assertThat(leader.api().post("/api/leader/pickups", Map.of("pickupCode", ready.get("pickupCode").asText()))
				.status()).isEqualTo(200);
		}

		int filed = demo.seed(new LoadedCity(List.of(world.region.id()), world.pickupPoint.id(), 1, 10, 10, 10,
				world.pickupDate, Duration.ZERO));

		assertThat(filed).isEqualTo(10);
		var all = requests.queue(Actor.system("test"), world.region.id().value(), null, null, null, null, null, 100);
		assertThat(all).hasSize(10);
		assertThat(all).filteredOn(r -> r.status() == RequestStatus.REFUNDED).isNotEmpty()
			.allSatisfy(r -> assertThat(r.quick()).isTrue());
		assertThat(all).filteredOn(r -> r.status() == RequestStatus.SUBMITTED).hasSizeGreaterThanOrEqualTo(2);
		assertThat(all).filteredOn(r -> r.status() == RequestStatus.INFO_REQUESTED).hasSize(1);
		assertThat(all).filteredOn(r -> r.status() == RequestStatus.APPROVED && r.kind() == RequestKind.RETURN_AND_REFUND)
			.singleElement().satisfies(r -> assertThat(r.awaitsReturn()).isTrue());
	}
}
