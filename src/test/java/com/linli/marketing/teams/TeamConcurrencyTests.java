package com.linli.marketing.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.marketing.Listing;
import com.linli.marketing.MarketingFixtures;
import com.linli.ordering.OrderingFixtures;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * A team never takes more members than its size: forty residents join a team of five at once through HTTP
 * (each an order submit with the team); exactly four get in, every other order is refused "team-full" and
 * undone (the listing sold exactly the team's units).
 */
@IntegrationTest
class TeamConcurrencyTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void fortyResidentsJoiningATeamOfFiveAtOnceFillItExactly() throws Exception {
		var world = new OrderingFixtures(context, port);
		Api operator = MarketingFixtures.operatorOf(Api.at(port), world.region);
		Listing listing = world.listing("东北大米", "50.00", 1000, 1);
		assertThat(TeamFixtures.terms(operator, listing, 5, 60, 3900, false).status()).isEqualTo(200);
		Api opener = world.resident();
		assertThat(TeamFixtures.open(opener, listing).status()).isEqualTo(201);
		long teamId = TeamFixtures.teamOf(opener, listing);
		List<Api> joiners = world.residents(40);

		ExecutorService pool = Executors.newFixedThreadPool(20);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Api.Response>> answers = new ArrayList<>();
		try {
			for (Api joiner : joiners) {
				answers.add(pool.submit(() -> {
					start.await();
					return TeamFixtures.join(joiner, listing, teamId);
				}));
			}
			start.countDown();
			int joined = 0;
			int full = 0;
			for (var answer : answers) {
				var response = answer.get();
				if (response.status() == 201) {
					joined++;
				}
				else {
					assertThat(response.status()).as(response.toString()).isEqualTo(409);
					assertThat(response.json().get("code").asText()).isEqualTo("team-full");
					full++;
				}
			}
			assertThat(joined).isEqualTo(4);
			assertThat(full).isEqualTo(36);
		}
		finally {
			pool.shutdownNow();
		}
		var team = TeamFixtures.team(opener, teamId);
		assertThat(team.get("members").asInt()).isEqualTo(5);
		assertThat(team.get("memberList")).hasSize(5);
		assertThat(operator.get("/api/listings/" + listing.id().value()).json().get("sold").asInt()).isEqualTo(5);
	}
}
