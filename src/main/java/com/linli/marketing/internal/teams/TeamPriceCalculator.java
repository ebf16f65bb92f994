package com.linli.marketing.internal.teams;

import com.linli.marketing.DiscountKind;
import com.linli.marketing.TeamIntent;
import com.linli.marketing.internal.pricing.PriceCalculator;
import com.linli.marketing.internal.pricing.PricingContext;
import com.linli.shared.Text;

import org.springframework.stereotype.Component;

/**
 * The team price (拼团价): an order that opens or joins a group-buy team pays the team price on the line of
 * the team's listing (opening: the first line whose listing has team terms). An order without a team
 * intent, or a line of another listing, pays as usual. Whether the team still has a place is decided when
 * the order is placed ({@link TeamPlaces}), not here.
 */
@Component
class TeamPriceCalculator implements PriceCalculator {

	private final TeamTermsCache cache;

	TeamPriceCalculator(TeamTermsCache cache) {
		this.cache = cache;
	}

	@Override
	public int position() {
		return TEAM_PRICE;
	}

	@Override
	public void apply(PricingContext context) {
		TeamIntent intent = context.request().team();
		if (intent == null) {
			return;
		}
		var teamListing = intent.opens() ? null : cache.listingOf(intent.teamId()).orElse(null);
		if (!intent.opens() && teamListing == null) {
			return;
		}
		for (int i = 0; i < context.size(); i++) {
			var listing = context.line(i).listing();
			if (teamListing != null && !teamListing.equals(listing)) {
				continue;
			}
			var terms = cache.terms(listing);
			if (terms.isEmpty()) {
				continue;
			}
			String reference = intent.opens() ? "team:new/listing:" + listing.value() : "team:" + intent.teamId();
			context.lowerUnitPrice(i, terms.get().teamPrice(), DiscountKind.TEAM_PRICE, reference,
					Text.of("marketing.teams.deduction", terms.get().teamSize()));
			return;
		}
	}
}
