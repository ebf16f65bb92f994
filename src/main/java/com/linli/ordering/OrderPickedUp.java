package com.linli.ordering;

import java.time.Instant;
import java.util.List;

import com.linli.catalog.CategoryId;
import com.linli.catalog.SkuId;
import com.linli.identity.AccountId;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.shared.Money;

/**
 * The leader handed out lines of an order (all of them when {@code complete}). {@code amount} per
 * line is what the resident actually paid for the units handed out, net of every discount (the units'
 * portion of the line's paid amount): commission is earned on it (DESIGN.md 6).
 */
public record OrderPickedUp(OrderId orderId, String orderNo, AccountId residentId, PickupPointId pickupPointId,
		RegionId regionId, Instant pickedUpAt, boolean complete, List<PickedUpLine> lines) {

	/**
	 * Units of one line handed out; {@code skuName} as the resident ordered it; {@code commissionRateBasisPoints}
	 * the leader's rate the line's listing sets instead of the scheme's (null: the scheme's rate).
	 */
	public record PickedUpLine(OrderLineId lineId, SkuId skuId, CategoryId categoryId, int quantity, Money amount,
			String skuName, Integer commissionRateBasisPoints) {

		/** Without a listing's commission rate. */
		public PickedUpLine(OrderLineId lineId, SkuId skuId, CategoryId categoryId, int quantity, Money amount,
				String skuName) {
			this(lineId, skuId, categoryId, quantity, amount, skuName, null);
		}

		/** Without the name: as the event was before it carried one. */
		public PickedUpLine(OrderLineId lineId, SkuId skuId, CategoryId categoryId, int quantity, Money amount) {
			this(lineId, skuId, categoryId, quantity, amount, null, null);
		}
	}
}
