package com.linli.marketing;

import java.util.List;
import java.util.Map;

import com.linli.shared.Money;
import com.linli.shared.Text;

/**
 * What the engine answers: every line with its share of each deduction and what is left to pay for it,
 * one explanation line per deduction (shown at checkout and on the order), the coupon used and the points
 * spent. The lines' payable amounts always add up to {@link #payable()}, exact to the fen.
 */
public record PriceQuote(List<QuotedLine> lines, List<Deduction> deductions, List<Text> notes, Money subtotal,
		Money discount, Money payable, Long couponId, long pointsUsed) {

	/**
	 * A priced line. {@code amount} is group price × quantity; {@code shares} the line's share of each
	 * deduction (only kinds with a share); {@code payable} = amount − the shares.
	 */
	public record QuotedLine(ListingId listing, int quantity, Money unitPrice, Money amount,
			Map<DiscountKind, Money> shares, Money payable) {

		public QuotedLine {
			shares = Map.copyOf(shares);
		}

		public Money share(DiscountKind kind) {
			return shares.getOrDefault(kind, Money.ZERO);
		}
	}

	/**
	 * One deduction for the explanation: its kind, what granted it ({@code reference}: "coupon:812",
	 * "reduction:3", "campaign:2/reduction:3"), the words shown and the amount.
	 */
	public record Deduction(DiscountKind kind, String reference, Text label, Money amount) {
	}

	public PriceQuote {
		lines = List.copyOf(lines);
		deductions = List.copyOf(deductions);
		notes = List.copyOf(notes);
	}

	/** The quoted line of a listing. */
	public QuotedLine line(ListingId listing) {
		return lines.stream().filter(l -> l.listing().equals(listing)).findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no line of listing " + listing));
	}

	/** The total of one kind of deduction over the lines. */
	public Money total(DiscountKind kind) {
		return lines.stream().map(l -> l.share(kind)).reduce(Money.ZERO, Money::plus);
	}
}
