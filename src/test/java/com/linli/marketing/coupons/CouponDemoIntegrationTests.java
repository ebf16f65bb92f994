package com.linli.marketing.coupons;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import com.linli.IntegrationTest;
import com.linli.demo.LoadedCity;
import com.linli.demo.internal.CouponDemo;
import com.linli.identity.Actor;
import com.linli.marketing.CouponTemplateManagement;
import com.linli.marketing.MarketingFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The demo city's coupons, seeded into a small city of its own: the three templates and some claims. */
@IntegrationTest
class CouponDemoIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	CouponDemo demo;

	@Autowired
	CouponTemplateManagement templates;

	@Test
	void theDemoCityHasCouponTemplatesAndResidentsWithCoupons() {
		var world = new CouponWorld(context, port);
		new MarketingFixtures(context).category("水果", 1);
		var residents = world.ordering.residents(6);
		var city = new LoadedCity(List.of(world.ordering.region.id()), world.ordering.pickupPoint.id(), 1,
				residents.size(), 0, 0, world.ordering.pickupDate, Duration.ZERO);

		assertThat(demo.seed(city)).isEqualTo(6 + 2); // every resident 满39减5, every third the fruit coupon

		var mine = templates.list(Actor.system("test"), world.regionId());
		assertThat(mine).extracting(s -> s.template().name()).containsExactlyInAnyOrder("新人专享 无门槛减3", "满39减5",
				"水果满20减3");
		assertThat(mine).filteredOn(s -> s.template().name().equals("满39减5"))
			.singleElement().satisfies(s -> assertThat(s.template().issued()).isEqualTo(6));
		assertThat(mine).filteredOn(s -> s.template().onRegistration()).singleElement()
			.satisfies(s -> templates.pause(Actor.system("test"), s.template().id()));
	}
}
