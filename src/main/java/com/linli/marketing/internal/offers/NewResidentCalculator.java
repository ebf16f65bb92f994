package com.linli.marketing.internal.offers;

import com.linli.marketing.DiscountKind;
import com.linli.marketing.Offer;
import com.linli.marketing.internal.pricing.PriceCalculator;
import com.linli.marketing.internal.pricing.PricingContext;
import com.linli.shared.Money;
import com.linli.shared.Text;

import org.springframework.stereotype.Component;

/**
 * The new resident's first-order offer (新人专享价): for a resident without a paid order, ONE unit of each
 * listing with an offer costs the offer's price (the difference to the current unit price is the line's
 * share; further units pay the current price). The resident is looked up (cached) only when a line has one.
 */
@Component
class NewResidentCalculator implements PriceCalculator {

	private final OfferSource offers;

	private final Residents residents;

	NewResidentCalculator(OfferSource offers, Residents residents) {
		this.offers = offers;
		this.residents = residents;
	}

	@Override
	public int position() {
		return NEW_RESIDENT;
	}

	@Override
	public void apply(PricingContext context) {
		if (context.request().resident() == null) {
			return;
		}
		RegionOffers book = offers.of(context.request().region());
		if (!book.hasAny(Offer.Kind.NEW_RESIDENT)) {
			return;
		}
		Boolean isNew = null;
		for (int i = 0; i < context.size(); i++) {
			Offer best = null;
			for (Offer o : book.of(context.line(i).listing(), Offer.Kind.NEW_RESIDENT, context.now())) {
				if (o.price().compareTo(context.unitPrice(i)) < 0 && (best == null || o.price().compareTo(best.price()) < 0)) {
					best = o;
				}
			}
			if (best == null) {
				continue;
			}
			if (isNew == null) {
				isNew = residents.isNew(context.request().resident());
			}
			if (!isNew) {
				return;
			}
			int line = i;
			Money oneUnit = context.unitPrice(i).minus(best.price());
			context.deduct(DiscountKind.NEW_RESIDENT_OFFER, best.reference(), Text.of("marketing.offers.newResidentLabel"),
					oneUnit, j -> j == line);
		}
	}
}
