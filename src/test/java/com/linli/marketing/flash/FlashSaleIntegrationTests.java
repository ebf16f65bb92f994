package com.linli.marketing.flash;

import com.linli.marketing.teams.TeamFixtures;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.identity.AccountId;
import com.linli.marketing.Listing;
import com.linli.marketing.MarketingFixtures;
import com.linli.ordering.OrderManagement;
import com.linli.ordering.OrderingFixtures;
import com.linli.shared.PlatformClock;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Flash sales through HTTP: before the start a purchase is refused "flash-not-started" naming the listing and
 * nothing is reserved (unless the resident's level has early access); from the start the flash price applies;
 * with a cap of one the loser hears "sold out" at once, and a winner who does not pay in time gives the unit
 * back to the next buyer.
 */
@IntegrationTest
class FlashSaleIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	OrderManagement orders;

	@Autowired
	Clock clock;

	OrderingFixtures world;

	Api operator;

	@BeforeEach
	void aRegion() {
		world = new OrderingFixtures(context, port);
		operator = MarketingFixtures.operatorOf(Api.at(port), world.region);
	}

	Api.Response flash(Listing listing, long priceFen, Instant startsAt, int earlyMinutes, Integer earlyRank) {
		var body = new java.util.HashMap<String, Object>();
		body.put("flashPriceFen", priceFen);
		body.put("startsAt", startsAt.toString());
		body.put("earlyAccessMinutes", earlyMinutes);
		body.put("earlyAccessRank", earlyRank);
		return operator.put("/api/admin/marketing/flash-sales/" + listing.id().value(), body);
	}

	/**
	 * Gives the resident the growth of rank 19, the level {@code MembershipIntegrationTests} makes the same way
	 * (levels are platform-wide and the context is shared: no other test reaches that growth).
	 */
	void makeTopMember(AccountId resident) {
		var admin = Api.at(port).asAdmin();
		long top = 900_000_000L + 100;
		if (!admin.get("/api/admin/marketing/membership-levels").json().findValues("rank").stream()
			.anyMatch(r -> r.asInt() == 19)) {
			var body = new java.util.HashMap<String, Object>();
			body.put("rank", 19);
			body.put("name", "测试钻石");
			body.put("growthThreshold", top);
			body.put("privileges", "测试权益");
			body.put("flashEarlyMinutes", 10);
			var created = admin.post("/api/admin/marketing/membership-levels", body);
			assertThat(created.status()).as(created.toString()).isEqualTo(201);
		}
		context.getBean(com.linli.marketing.MembershipManagement.class).addGrowth(
				com.linli.identity.Actor.system("test"), resident, top, com.linli.shared.Text.of("marketing.test.growth"),
				"flash-test:" + resident.value(), clock.instant());
	}

	int sold(Listing listing) {
		return operator.get("/api/listings/" + listing.id().value()).json().get("sold").asInt();
	}

	@Test
	void beforeItsStartAFlashSaleRefusesAndReservesNothingThenSellsAtTheFlashPrice() {
		Listing listing = world.listing("秒杀鸡蛋", "19.90", 10, 1);
		Instant startsAt = clock.instant().plus(Duration.ofMinutes(30));
		var saved = flash(listing, 990, startsAt, 60, 2);
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
		Api ann = world.resident();
		Api vip = world.resident();
		makeTopMember(new AccountId(vip.get("/api/me").json().get("id").asLong()));

		var early = TeamFixtures.order(ann, listing, 1, false, null);
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.json().get("code").asText()).isEqualTo("flash-not-started");
		assertThat(early.errorFields()).containsExactly("listingId");
		assertThat(sold(listing)).isZero();

		var vipOrder = TeamFixtures.order(vip, listing, 1, false, null);
		assertThat(vipOrder.status()).as("a level of rank 3 may buy an hour early").isEqualTo(201);
		assertThat(vipOrder.json().get("totalFen").asLong()).isEqualTo(990);

		var sales = ann.get("/api/marketing/flash-sales").json();
		assertThat(sales.get("serverNow").asText()).isNotBlank();
		assertThat(sales.get("sales").get(0).get("phase").asText()).isEqualTo("UPCOMING");

		var platform = (PlatformClock) clock;
		platform.travelTo(startsAt.plusSeconds(1));
		try {
			var started = TeamFixtures.order(ann, listing, 1, false, null);
			assertThat(started.status()).as(started.toString()).isEqualTo(201);
			assertThat(started.json().get("totalFen").asLong()).isEqualTo(990);
			var again = TeamFixtures.order(ann, listing, 1, false, null);
			assertThat(again.status()).as("the strict limit of one").isEqualTo(409);
			assertThat(again.json().get("code").asText()).isEqualTo("limit-exceeded");
		}
		finally {
			platform.reset();
		}
		assertThat(sold(listing)).isEqualTo(2);
	}

	@Test
	void aLoserHearsSoldOutAndAWinnerWhoDoesNotPayGivesTheUnitBack() {
		Listing listing = world.listing("秒杀车厘子", "99.00", 1, 1);
		assertThat(flash(listing, 990, clock.instant().minusSeconds(60), 0, null).status()).isEqualTo(200);
		Api winner = world.resident();
		Api loser = world.resident();
		var won = placeDirectly(winner, listing);
		assertThat(won.status()).isEqualTo(201);
		var lost = placeDirectly(loser, listing);
		assertThat(lost.status()).isEqualTo(409);
		assertThat(lost.json().get("code").asText()).isEqualTo("sold-out");

		var platform = (PlatformClock) clock;
		platform.travelTo(clock.instant().plus(Duration.ofMinutes(16)));
		try {
			orders.expireUnpaid();
		}
		finally {
			platform.reset();
		}
		assertThat(winner.get("/api/orders/" + won.id()).json().get("status").asText()).isEqualTo("CANCELLED");
		assertThat(sold(listing)).isZero();
		assertThat(placeDirectly(loser, listing).status()).as("the unit went back to the next buyer").isEqualTo(201);
	}

	/** The plain order submit (ordering's sold-out gate and reservation, no promotion wiring needed). */
	private static Api.Response placeDirectly(Api resident, Listing listing) {
		return resident.post("/api/orders", Map.of("items", List.of(Map.of("listingId", listing.id().value(), "quantity", 1))),
				Map.of("Idempotency-Key", UUID.randomUUID().toString()));
	}
}
