package com.linli.demo.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.demo.LoadedCity;
import com.linli.fulfilment.FulfilmentFixtures;
import com.linli.ordering.OrderingFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's complaints: in a region with orders, one of each stage of the desk's queue. */
@IntegrationTest
class ComplaintsDemoTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	ComplaintsDemo demo;

	@Test
	void aQueueOfComplaintsInEveryStage() {
		var world = new OrderingFixtures(context, port);
		var day = new FulfilmentFixtures(world, port);
		var operator = day.operator();
		var listing = world.listing("演示投诉菜", "5.00", 100, 5);
		for (int i = 0; i < 5; i++) {
			day.paidOrder(world.resident(), listing, 1);
		}
		int filed = demo.seed(new LoadedCity(List.of(world.region.id()), world.pickupPoint.id(), 1, 5, 1, 1,
				world.pickupDate, Duration.ZERO));
		assertThat(filed).isEqualTo(5);
		List<String> statuses = new ArrayList<>();
		operator.get("/api/admin/aftersales/complaints?regionId=" + world.region.id().value()).json()
			.forEach(c -> statuses.add(c.get("status").asText()));
		assertThat(statuses).containsExactlyInAnyOrder("ESCALATED", "RESPONDED", "RESOLVED", "CLOSED", "OPEN");
		assertThat(Api.at(port).asAdmin().get("/api/admin/aftersales/complaint-report?regionId=" + world.region.id().value())
			.json().get("averageSatisfaction").asDouble()).isEqualTo(4.0);
	}
}
