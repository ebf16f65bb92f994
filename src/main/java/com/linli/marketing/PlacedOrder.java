package com.linli.marketing;

import java.time.Instant;
import java.util.Map;

import com.linli.identity.AccountId;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;

/**
 * An order just placed with a quote, as ordering tells marketing inside the order's transaction: its id
 * (ordering's, as a number), the resident, where, the quote it was placed at and the id of each line.
 */
public record PlacedOrder(long orderId, AccountId resident, RegionId region, PickupPointId pickupPoint,
		PriceRequest request, PriceQuote quote, Map<ListingId, Long> lineIds, Instant at) {

	public PlacedOrder {
		lineIds = Map.copyOf(lineIds);
	}
}
