package com.linli.ordering;

import com.linli.catalog.CategoryId;
import com.linli.catalog.SkuId;
import com.linli.identity.AccountId;
import com.linli.network.PickupPointId;
import com.linli.shared.Money;

import org.springframework.modulith.events.Externalized;

/**
 * Part of a line was refunded (short at receipt, damaged, after-sales); {@code amount} is what was
 * given back, the units' portion of what the line paid (net of discounts, so a commission reversal
 * matches the accrual on the paid amount). {@code afterPickup} says the
 * units had been handed out: commission earned on them is reversed. {@code reference} is unique per
 * refund, so a listener can tell a second refund of the same line from a redelivery of this one.
 */
@Externalized("linli.events::OrderLineRefunded")
public record OrderLineRefunded(OrderId orderId, String orderNo, OrderLineId lineId, AccountId residentId,
		PickupPointId pickupPointId, SkuId skuId, String skuName, CategoryId categoryId, int quantity, Money amount,
		String reason, boolean afterPickup, String reference) {

	/** Without a refund reference: as the event was before it carried one. */
	public OrderLineRefunded(OrderId orderId, String orderNo, OrderLineId lineId, AccountId residentId,
			PickupPointId pickupPointId, SkuId skuId, String skuName, CategoryId categoryId, int quantity, Money amount,
			String reason, boolean afterPickup) {
		this(orderId, orderNo, lineId, residentId, pickupPointId, skuId, skuName, categoryId, quantity, amount, reason,
				afterPickup, null);
	}
}
