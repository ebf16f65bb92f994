package com.linli.ordering;

import java.util.List;
import java.util.Map;

import com.linli.catalog.SkuManagement;
import com.linli.identity.AccountId;
import com.linli.marketing.ListingId;
import com.linli.marketing.ListingManagement;
import com.linli.marketing.OrderPromotions;
import com.linli.marketing.PlacedOrder;
import com.linli.marketing.PriceEngine;
import com.linli.marketing.PriceRequest;
import com.linli.marketing.TeamIntent;
import com.linli.network.ResidentBindingManagement;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A resident's one-item order that opens or joins a group-buy team (the shop's team buttons, the demo).
 * INTERIM (issue 11, teams): until the order submit itself carries the team (the price-engine wiring of ordering, another
 * change of issue 11), this prices the order with the engine, places it and tells marketing in ONE
 * transaction, so that a full team undoes the order. Once that wiring is in, {@link #place} becomes
 * {@code placement.place(new PlaceOrder(..., team))} and the rest of this class goes.
 */
@Service
public class TeamOrderManagement {

	private final OrderPlacementManagement placement;

	private final PriceEngine engine;

	private final OrderPromotions promotions;

	private final ListingManagement listings;

	private final SkuManagement catalog;

	private final ResidentBindingManagement bindings;

	private final TransactionTemplate tx;

	TeamOrderManagement(OrderPlacementManagement placement, PriceEngine engine, OrderPromotions promotions,
			ListingManagement listings, SkuManagement catalog, ResidentBindingManagement bindings, TransactionTemplate tx) {
		this.placement = placement;
		this.engine = engine;
		this.promotions = promotions;
		this.listings = listings;
		this.catalog = catalog;
		this.bindings = bindings;
		this.tx = tx;
	}

	/** Places one unit of the listing with the team intent; a refusal (full team, closed, sold out) changes nothing. */
	public Order place(AccountId resident, String key, ListingId listingId, TeamIntent team) {
		var point = bindings.cachedPickupPointOf(resident)
			.orElseThrow(() -> new BusinessRuleException("no-pickup-point", "pickupPointId",
					Text.of("ordering.problem.choosePickupPointFirst")));
		var listing = listings.cachedListings(List.of(listingId)).get(listingId);
		if (listing == null) {
			throw new NotFoundException("listing", listingId);
		}
		var sku = catalog.cachedSkus(List.of(listing.skuId())).get(listing.skuId());
		var request = new PriceRequest(resident, point.regionId(), point.id(),
				List.of(new PriceRequest.Line(listingId, listing.skuId(), sku.categoryId(), listing.groupPrice(), 1)), null, 0,
				team);
		return tx.execute(s -> {
			var quote = engine.quote(request);
			var order = placement.place(new PlaceOrder(resident, key, List.of(new OrderItem(listingId, 1))));
			promotions.placed(new PlacedOrder(order.id().value(), resident, point.regionId(), point.id(), request, quote,
					Map.of(listingId, order.lines().get(0).id().value()), order.createdAt()));
			return order;
		});
	}
}
