package com.linli.marketing.internal.campaigns;

import java.util.HashMap;
import java.util.Map;

import com.linli.marketing.CampaignId;
import com.linli.marketing.DiscountKind;
import com.linli.marketing.ListingDiscount;
import com.linli.marketing.internal.pricing.PriceCalculator;
import com.linli.marketing.internal.pricing.PricingContext;
import com.linli.shared.Money;
import com.linli.shared.Text;

import org.springframework.stereotype.Component;

/**
 * A listing's promotional price (限时特价) between its start and end replaces the unit price when lower;
 * of several on one listing the lowest applies. A campaign's discount needs the campaign to give discounts
 * and its remaining budget (as cached, less what earlier lines of this order took) to cover the line.
 */
@Component
class ListingDiscountCalculator implements PriceCalculator {

	private final PromotionSource promotions;

	ListingDiscountCalculator(PromotionSource promotions) {
		this.promotions = promotions;
	}

	@Override
	public int position() {
		return LISTING_DISCOUNT;
	}

	@Override
	public void apply(PricingContext context) {
		RegionPromotions book = promotions.of(context.request().region());
		if (book.discounts().isEmpty()) {
			return;
		}
		Map<CampaignId, Money> taken = new HashMap<>();
		for (int i = 0; i < context.size(); i++) {
			ListingDiscount best = null;
			Money bestSaving = Money.ZERO;
			for (ListingDiscount d : book.discountsOf(context.line(i).listing())) {
				if (!d.isOnAt(context.now())) {
					continue;
				}
				Money saving = context.unitPrice(i).minus(d.price()).times(context.line(i).quantity());
				Money budgetAsked = saving.plus(taken.getOrDefault(d.campaignId(), Money.ZERO));
				if (saving.isGreaterThan(bestSaving) && book.allows(d.campaignId(), budgetAsked, context.now())) {
					best = d;
					bestSaving = saving;
				}
			}
			if (best != null && context.lowerUnitPrice(i, best.price(), DiscountKind.LISTING_DISCOUNT, best.reference(),
					Text.of("marketing.campaigns.discountLabel"))) {
				if (best.campaignId() != null) {
					taken.merge(best.campaignId(), bestSaving, Money::plus);
				}
			}
		}
	}
}
