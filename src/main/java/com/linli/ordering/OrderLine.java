package com.linli.ordering;

import com.linli.catalog.CategoryId;
import com.linli.catalog.SkuId;
import com.linli.marketing.ListingId;
import com.linli.shared.Money;

/**
 * One SKU in an order, priced from its listing at submit. {@code amount} is what was paid for it;
 * refunds (shortage, damage, after-sales) reduce what is left to hand out.
 */
public record OrderLine(OrderLineId id, ListingId listingId, SkuId skuId, String skuName, String spec, String unit,
		CategoryId categoryId, Money unitPrice, int quantity, Money amount, int refundedQuantity, Money refunded,
		int shortQuantity, int pickedUpQuantity) {

	/** Units still to hand to the resident. */
	public int remainingQuantity() {
		return quantity - refundedQuantity - pickedUpQuantity;
	}

	/** What the resident paid for the units not refunded. */
	public Money netAmount() {
		return amount.minus(refunded);
	}
}
