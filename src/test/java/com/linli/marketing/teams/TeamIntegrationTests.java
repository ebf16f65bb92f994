package com.linli.marketing.teams;

import static com.linli.marketing.teams.TeamFixtures.await;
import static com.linli.marketing.teams.TeamFixtures.join;
import static com.linli.marketing.teams.TeamFixtures.open;
import static com.linli.marketing.teams.TeamFixtures.team;
import static com.linli.marketing.teams.TeamFixtures.teamOf;
import static com.linli.marketing.teams.TeamFixtures.terms;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;

import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.marketing.Listing;
import com.linli.marketing.MarketingFixtures;
import com.linli.marketing.TeamManagement;
import com.linli.ordering.OrderingFixtures;
import com.linli.shared.PlatformClock;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import tools.jackson.databind.JsonNode;

/**
 * Group-buy teams through HTTP: an operator gives a listing team terms; residents open a team and join it
 * through its share link at the team price; the team fills when its size paid; at its deadline an unfilled
 * team expires and every member's order is cancelled and refunded in full by ordering, or succeeds with
 * fewer when the operator allowed it. Bad input (a full, expired or unknown team, one's own team twice, a
 * listing without terms) is a problem detail naming teamId, and the order is undone.
 */
@IntegrationTest
class TeamIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	TeamManagement teams;

	@Autowired
	Clock clock;

	OrderingFixtures world;

	Api operator;

	Listing listing;

	@BeforeEach
	void aTeamListing() {
		world = new OrderingFixtures(context, port);
		operator = MarketingFixtures.operatorOf(Api.at(port), world.region);
		listing = world.listing("阳山水蜜桃", "20.00", 100, 5);
	}

	@Test
	void aTeamOpensTakesMembersThroughItsLinkAndFillsWhenItsSizePaid() {
		var set = terms(operator, listing, 3, 60, 1200, false);
		assertThat(set.status()).as(set.toString()).isEqualTo(200);
		Api ann = world.resident();
		Api bob = world.resident();
		Api cai = world.resident();
		Api dan = world.resident();

		var annOrder = open(ann, listing);
		assertThat(annOrder.status()).as(annOrder.toString()).isEqualTo(201);
		assertThat(annOrder.json().get("totalFen").asLong()).as("the team price").isEqualTo(1200);
		long teamId = teamOf(ann, listing);
		var bobOrder = join(bob, listing, teamId);
		var caiOrder = join(cai, listing, teamId);
		assertThat(bobOrder.status()).isEqualTo(201);
		assertThat(caiOrder.status()).isEqualTo(201);
		JsonNode full = team(dan, teamId);
		assertThat(full.get("members").asInt()).isEqualTo(3);
		assertThat(full.get("placesLeft").asInt()).isZero();
		assertThat(full.get("memberList")).hasSize(3);
		assertThat(full.get("shareUrl").asText()).isEqualTo("/shop/teams/" + teamId);

		// a fourth is refused, and their order is undone
		int sold = operator.get("/api/listings/" + listing.id().value()).json().get("sold").asInt();
		var danOrder = join(dan, listing, teamId);
		assertThat(danOrder.status()).isEqualTo(409);
		assertThat(danOrder.json().get("code").asText()).isEqualTo("team-full");
		assertThat(danOrder.errorFields()).contains("teamId");
		assertThat(operator.get("/api/listings/" + listing.id().value()).json().get("sold").asInt()).isEqualTo(sold);

		for (var paid : java.util.List.of(java.util.Map.entry(ann, annOrder), java.util.Map.entry(bob, bobOrder))) {
			pay(paid.getKey(), paid.getValue().json().get("id").asLong());
		}
		assertThat(team(ann, teamId).get("status").asText()).isEqualTo("OPEN");
		assertThat(team(ann, teamId).get("paidMembers").asInt()).isEqualTo(2);
		pay(cai, caiOrder.json().get("id").asLong());
		var filled = await(ann, "/api/marketing/teams/" + teamId, t -> t.get("status").asText().equals("FILLED"));
		assertThat(filled.get("status").asText()).isEqualTo("FILLED");
		assertThat(operator.get("/api/admin/marketing/team-listings/" + listing.id().value() + "/teams").json().get(0)
			.get("status").asText()).isEqualTo("FILLED");
		// the orders go on as usual
		assertThat(ann.get("/api/orders/" + annOrder.json().get("id").asLong()).json().get("status").asText())
			.isEqualTo("PAID");
	}

	@Test
	void anUnfilledTeamExpiresAtItsDeadlineAndEveryMemberIsRefunded() {
		terms(operator, listing, 3, 1, 1500, false);
		Api ann = world.resident();
		Api bob = world.resident();
		long annOrder = open(ann, listing).json().get("id").asLong();
		long teamId = teamOf(ann, listing);
		long bobOrder = join(bob, listing, teamId).json().get("id").asLong();
		pay(ann, annOrder);
		teams.closeDue();
		assertThat(team(ann, teamId).get("status").asText()).as("nothing is due before the deadline").isEqualTo("OPEN");

		afterTheDeadline(() -> assertThat(teams.closeDue()).isGreaterThanOrEqualTo(1));
		assertThat(team(ann, teamId).get("status").asText()).isEqualTo("EXPIRED");

		var annRefunded = await(ann, "/api/orders/" + annOrder,
				o -> o.get("status").asText().equals("CANCELLED") && o.get("refundedFen").asLong() == o.get("paidFen").asLong());
		assertThat(annRefunded.get("status").asText()).isEqualTo("CANCELLED");
		assertThat(annRefunded.get("paidFen").asLong()).isPositive();
		assertThat(annRefunded.get("refundedFen").asLong()).isEqualTo(annRefunded.get("paidFen").asLong());
		var bobCancelled = await(bob, "/api/orders/" + bobOrder, o -> o.get("status").asText().equals("CANCELLED"));
		assertThat(bobCancelled.get("status").asText()).isEqualTo("CANCELLED");
		// the units came back to the listing
		assertThat(operator.get("/api/listings/" + listing.id().value()).json().get("sold").asInt()).isZero();

		// an expired team takes nobody
		Api cai = world.resident();
		var late = join(cai, listing, teamId);
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.json().get("code").asText()).isEqualTo("team-closed");
		assertThat(late.errorFields()).contains("teamId");
	}

	@Test
	void aTeamWhoseDeadlineIsTheCutoffIsRefundedLineByLineAfterIt() {
		terms(operator, listing, 3, 600, 1500, false);
		Api ann = world.resident();
		long annOrder = open(ann, listing).json().get("id").asLong();
		long teamId = teamOf(ann, listing);
		assertThat(team(ann, teamId).get("deadlineAt").asText()).as("never after the cutoff")
			.isEqualTo(listing.cutoffAt().toString());
		pay(ann, annOrder);

		var platform = (PlatformClock) clock;
		platform.travelTo(listing.cutoffAt().plusSeconds(30));
		try {
			teams.closeDue();
			assertThat(team(ann, teamId).get("status").asText()).isEqualTo("EXPIRED");
			// ordering reacts after marketing's commit, still past the cutoff
			var refunded = await(ann, "/api/orders/" + annOrder,
					o -> o.get("refundedFen").asLong() == o.get("paidFen").asLong());
			assertThat(refunded.get("paidFen").asLong()).isPositive();
			assertThat(refunded.get("refundedFen").asLong()).isEqualTo(refunded.get("paidFen").asLong());
			assertThat(refunded.get("status").asText()).as("refunded line by line, not cancelled").isNotEqualTo("CANCELLED");
		}
		finally {
			platform.reset();
		}
	}

	@Test
	void anUnfilledTeamSucceedsWithFewerWhenTheOperatorAllowedIt() {
		terms(operator, listing, 4, 1, 1500, true);
		Api ann = world.resident();
		Api bob = world.resident();
		long annOrder = open(ann, listing).json().get("id").asLong();
		long teamId = teamOf(ann, listing);
		long bobOrder = join(bob, listing, teamId).json().get("id").asLong();
		pay(ann, annOrder);
		await(ann, "/api/marketing/teams/" + teamId, t -> t.get("paidMembers").asInt() == 1);

		afterTheDeadline(teams::closeDue);
		assertThat(team(ann, teamId).get("status").asText()).isEqualTo("FILLED");
		assertThat(ann.get("/api/orders/" + annOrder).json().get("status").asText()).isEqualTo("PAID");
		assertThat(bob.get("/api/orders/" + bobOrder).json().get("status").asText()).isEqualTo("PENDING_PAYMENT");
	}

	@Test
	void badTeamInputIsRefusedNamingTheTeamAndChangesNothing() {
		terms(operator, listing, 3, 60, 1200, false);
		Api ann = world.resident();
		long annOrder = open(ann, listing).json().get("id").asLong();
		long teamId = teamOf(ann, listing);
		int sold = operator.get("/api/listings/" + listing.id().value()).json().get("sold").asInt();

		var twice = join(ann, listing, teamId);
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.json().get("code").asText()).isEqualTo("team-joined-twice");
		assertThat(twice.errorFields()).containsExactly("teamId");

		var unknown = join(world.resident(), listing, Long.MAX_VALUE);
		assertThat(unknown.status()).isEqualTo(409);
		assertThat(unknown.json().get("code").asText()).isEqualTo("team-unknown");
		assertThat(unknown.errorFields()).containsExactly("teamId");

		Listing plain = world.listing("普通青菜", "3.00", 100, 5);
		var noTerms = open(world.resident(), plain);
		assertThat(noTerms.status()).isEqualTo(409);
		assertThat(noTerms.json().get("code").asText()).isEqualTo("not-a-team-listing");

		assertThat(operator.get("/api/listings/" + listing.id().value()).json().get("sold").asInt()).isEqualTo(sold);
		assertThat(team(ann, teamId).get("members").asInt()).isEqualTo(1);
		assertThat(ann.get("/api/orders/" + annOrder).json().get("status").asText()).isEqualTo("PENDING_PAYMENT");

		// the operator's terms are checked too
		var tooBig = terms(operator, listing, 51, 60, 1200, false);
		assertThat(tooBig.status()).isEqualTo(400);
		assertThat(tooBig.errorFields()).contains("teamSize");
		var tooDear = terms(operator, listing, 3, 60, 2000, false);
		assertThat(tooDear.status()).isEqualTo(400);
		assertThat(tooDear.errorFields()).contains("teamPriceFen");
		var otherRegion = MarketingFixtures.operatorOf(Api.at(port), new MarketingFixtures(context).region());
		assertThat(terms(otherRegion, listing, 3, 60, 1200, false).status()).isEqualTo(403);
	}

	@Test
	void aMemberWhoCancelsFreesTheirPlace() {
		terms(operator, listing, 2, 60, 1200, false);
		Api ann = world.resident();
		Api bob = world.resident();
		Api cai = world.resident();
		open(ann, listing);
		long teamId = teamOf(ann, listing);
		long bobOrder = join(bob, listing, teamId).json().get("id").asLong();
		assertThat(join(cai, listing, teamId).json().get("code").asText()).isEqualTo("team-full");

		assertThat(bob.post("/api/orders/" + bobOrder + "/cancel", java.util.Map.of()).status()).isLessThan(300);
		assertThat(team(ann, teamId).get("members").asInt()).isEqualTo(1);
		var caiJoined = join(cai, listing, teamId);
		assertThat(caiJoined.status()).as(caiJoined.toString()).isEqualTo(201);
		assertThat(team(ann, teamId).get("members").asInt()).isEqualTo(2);
	}

	private void pay(Api resident, long orderId) {
		var paid = OrderingFixtures.pay(resident, "/api/orders/" + orderId + "/payment");
		assertThat(paid.status()).as(paid.toString()).isLessThan(300);
		OrderingFixtures.awaitStatus(resident, orderId, "PAID");
	}

	/** Runs {@code action} with the platform clock two minutes ahead (past a one-minute team's deadline). */
	private void afterTheDeadline(Runnable action) {
		var platform = (PlatformClock) clock;
		var back = platform.instant();
		platform.travelTo(back.plus(Duration.ofMinutes(2)));
		try {
			action.run();
		}
		finally {
			platform.reset();
		}
	}
}
