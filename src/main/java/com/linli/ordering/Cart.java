package com.linli.ordering;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.linli.marketing.ListingId;
import com.linli.shared.Money;

/** A resident's cart: what they picked, priced now, with what can still be ordered. */
public record Cart(List<Item> items) {

	public Money total() {
		return items.stream().filter(Item::orderable).map(Item::amount).reduce(Money.ZERO, Money::plus);
	}

	public int count() {
		return items.stream().mapToInt(Item::quantity).sum();
	}

	public boolean isEmpty() {
		return items.isEmpty();
	}

	/** One listing in the cart. {@code problem} says why it cannot be ordered now, or is null. */
	public record Item(ListingId listingId, String skuName, String spec, String unit, String imageUrl, Money unitPrice,
			Money listPrice, int quantity, int perResidentLimit, int remaining, LocalDate pickupDate, Instant cutoffAt,
			String problem) {

		public Money amount() {
			return unitPrice.times(quantity);
		}

		public boolean orderable() {
			return problem == null;
		}
	}
}
