package com.linli.ordering;

import java.util.EnumMap;
import java.util.Map;

import com.linli.catalog.CategoryId;
import com.linli.catalog.SkuId;
import com.linli.marketing.DiscountKind;
import com.linli.marketing.LinePortion;
import com.linli.marketing.ListingId;
import com.linli.shared.Money;

/**
 * One SKU in an order, priced from its listing at submit. {@code amount} is group price × quantity;
 * {@code shares} the line's share of each deduction the price engine made (only kinds with a share), so
 * {@link #paid()} = amount − shares is what the resident paid for it. Refunds (shortage, damage,
 * after-sales) give back the refunded units' portion of what was paid ({@link #portion}) and reduce what
 * is left to hand out.
 */
public record OrderLine(OrderLineId id, ListingId listingId, SkuId skuId, String skuName, String spec, String unit,
		CategoryId categoryId, Money unitPrice, int quantity, Money amount, int refundedQuantity, Money refunded,
		int shortQuantity, int pickedUpQuantity, Map<DiscountKind, Money> shares) {

	public OrderLine {
		var copy = new EnumMap<DiscountKind, Money>(DiscountKind.class);
		if (shares != null) {
			shares.forEach((kind, share) -> {
				if (share.isNegative()) {
					throw new IllegalArgumentException("a share is never negative: " + kind + " " + share);
				}
				if (!share.isZero()) {
					copy.put(kind, share);
				}
			});
		}
		shares = java.util.Collections.unmodifiableMap(copy);
	}

	/** A line without promotions: it paid its amount. */
	public OrderLine(OrderLineId id, ListingId listingId, SkuId skuId, String skuName, String spec, String unit,
			CategoryId categoryId, Money unitPrice, int quantity, Money amount, int refundedQuantity, Money refunded,
			int shortQuantity, int pickedUpQuantity) {
		this(id, listingId, skuId, skuName, spec, unit, categoryId, unitPrice, quantity, amount, refundedQuantity,
				refunded, shortQuantity, pickedUpQuantity, Map.of());
	}

	/** Units still to hand to the resident. */
	public int remainingQuantity() {
		return quantity - refundedQuantity - pickedUpQuantity;
	}

	/** The line's share of one kind of deduction (zero when none). */
	public Money share(DiscountKind kind) {
		return shares.getOrDefault(kind, Money.ZERO);
	}

	/** Every deduction of the line together. */
	public Money discount() {
		return shares.values().stream().reduce(Money.ZERO, Money::plus);
	}

	/** What the resident paid for the line: the amount less its shares of every deduction. */
	public Money paid() {
		return amount.minus(discount());
	}

	/** What the resident paid for the units not refunded. */
	public Money netAmount() {
		return paid().minus(refunded);
	}

	/**
	 * What {@code units} more refunded units carry, after the {@code refundedQuantity} refunded before:
	 * their part of what was paid and of each deduction. All refunds of a line add up to its paid amount.
	 */
	public LinePortion refundPortion(int units) {
		return LinePortion.of(paid(), shares, quantity, refundedQuantity, units);
	}

	/**
	 * What {@code units} more refunded units paid (their part of {@link #paid()} after the units refunded before),
	 * never more than the line has left: what a refund of them gives back.
	 */
	public Money refundablePaid(int units) {
		Money portion = refundPortion(units).paid();
		return portion.compareTo(netAmount()) <= 0 ? portion : netAmount();
	}

	/** This line with {@code units} more refunded for {@code amount}. */
	OrderLine refunding(int units, Money amount, boolean shortage, boolean afterPickup) {
		return new OrderLine(id, listingId, skuId, skuName, spec, unit, categoryId, unitPrice, quantity, this.amount,
				refundedQuantity + units, refunded.plus(amount), shortQuantity + (shortage ? units : 0),
				pickedUpQuantity - (afterPickup ? units : 0), shares);
	}

	/** This line with {@code units} more handed out. */
	OrderLine handingOut(int units) {
		return new OrderLine(id, listingId, skuId, skuName, spec, unit, categoryId, unitPrice, quantity, amount,
				refundedQuantity, refunded, shortQuantity, pickedUpQuantity + units, shares);
	}
}
