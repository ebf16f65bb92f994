package com.linli.marketing.internal.offers;

import com.linli.marketing.DiscountKind;
import com.linli.marketing.Offer;
import com.linli.marketing.internal.pricing.PriceCalculator;
import com.linli.marketing.internal.pricing.PricingContext;
import com.linli.shared.Money;
import com.linli.shared.Text;

import org.springframework.stereotype.Component;

/**
 * The 1-yuan offer (1元购): ONE unit of one listing at the offer's price, once per resident ever (new
 * residents only, or everyone, as the offer says). Of several in the cart, the one saving the most. A line
 * that already has the new-resident offer is left alone. The order's hook enforces "once" for good.
 */
@Component
class OneYuanCalculator implements PriceCalculator {

	private final OfferSource offers;

	private final Residents residents;

	OneYuanCalculator(OfferSource offers, Residents residents) {
		this.offers = offers;
		this.residents = residents;
	}

	@Override
	public int position() {
		return ONE_YUAN;
	}

	@Override
	public void apply(PricingContext context) {
		if (context.request().resident() == null) {
			return;
		}
		RegionOffers book = offers.of(context.request().region());
		if (!book.hasAny(Offer.Kind.ONE_YUAN)) {
			return;
		}
		Offer best = null;
		int bestLine = -1;
		Money bestSaving = Money.ZERO;
		Boolean isNew = null;
		for (int i = 0; i < context.size(); i++) {
			if (!context.share(i, DiscountKind.NEW_RESIDENT_OFFER).isZero()) {
				continue;
			}
			for (Offer o : book.of(context.line(i).listing(), Offer.Kind.ONE_YUAN, context.now())) {
				if (o.forNewResidentsOnly()) {
					if (isNew == null) {
						isNew = residents.isNew(context.request().resident());
					}
					if (!isNew) {
						continue;
					}
				}
				Money saving = context.unitPrice(i).minus(o.price());
				if (saving.isGreaterThan(bestSaving)) {
					best = o;
					bestLine = i;
					bestSaving = saving;
				}
			}
		}
		if (best == null || residents.usedOneYuanOffer(context.request().resident())) {
			return;
		}
		int line = bestLine;
		context.deduct(DiscountKind.ONE_YUAN_OFFER, best.reference(), Text.of("marketing.offers.oneYuanLabel"), bestSaving,
				j -> j == line);
	}
}
