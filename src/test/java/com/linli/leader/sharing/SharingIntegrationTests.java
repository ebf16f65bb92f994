package com.linli.leader.sharing;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.QrCodes;
import com.linli.identity.Actor;
import com.linli.marketing.Listing;
import com.linli.marketing.ListingManagement;
import com.linli.marketing.NewListing;
import com.linli.ordering.OrderCutoffManagement;
import com.linli.ordering.OrderDeliveryManagement;
import com.linli.ordering.OrderingFixtures;
import com.linli.ordering.PickupFixtures;
import com.linli.ordering.WebSession;
import com.linli.shared.Money;
import com.linli.shared.PlatformClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leader's sharing tools through HTTP: today's share cards (the countdown by the platform clock at render
 * time), the card PNG whose QR code a resident scans to bind to the leader's pickup point and reach the
 * listing, the chat text (the 接龙 of the chain page, names masked), and another leader's point refused.
 */
@IntegrationTest
class SharingIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	ListingManagement listings;

	@Autowired
	Clock clock;

	@Test
	void aLeaderSharesTodaysCardsWhoseQrCodeLeadsResidentsToThePickupPoint() {
		var world = new OrderingFixtures(context, port);
		var pickups = new PickupFixtures(world, context.getBean(OrderCutoffManagement.class),
				context.getBean(OrderDeliveryManagement.class), port);
		var leader = pickups.leader(world.pickupPoint);
		var now = clock.instant();
		var cutoff = now.plus(Duration.ofHours(5));
		Listing peaches = listings.publish(Actor.system("test"), new NewListing(world.region.id(),
				world.sku("水蜜桃" + port, "6个/盒").id(), Money.ofYuan("19.90"), Money.ofYuan("29.90"), 100, 5,
				now.minus(Duration.ofHours(1)), cutoff, world.pickupDate));
		var buyer = world.resident();
		pickups.paidOrder(buyer, peaches, 2);
		long point = world.pickupPoint.id().value();

		// the countdown is from the platform clock's now to the cutoff, at render time
		var platform = (PlatformClock) clock;
		Api.Response cards;
		platform.travelTo(cutoff.minus(Duration.ofHours(3)).minus(Duration.ofMinutes(12)).minus(Duration.ofSeconds(40)));
		try {
			cards = leader.api().get("/api/leader/share/points/" + point + "/cards");
		}
		finally {
			platform.reset();
		}
		assertThat(cards.status()).as(cards.toString()).isEqualTo(200);
		var card = find(cards, peaches.id().value());
		assertThat(card.get("countdown").asText()).isEqualTo("距截单 3小时12分");
		assertThat(card.get("name").asText()).isEqualTo("水蜜桃" + port);
		assertThat(card.get("spec").asText()).isEqualTo("6个/盒");
		assertThat(card.get("priceFen").asLong()).isEqualTo(1990);
		assertThat(card.get("listPriceFen").asLong()).isEqualTo(2990);
		assertThat(card.get("pickupDate").asText()).isEqualTo(world.pickupDate.toString());

		// the card: a PNG whose QR code is the pickup point's storefront link with the listing
		var png = leader.api().get(card.get("cardUrl").asText());
		assertThat(png.status()).isEqualTo(200);
		assertThat(png.contentType()).startsWith("image/png");
		URI qr = URI.create(QrCodes.read(png.body()));
		assertThat(qr.getPath()).isEqualTo("/shop/points/" + point);
		assertThat(qr.getQuery()).isEqualTo("listing=" + peaches.id().value());

		// a resident of elsewhere scans it: sees the point, binds with one tap and lands on the product
		String phone = Api.newPhone();
		assertThat(Api.at(port).post("/api/auth/register", Map.of("phone", phone, "displayName", "扫码" + phone.substring(7),
				"password", "secret123")).status()).isEqualTo(201);
		var scanner = WebSession.signIn(port, phone, "secret123");
		var landing = scanner.get(qr.getPath() + "?" + qr.getQuery());
		assertThat(landing.status()).isEqualTo(200);
		assertThat(landing.body()).contains(world.pickupPoint.name()).contains("link-bind");
		var bound = scanner.post(qr.getPath() + "?" + qr.getQuery(), "x=1", landing);
		assertThat(bound.uri().getPath()).isEqualTo("/shop/listings/" + peaches.id().value());
		assertThat(Api.at(port).as(phone, "secret123").get("/api/me/pickup-point").json().get("id").asLong())
			.isEqualTo(point);
		// scanned again, already bound: straight to the product
		assertThat(scanner.get(qr.getPath() + "?" + qr.getQuery()).uri().getPath())
			.isEqualTo("/shop/listings/" + peaches.id().value());

		// the chat text: the chain page's 接龙, the buyer's name masked
		var text = leader.api().get("/api/leader/share/points/" + point + "/text");
		assertThat(text.status()).isEqualTo(200);
		String chat = text.json().get("text").asText();
		assertThat(chat).contains("水蜜桃" + port + " 6个/盒 ¥19.90").contains("水蜜桃" + port + "×2").contains("居*****");
		String buyerName = buyer.get("/api/me").json().get("displayName").asText();
		assertThat(buyerName).startsWith("居民");
		assertThat(chat).doesNotContain(buyerName);
		var page = WebSession.signIn(port, leader.phone(), leader.password()).get("/leader/share");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("card-" + peaches.id().value()).contains("水蜜桃" + port + "×2");
	}

	@Test
	void anotherLeadersPickupPointAndAListingNotOpenThereAreRefused() {
		var world = new OrderingFixtures(context, port);
		var pickups = new PickupFixtures(world, context.getBean(OrderCutoffManagement.class),
				context.getBean(OrderDeliveryManagement.class), port);
		var mine = pickups.leader(world.pickupPoint);
		var other = world.anotherPickupPoint();
		pickups.leader(other);
		var listing = world.listing("西兰花" + port, "4.50", 50, 5);

		for (String path : new String[] { "/cards", "/text", "/cards/" + listing.id().value() + ".png" }) {
			var refused = mine.api().get("/api/leader/share/points/" + other.id().value() + path);
			assertThat(refused.status()).as(path).isEqualTo(403);
			assertThat(refused.contentType()).startsWith("application/problem+json");
		}
		var notOpen = mine.api().get("/api/leader/share/points/" + world.pickupPoint.id().value() + "/cards/999999999.png");
		assertThat(notOpen.status()).isEqualTo(404);
		// a resident is no leader
		assertThat(world.resident().get("/api/leader/share/points/" + world.pickupPoint.id().value() + "/cards").status())
			.isEqualTo(403);
	}

	private static tools.jackson.databind.JsonNode find(Api.Response cards, long listing) {
		for (var c : cards.json()) {
			if (c.get("listingId").asLong() == listing) {
				return c;
			}
		}
		throw new AssertionError("no card of listing " + listing + " in " + cards);
	}
}
