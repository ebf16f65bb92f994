package com.linli.marketing.internal.offers;

import java.util.Optional;

import com.linli.marketing.DiscountKind;
import com.linli.marketing.Gift;
import com.linli.marketing.PriceQuote;
import com.linli.marketing.Reduction;
import com.linli.marketing.internal.pricing.PriceCalculator;
import com.linli.marketing.internal.pricing.PricingContext;
import com.linli.shared.Money;
import com.linli.shared.Text;

import org.springframework.stereotype.Component;

/**
 * Gifts with purchase (满赠): right after the full reduction, an order whose amount then (after prices and
 * full reductions, before coupons and points) reaches a gift's threshold gets the gift of the highest
 * threshold reached, as a note of the explanation; the order's hook records it.
 */
@Component
class GiftCalculator implements PriceCalculator {

	/** After the full reduction, before coupons: coupons and points do not make an order smaller for a gift. */
	static final int GIFT = FULL_REDUCTION + 10;

	private final OfferSource offers;

	GiftCalculator(OfferSource offers) {
		this.offers = offers;
	}

	@Override
	public int position() {
		return GIFT;
	}

	@Override
	public void apply(PricingContext context) {
		RegionOffers book = offers.of(context.request().region());
		if (book.gifts().isEmpty()) {
			return;
		}
		book.giftFor(context.payable(), context.now()).ifPresent(g -> context.note(note(g)));
	}

	static Text note(Gift g) {
		return Text.of("marketing.offers.giftNote", Reduction.Tier.yuan(g.threshold()), g.giftName());
	}

	/** The amount a quote's gift was measured on: what the lines cost after prices and full reductions. */
	static Money measured(PriceQuote quote) {
		long fen = 0;
		for (var line : quote.lines()) {
			fen += line.amount().fen();
			for (var e : line.shares().entrySet()) {
				if (e.getKey().ordinal() <= DiscountKind.FULL_REDUCTION.ordinal()) {
					fen -= e.getValue().fen();
				}
			}
		}
		return Money.ofFen(fen);
	}

	static Optional<Gift> giftOf(RegionOffers book, PriceQuote quote, java.time.Instant at) {
		return book.giftFor(measured(quote), at);
	}
}
