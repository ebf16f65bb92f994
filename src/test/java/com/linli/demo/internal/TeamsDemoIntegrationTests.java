package com.linli.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.linli.IntegrationTest;
import com.linli.demo.LoadedCity;
import com.linli.marketing.FlashSaleManagement;
import com.linli.marketing.TeamManagement;
import com.linli.ordering.OrderingFixtures;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The demo city's flash sale later today and its open teams with members, seeded through the public APIs. */
@IntegrationTest
class TeamsDemoIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	TeamsDemo demo;

	@Autowired
	TeamManagement teams;

	@Autowired
	FlashSaleManagement flashSales;

	@Autowired
	Clock clock;

	@Test
	void aRegionGetsAFlashSaleLaterTodayAndOpenTeamsWithMembers() {
		var world = new OrderingFixtures(context, port);
		for (String name : List.of("鸡蛋", "苹果", "大米", "牛奶")) {
			world.listing(name, "20.00", 100, 5);
		}
		world.residents(4);
		demo.seed(new LoadedCity(List.of(world.region.id()), world.pickupPoint.id(), 1, 4, 4, 4, world.pickupDate,
				Duration.ZERO));

		var sales = flashSales.notEnded(world.region.id(), 10);
		assertThat(sales).hasSize(1);
		assertThat(sales.get(0).startsAt()).isAfter(clock.instant());
		assertThat(sales.get(0).flashPrice().fen()).isEqualTo(1000);
		var open = teams.joinable(world.region.id(), 10);
		assertThat(open).hasSize(2);
		assertThat(open).extracting(t -> t.members()).containsExactlyInAnyOrder(2, 1);
		assertThat(open).allSatisfy(t -> assertThat(t.teamPrice().fen()).isEqualTo(1600));
	}
}
