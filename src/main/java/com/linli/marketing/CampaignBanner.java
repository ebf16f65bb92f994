package com.linli.marketing;

import java.util.List;

/** What the storefront shows of a region's running campaign: the campaign, its phase today, and its full reductions. */
public record CampaignBanner(Campaign campaign, CampaignPhase phase, List<String> reductions) {

	public CampaignBanner {
		reductions = List.copyOf(reductions);
	}
}
