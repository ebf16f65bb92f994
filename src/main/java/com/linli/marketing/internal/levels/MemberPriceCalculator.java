package com.linli.marketing.internal.levels;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.linli.marketing.DiscountKind;
import com.linli.marketing.MemberPrice;
import com.linli.marketing.internal.ResidentLevels;
import com.linli.marketing.internal.pricing.PriceCalculator;
import com.linli.marketing.internal.pricing.PricingContext;
import com.linli.shared.Text;

import org.springframework.stereotype.Component;

/**
 * The first link of the chain: a line of a listing with member prices pays the lowest price of the levels
 * the resident has reached. Member prices and ranks are cached; the resident's rank is asked only when a
 * line has a member price.
 */
@Component
class MemberPriceCalculator implements PriceCalculator {

	private final MemberPrices prices;

	private final ResidentLevels levels;

	private final Levels names;

	MemberPriceCalculator(MemberPrices prices, ResidentLevels levels, Levels names) {
		this.prices = prices;
		this.levels = levels;
		this.names = names;
	}

	@Override
	public int position() {
		return MEMBER_PRICE;
	}

	@Override
	public void apply(PricingContext context) {
		List<Long> listings = new ArrayList<>(context.size());
		for (int i = 0; i < context.size(); i++) {
			listings.add(context.line(i).listing().value());
		}
		Map<Long, List<MemberPrice>> byListing = prices.of(listings);
		if (byListing.values().stream().allMatch(List::isEmpty) || context.request().resident() == null) {
			return;
		}
		int rank = levels.rankOf(context.request().resident());
		for (int i = 0; i < context.size(); i++) {
			var price = best(byListing.getOrDefault(listings.get(i), List.of()), rank);
			if (price.isPresent()) {
				String level = names.byRank(price.get().minRank()).map(l -> l.name())
					.orElse(String.valueOf(price.get().minRank()));
				context.lowerUnitPrice(i, price.get().price(), DiscountKind.MEMBER_PRICE, "level:" + price.get().minRank(),
						Text.of("marketing.levels.memberPrice", level));
			}
		}
	}

	/** The lowest member price among those of ranks up to {@code rank}. */
	static java.util.Optional<MemberPrice> best(List<MemberPrice> prices, int rank) {
		return prices.stream().filter(p -> p.minRank() <= rank)
			.min(java.util.Comparator.comparing(MemberPrice::price));
	}

}
