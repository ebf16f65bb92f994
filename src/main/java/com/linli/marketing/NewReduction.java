package com.linli.marketing;

import java.time.Instant;
import java.util.List;

import com.linli.catalog.CategoryId;
import com.linli.network.RegionId;

/**
 * A full reduction to create: in a region (or in a campaign, whose region and dates it takes when its own
 * are null), order-wide or on one category, with its tiers.
 */
public record NewReduction(RegionId regionId, CampaignId campaignId, CategoryId categoryId, String name,
		List<Reduction.Tier> tiers, Instant startsAt, Instant endsAt) {

	public NewReduction {
		tiers = tiers == null ? List.of() : List.copyOf(tiers);
	}
}
