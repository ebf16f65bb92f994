package com.linli.marketing.points;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.TestClock;
import com.linli.demo.LoadedCity;
import com.linli.demo.internal.PointsDemo;
import com.linli.identity.AccountId;
import com.linli.marketing.ListingId;
import com.linli.marketing.MarketingFixtures;
import com.linli.marketing.MembershipManagement;
import com.linli.marketing.internal.PointsGrants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.linli.marketing.points.PointsTestSupport.assertLedgerBalances;
import static com.linli.marketing.points.PointsTestSupport.idOf;
import static org.assertj.core.api.Assertions.assertThat;

/** The demo city's points: residents get points, streaks and growth, listings member prices; seeding again adds nothing. */
@IntegrationTest
class PointsDemoIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	PointsDemo demo;

	@Autowired
	PointsGrants grants;

	@Autowired
	MembershipManagement membership;

	@Autowired
	JdbcClient jdbc;

	@Test
	void residentsGetPointsStreaksAndLevelsOnceAndListingsMemberPrices() {
		var fixtures = new MarketingFixtures(context);
		var region = fixtures.region();
		var point = fixtures.pickupPoint(region, "演示积分小区" + MarketingFixtures.next(), 31.2, 121.4);
		List<AccountId> residents = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			Api resident = Api.at(port).newResident();
			resident.put("/api/me/pickup-point", Map.of("pickupPointId", point.id().value()));
			residents.add(idOf(resident));
		}
		var operator = MarketingFixtures.operatorOf(Api.at(port), region);
		var sku = fixtures.sku(fixtures.category("演示", 1), "演示橙子" + MarketingFixtures.next(), "1kg");
		var body = new HashMap<String, Object>();
		body.put("regionId", region.id().value());
		body.put("skuId", sku.id().value());
		body.put("groupPriceFen", 1000);
		body.put("stockCap", 100);
		body.put("perResidentLimit", 5);
		var pickupDate = TestClock.today().plusDays(2);
		body.put("pickupDate", pickupDate.toString());
		long listing = operator.post("/api/listings", body).id();
		var city = new LoadedCity(List.of(region.id()), point.id(), 1, 3, 1, 1, pickupDate, Duration.ZERO);

		assertThat(demo.seed(city)).isEqualTo(3);
		List<Long> balances = residents.stream().map(grants::balance).toList();
		assertThat(balances).allSatisfy(b -> assertThat(b).isGreaterThanOrEqualTo(50));
		// the second resident: a streak of 7 days ending yesterday
		assertThat(jdbc.sql("select max(streak) from marketing.check_in where resident_id = ?")
			.param(residents.get(1).value()).query(Integer.class).single()).isEqualTo(7);
		assertThat(membership.memberPrices(com.linli.identity.Actor.system("test"), new ListingId(listing)))
			.extracting(p -> p.price().fen()).containsExactly(950L, 900L);
		assertThat(membership.levels()).isNotEmpty();

		assertThat(demo.seed(city)).isEqualTo(3);
		assertThat(residents.stream().map(grants::balance).toList()).isEqualTo(balances);
		assertLedgerBalances(jdbc);
	}
}
