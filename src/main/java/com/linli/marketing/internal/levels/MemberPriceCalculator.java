package com.linli.marketing.internal.levels;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.linli.marketing.DiscountKind;
import com.linli.marketing.MemberPrice;
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

	private final Levels levels;

	MemberPriceCalculator(MemberPrices prices, Levels levels) {
		this.prices = prices;
		this.levels = levels;
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
		apply(context, byListing, rank, r -> levels.byRank(r).map(l -> l.name()).orElse(String.valueOf(r)));
	}

	/** The rule itself, with the member prices, the resident's rank and the level names given (unit tests call it). */
	static void apply(PricingContext context, Map<Long, List<MemberPrice>> byListing, int rank,
			java.util.function.IntFunction<String> levelName) {
		for (int i = 0; i < context.size(); i++) {
			var price = best(byListing.getOrDefault(context.line(i).listing().value(), List.of()), rank);
			if (price.isPresent()) {
				context.lowerUnitPrice(i, price.get().price(), DiscountKind.MEMBER_PRICE, "level:" + price.get().minRank(),
						Text.of("marketing.levels.memberPrice", levelName.apply(price.get().minRank())));
			}
		}
	}

	/** The lowest member price among those of ranks up to {@code rank}. */
	static java.util.Optional<MemberPrice> best(List<MemberPrice> prices, int rank) {
		return prices.stream().filter(p -> p.minRank() <= rank)
			.min(java.util.Comparator.comparing(MemberPrice::price));
	}

}
