package com.linli.marketing;

import java.util.EnumMap;
import java.util.Map;

import com.linli.marketing.internal.pricing.Allocation;
import com.linli.shared.Money;

/**
 * The part of a priced line that some of its units carry: what was paid for them and their share of each
 * deduction. Units are counted off the line in order ({@code from} units already taken, then
 * {@code units} more): the paid amount and each share of the first {@code u} units is the line's amount
 * split over {@code [u, quantity - u]} units by {@link Allocation} (exact to the fen), so the portions of
 * successive refunds add up, whatever their sizes, and the last unit gets what is left: refunding every
 * unit gives back exactly what the line paid, never more.
 */
public record LinePortion(Money paid, Map<DiscountKind, Money> shares) {

	public LinePortion {
		shares = Map.copyOf(shares);
	}

	/** The portion of units {@code from + 1 .. from + units} of a line of {@code quantity} units. */
	public static LinePortion of(Money linePaid, Map<DiscountKind, Money> lineShares, int quantity, int from,
			int units) {
		if (quantity < 1 || from < 0 || units < 0 || from + units > quantity) {
			throw new IllegalArgumentException(
					"units " + from + "+" + units + " are not part of a line of " + quantity + " units");
		}
		Money paid = Money.ofFen(firstUnits(linePaid.fen(), quantity, from + units) - firstUnits(linePaid.fen(), quantity, from));
		Map<DiscountKind, Money> shares = new EnumMap<>(DiscountKind.class);
		lineShares.forEach((kind, share) -> {
			long part = firstUnits(share.fen(), quantity, from + units) - firstUnits(share.fen(), quantity, from);
			if (part != 0) {
				shares.put(kind, Money.ofFen(part));
			}
		});
		return new LinePortion(paid, shares);
	}

	/** The part of {@code amount} the first {@code units} of {@code quantity} units carry. */
	private static long firstUnits(long amount, int quantity, int units) {
		if (units == 0) {
			return 0;
		}
		if (units == quantity) {
			return amount;
		}
		return Allocation.proportional(amount, new long[] { units, quantity - units })[0];
	}

	public Money share(DiscountKind kind) {
		return shares.getOrDefault(kind, Money.ZERO);
	}
}
