package com.linli.demo.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Clock;
import java.util.List;

import com.linli.IntegrationTest;
import com.linli.demo.LoadedCity;
import com.linli.leader.LeaderId;
import com.linli.leader.LeaderLevel;
import com.linli.leader.LeaderManagement;
import com.linli.leader.LeaderStatus;
import com.linli.leader.LevelManagement;
import com.linli.leader.PenaltyKind;
import com.linli.leader.PenaltyManagement;
import com.linli.marketing.MarketingFixtures;
import com.linli.network.ResidentBindingManagement;
import com.linli.ordering.OrderCutoffManagement;
import com.linli.ordering.OrderDeliveryManagement;
import com.linli.ordering.OrderingFixtures;
import com.linli.ordering.PickupFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's levels: the demo leader SILVER with a warning, a GOLD and a BRONZE leader, one suspended with its residents moved. */
@IntegrationTest
class LevelsDemoTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	LevelsDemo demo;

	@Autowired
	LevelManagement levels;

	@Autowired
	PenaltyManagement penalties;

	@Autowired
	LeaderManagement leaders;

	@Autowired
	ResidentBindingManagement bindings;

	@Autowired
	Clock clock;

	@Test
	void leadersOfDifferentLevelsOneWarnedAndOneSuspendedWithItsResidentsMoved() {
		var world = new OrderingFixtures(context, port);
		var pickups = new PickupFixtures(world, context.getBean(OrderCutoffManagement.class),
				context.getBean(OrderDeliveryManagement.class), port);
		var marketing = new MarketingFixtures(context);
		var demoLeader = pickups.leader(world.pickupPoint);
		var others = new java.util.ArrayList<PickupFixtures.LeaderLogin>();
		var points = new java.util.ArrayList<com.linli.network.PickupPoint>();
		for (int i = 0; i < 3; i++) {
			var point = marketing.pickupPoint(world.region, "演示苑" + MarketingFixtures.next(), 30.29 + i * 0.01, 120.14);
			points.add(point);
			others.add(pickups.leader(point));
		}
		for (var point : points) {
			world.resident(point);
		}

		int done = demo.seed(new LoadedCity(List.of(world.region.id()), world.pickupPoint.id(), 4, 0, 0, 0,
				LocalDate.now(clock), Duration.ZERO));

		assertThat(done).isEqualTo(4);
		var demoId = new LeaderId(demoLeader.leaderId());
		assertThat(levels.standing(demoId).level()).isEqualTo(LeaderLevel.SILVER);
		assertThat(penalties.inForce(demoId, PenaltyKind.WARNING)).isTrue();
		var levelsOfOthers = others.stream().map(l -> levels.standing(new LeaderId(l.leaderId())).level()).toList();
		assertThat(levelsOfOthers).contains(LeaderLevel.GOLD, LeaderLevel.BRONZE);
		var suspended = others.stream().map(l -> leaders.get(new LeaderId(l.leaderId())))
			.filter(l -> l.status() == LeaderStatus.SUSPENDED).toList();
		assertThat(suspended).hasSize(1);
		assertThat(bindings.residentsAt(suspended.get(0).pickupPointId())).isZero();
	}
}
