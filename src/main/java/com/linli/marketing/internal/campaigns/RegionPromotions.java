package com.linli.marketing.internal.campaigns;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.linli.marketing.Campaign;
import com.linli.marketing.CampaignId;
import com.linli.marketing.ListingDiscount;
import com.linli.marketing.ListingId;
import com.linli.marketing.Reduction;
import com.linli.shared.Money;

/**
 * A region's promotion definitions as the price engine reads them from the cache: the campaigns that may
 * give discounts (with their budget as last loaded), the active full reductions, the listing discounts by
 * listing. Immutable; a new one is loaded when the cache forgets the old one.
 */
public record RegionPromotions(Map<CampaignId, Campaign> campaigns, List<Reduction> reductions,
		Map<ListingId, List<ListingDiscount>> discounts) {

	public static final RegionPromotions NONE = new RegionPromotions(Map.of(), List.of(), Map.of());

	public RegionPromotions {
		campaigns = Map.copyOf(campaigns);
		reductions = List.copyOf(reductions);
		discounts = Map.copyOf(discounts);
	}

	public static RegionPromotions of(List<Campaign> campaigns, List<Reduction> reductions, List<ListingDiscount> discounts) {
		return new RegionPromotions(campaigns.stream().collect(Collectors.toMap(Campaign::id, c -> c)), reductions,
				discounts.stream().collect(Collectors.groupingBy(ListingDiscount::listingId)));
	}

	/**
	 * Whether a promotion of {@code campaign} (null: none) may give {@code amount} at {@code at}: the campaign
	 * gives discounts then, and what is left of its budget (as last loaded) covers the amount. The order's
	 * hook decides for good with a conditional update; this keeps a spent campaign out of quotes.
	 */
	public boolean allows(CampaignId campaign, Money amount, Instant at) {
		if (campaign == null) {
			return true;
		}
		Campaign c = campaigns.get(campaign);
		return c != null && c.givesDiscountsAt(at) && c.remaining().compareTo(amount) >= 0;
	}

	public List<ListingDiscount> discountsOf(ListingId listing) {
		return discounts.getOrDefault(listing, List.of());
	}
}
