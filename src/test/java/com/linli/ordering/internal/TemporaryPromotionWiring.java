package com.linli.ordering.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.linli.catalog.SkuManagement;
import com.linli.identity.AccountId;
import com.linli.identity.Actor;
import com.linli.marketing.ListingId;
import com.linli.marketing.ListingManagement;
import com.linli.marketing.OrderPromotions;
import com.linli.marketing.PlacedOrder;
import com.linli.marketing.PriceEngine;
import com.linli.marketing.PriceRequest;
import com.linli.marketing.TeamIntent;
import com.linli.ordering.OrderCancelled;
import com.linli.ordering.OrderItem;
import com.linli.ordering.OrderPaid;
import com.linli.ordering.OrderPlacementManagement;
import com.linli.ordering.PlaceOrder;
import com.linli.network.ResidentBindingManagement;

import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * TEMPORARY, test-only (delete at merge): stands in for the wiring another helper adds to ordering (the
 * submit prices the order with the engine, with the team intent, and tells {@link OrderPromotions} what became
 * of it). {@code POST /api/test/promotion-orders} does what {@code POST /api/orders} with {@code team} will:
 * in one transaction, quote (a flash sale before its start refuses here, before any unit is reserved), place
 * the order, then {@code placed} (a full team undoes the order). Payments and cancels are passed on inside
 * the order's transaction, as the wiring will. Once merged, the tests' one call of this endpoint
 * ({@code TeamFixtures.order}) becomes {@code POST /api/orders} with the team field.
 */
@RestController
@io.swagger.v3.oas.annotations.Hidden
class TemporaryPromotionWiring {

	private final OrderPlacementManagement placement;

	private final PriceEngine engine;

	private final OrderPromotions promotions;

	private final ListingManagement listings;

	private final SkuManagement catalog;

	private final ResidentBindingManagement bindings;

	private final TransactionTemplate tx;

	private final java.time.Clock clock;

	TemporaryPromotionWiring(OrderPlacementManagement placement, PriceEngine engine, OrderPromotions promotions,
			ListingManagement listings, SkuManagement catalog, ResidentBindingManagement bindings, TransactionTemplate tx,
			java.time.Clock clock) {
		this.clock = clock;
		this.placement = placement;
		this.engine = engine;
		this.promotions = promotions;
		this.listings = listings;
		this.catalog = catalog;
		this.bindings = bindings;
		this.tx = tx;
	}

	record Item(long listingId, int quantity) {
	}

	record Submit(List<Item> items, Boolean openTeam, Long teamId) {
	}

	record Placed(long orderId, long payableFen) {
	}

	@PostMapping("/api/test/promotion-orders")
	ResponseEntity<Placed> place(Actor actor, @RequestHeader("Idempotency-Key") String key, @RequestBody Submit submit) {
		AccountId resident = actor.requireAccount();
		TeamIntent team = submit.teamId() != null ? TeamIntent.join(submit.teamId())
				: Boolean.TRUE.equals(submit.openTeam()) ? TeamIntent.open() : null;
		var point = bindings.cachedPickupPointOf(resident).orElseThrow();
		var found = listings.cachedListings(submit.items().stream().map(i -> new ListingId(i.listingId())).toList());
		var skus = catalog.cachedSkus(found.values().stream().map(l -> l.skuId()).toList());
		List<PriceRequest.Line> lines = submit.items().stream().map(i -> {
			var l = found.get(new ListingId(i.listingId()));
			return new PriceRequest.Line(l.id(), l.skuId(), skus.get(l.skuId()).categoryId(), l.groupPrice(), i.quantity());
		}).toList();
		var request = new PriceRequest(resident, point.regionId(), point.id(), lines, null, 0, team);
		Placed placed = tx.execute(s -> {
			var quote = engine.quote(request);
			var order = placement.place(new PlaceOrder(resident, key,
					submit.items().stream().map(i -> new OrderItem(new ListingId(i.listingId()), i.quantity())).toList()));
			Map<ListingId, Long> lineIds = new HashMap<>();
			order.lines().forEach(l -> lineIds.put(l.listingId(), l.id().value()));
			promotions.placed(new PlacedOrder(order.id().value(), resident, point.regionId(), point.id(), request, quote,
					lineIds, order.createdAt()));
			return new Placed(order.id().value(), quote.payable().fen());
		});
		return ResponseEntity.status(HttpStatus.CREATED).body(placed);
	}

	@EventListener
	void on(OrderPaid paid) {
		promotions.paid(paid.orderId().value(), paid.residentId(), paid.regionId(), paid.paid(),
				clock.instant());
	}

	@EventListener
	void on(OrderCancelled cancelled) {
		promotions.cancelled(cancelled.orderId().value(), cancelled.residentId(), clock.instant());
	}
}
