package com.linli.marketing.internal.pricing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

import com.linli.marketing.DiscountKind;
import com.linli.marketing.PriceQuote;
import com.linli.marketing.PriceQuote.Deduction;
import com.linli.marketing.PriceQuote.QuotedLine;
import com.linli.marketing.PriceRequest;
import com.linli.shared.Money;
import com.linli.shared.Text;

/**
 * The state of one pricing as it moves down the chain: each line's amount and its share of each
 * deduction so far. Calculators read what is still payable and change it only through
 * {@link #lowerUnitPrice} and {@link #deduct}, which keep every line's payable amount at zero or more and
 * the order's at least {@link #MINIMUM_PAYABLE} (a payment of nothing cannot be taken), and which split an
 * order-wide deduction over the lines in proportion to what each still costs, exact to the fen.
 */
public final class PricingContext {

	/** An order always costs at least one fen. */
	public static final Money MINIMUM_PAYABLE = Money.ofFen(1);

	private final PriceRequest request;

	private final Instant now;

	private final long[] amount;

	private final long[] unitPrice;

	private final long[][] shares;

	private final Map<String, Deduction> deductions = new LinkedHashMap<>();

	private final List<Text> notes = new ArrayList<>();

	private Long couponId;

	private long pointsUsed;

	public PricingContext(PriceRequest request, Instant now) {
		this.request = request;
		this.now = now;
		int n = request.lines().size();
		this.amount = new long[n];
		this.unitPrice = new long[n];
		this.shares = new long[n][DiscountKind.values().length];
		for (int i = 0; i < n; i++) {
			unitPrice[i] = request.lines().get(i).unitPrice().fen();
			amount[i] = request.lines().get(i).amount().fen();
		}
	}

	public PriceRequest request() {
		return request;
	}

	public Instant now() {
		return now;
	}

	public int size() {
		return amount.length;
	}

	public PriceRequest.Line line(int i) {
		return request.lines().get(i);
	}

	/** The unit price line {@code i} pays now, after the price kinds applied so far. */
	public Money unitPrice(int i) {
		return Money.ofFen(unitPrice[i]);
	}

	/** What line {@code i} still costs. */
	public Money payable(int i) {
		long p = amount[i];
		for (long s : shares[i]) {
			p -= s;
		}
		return Money.ofFen(p);
	}

	/** What the lines that pass {@code eligible} still cost together. */
	public Money payable(IntPredicate eligible) {
		long p = 0;
		for (int i = 0; i < amount.length; i++) {
			if (eligible.test(i)) {
				p += payable(i).fen();
			}
		}
		return Money.ofFen(p);
	}

	/** What the whole order still costs. */
	public Money payable() {
		return payable(i -> true);
	}

	/** Has a deduction of this kind been made? (e.g. a kind that does not stack with another) */
	public boolean has(DiscountKind kind) {
		for (long[] s : shares) {
			if (s[kind.ordinal()] > 0) {
				return true;
			}
		}
		return false;
	}

	/** Line {@code i}'s share of a kind so far. */
	public Money share(int i, DiscountKind kind) {
		return Money.ofFen(shares[i][kind.ordinal()]);
	}

	/**
	 * Line {@code i} pays {@code price} a unit instead of its current unit price (a member, promotional,
	 * flash, team or offer price); the difference × quantity becomes the line's share of {@code kind}. A
	 * price that is not lower does nothing and answers false. Only for a price kind, before any deduction
	 * on amounts.
	 */
	public boolean lowerUnitPrice(int i, Money price, DiscountKind kind, String reference, Text label) {
		if (!kind.isPrice()) {
			throw new IllegalArgumentException(kind + " is not a price");
		}
		if (price.isNegative() || price.fen() >= unitPrice[i]) {
			return false;
		}
		long difference = (unitPrice[i] - price.fen()) * line(i).quantity();
		unitPrice[i] = price.fen();
		shares[i][kind.ordinal()] += difference;
		record(kind, reference, label, difference);
		return true;
	}

	/**
	 * Deducts up to {@code wanted} from the lines that pass {@code eligible}, split in proportion to what
	 * each still costs; never more than they cost, and never so much that the order would cost less than
	 * {@link #MINIMUM_PAYABLE}. Answers what was deducted (zero: nothing changed, no explanation line).
	 */
	public Money deduct(DiscountKind kind, String reference, Text label, Money wanted, IntPredicate eligible) {
		if (wanted.isNegative()) {
			throw new IllegalArgumentException("a deduction is not negative: " + wanted);
		}
		long room = Math.min(payable(eligible).fen(), payable().fen() - MINIMUM_PAYABLE.fen());
		long take = Math.max(0, Math.min(wanted.fen(), room));
		if (take == 0) {
			return Money.ZERO;
		}
		long[] weights = new long[amount.length];
		for (int i = 0; i < amount.length; i++) {
			weights[i] = eligible.test(i) ? payable(i).fen() : 0;
		}
		long[] parts = Allocation.proportional(take, weights);
		for (int i = 0; i < amount.length; i++) {
			shares[i][kind.ordinal()] += parts[i];
		}
		record(kind, reference, label, take);
		return Money.ofFen(take);
	}

	/** The largest deduction {@link #deduct} would make now from the eligible lines. */
	public Money room(IntPredicate eligible) {
		return Money.ofFen(Math.max(0, Math.min(payable(eligible).fen(), payable().fen() - MINIMUM_PAYABLE.fen())));
	}

	/** A line of the explanation without an amount (a gift with purchase, an offer the order missed). */
	public void note(Text note) {
		notes.add(note);
	}

	/** The coupon this pricing uses (one per order). */
	public void useCoupon(long id) {
		if (couponId != null && couponId != id) {
			throw new IllegalStateException("one coupon per order");
		}
		couponId = id;
	}

	public Long couponId() {
		return couponId;
	}

	/** Points spent by this pricing. */
	public void usePoints(long points) {
		pointsUsed += points;
	}

	private void record(DiscountKind kind, String reference, Text label, long fen) {
		deductions.merge(kind + "|" + reference, new Deduction(kind, reference, label, Money.ofFen(fen)),
				(a, b) -> new Deduction(kind, reference, a.label(), a.amount().plus(b.amount())));
	}

	/** The quote: lines, explanation, totals. */
	public PriceQuote quote() {
		List<QuotedLine> lines = new ArrayList<>(amount.length);
		long subtotal = 0;
		long payable = 0;
		for (int i = 0; i < amount.length; i++) {
			Map<DiscountKind, Money> s = new EnumMap<>(DiscountKind.class);
			for (DiscountKind k : DiscountKind.values()) {
				if (shares[i][k.ordinal()] != 0) {
					s.put(k, Money.ofFen(shares[i][k.ordinal()]));
				}
			}
			var l = line(i);
			lines.add(new QuotedLine(l.listing(), l.quantity(), l.unitPrice(), l.amount(), s, payable(i)));
			subtotal += amount[i];
			payable += payable(i).fen();
		}
		return new PriceQuote(lines, new ArrayList<>(deductions.values()), notes, Money.ofFen(subtotal),
				Money.ofFen(subtotal - payable), Money.ofFen(payable), couponId, pointsUsed);
	}
}
