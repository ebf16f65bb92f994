package com.linli.ordering;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.linli.Deadline;
import com.linli.Api;
import com.linli.catalog.Sku;
import com.linli.identity.AccountId;
import com.linli.identity.AccountManagement;
import com.linli.identity.Actor;
import com.linli.identity.NewAccount;
import com.linli.identity.Role;
import com.linli.identity.internal.ApiTokens;
import com.linli.marketing.Listing;
import com.linli.marketing.ListingManagement;
import com.linli.marketing.MarketingFixtures;
import com.linli.marketing.NewListing;
import com.linli.network.PickupPoint;
import com.linli.network.Region;
import com.linli.network.ResidentBindingManagement;
import com.linli.shared.Money;

import org.springframework.context.ApplicationContext;

/**
 * A small world to order in: a region with pickup points, SKUs, and listings open now for a pickup
 * date two days ahead (so the cutoff is in the future whatever the hour of the test run).
 */
public final class OrderingFixtures {

	private final ResidentBindingManagement residentBindings;

	private final ListingManagement listings;

	private final AccountManagement accounts;

	private final ApiTokens tokens;

	private final Clock clock;

	private final int port;

	private final MarketingFixtures marketing;

	public final Region region;

	public final PickupPoint pickupPoint;

	public final LocalDate pickupDate;

	/** A fresh region with a pickup point, from the beans of a running application. */
	public OrderingFixtures(ApplicationContext context, int port) {
		this.residentBindings = context.getBean(ResidentBindingManagement.class);
		this.listings = context.getBean(ListingManagement.class);
		this.accounts = context.getBean(AccountManagement.class);
		this.tokens = context.getBean(ApiTokens.class);
		this.clock = context.getBean(Clock.class);
		this.port = port;
		this.marketing = new MarketingFixtures(context);
		this.region = marketing.region();
		this.pickupPoint = marketing.pickupPoint(region, "翠苑" + MarketingFixtures.next() + "区", 30.28, 120.13);
		this.pickupDate = LocalDate.now(clock.withZone(region.zone())).plusDays(2);
	}

	public PickupPoint anotherPickupPoint() {
		return marketing.pickupPoint(region, "文鼎苑" + MarketingFixtures.next(), 30.29, 120.14);
	}

	public Sku sku(String name, String spec) {
		return marketing.sku(marketing.category("生鲜", 1), name, spec);
	}

	/** A listing open now: the cutoff in a few hours, pickup two days ahead. */
	public Listing listing(Sku sku, String groupPriceYuan, int cap, int limit) {
		Instant now = clock.instant();
		return listings.publish(Actor.system("test"), new NewListing(region.id(), sku.id(), Money.ofYuan(groupPriceYuan), null, cap, limit,
				now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(3)), pickupDate));
	}

	public Listing listing(String name, String groupPriceYuan, int cap, int limit) {
		return listing(sku(name, "500g/份"), groupPriceYuan, cap, limit);
	}

	/** A resident registered through the API and bound to the fixture's pickup point. */
	public Api resident() {
		return resident(pickupPoint);
	}

	public Api resident(PickupPoint point) {
		var api = Api.at(port).newResident();
		var bound = api.put("/api/me/pickup-point", java.util.Map.of("pickupPointId", point.id().value()));
		if (bound.status() != 200 && bound.status() != 204) {
			throw new IllegalStateException("binding failed: " + bound);
		}
		return api;
	}

	/**
	 * Many residents at once, bound to the pickup point, each with a bearer token: opened in bulk
	 * (one password hash) so a test of hundreds of buyers does not spend a minute hashing passwords.
	 */
	public List<Api> residents(int count) {
		List<NewAccount> batch = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String phone = Api.newPhone();
			batch.add(new NewAccount(phone, "居民" + phone.substring(7), "secret123", Set.of(Role.RESIDENT), Set.of()));
		}
		List<Api> apis = new ArrayList<>();
		for (AccountId id : accounts.createAll(batch)) {
			residentBindings.bindResident(id, pickupPoint.id());
			apis.add(Api.at(port).withToken(tokens.issue(id.value()).token()));
		}
		return apis;
	}

	/**
	 * Pays an order at the simulated bank, as the resident would: given the order's {@code payment} link,
	 * opens the payment first (as the cashier page does), given a cashier URL pays there.
	 */
	public static Api.Response pay(Api resident, String paymentLinkOrCashierUrl) {
		String cashierUrl = paymentLinkOrCashierUrl.startsWith("/api/orders/")
				? resident.post(paymentLinkOrCashierUrl, java.util.Map.of()).json().get("cashierUrl").asText()
				: paymentLinkOrCashierUrl;
		String transaction = cashierUrl.substring(cashierUrl.lastIndexOf('/') + 1);
		return resident.post("/api/payments/sim/" + transaction + "/pay", java.util.Map.of());
	}

	/** Waits for the asynchronous payment notification to have made the order PAID. */
	public static tools.jackson.databind.JsonNode awaitStatus(Api resident, long orderId, String status) {
		Deadline deadline = Deadline.inMillis(15_000);
		while (true) {
			var order = resident.get("/api/orders/" + orderId).json();
			if (order.get("status").asText().equals(status) || deadline.passed()) {
				return order;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return order;
			}
		}
	}
}
