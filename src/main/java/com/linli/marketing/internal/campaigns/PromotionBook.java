package com.linli.marketing.internal.campaigns;

import java.time.Duration;

import com.linli.network.RegionId;
import com.linli.shared.ReadCache;

import org.springframework.stereotype.Component;

/**
 * The cache of every region's campaigns, full reductions and listing discounts: three queries per region
 * when it is loaded, none per quote. Every change by the console forgets everything; the budget moved by
 * orders is not a change (that would empty the cache on every order): entries live {@link #TTL}, and a
 * refused budget forgets at once, so quotes stop offering a spent campaign's discounts.
 */
@Component
public class PromotionBook implements PromotionSource {

	static final Duration TTL = Duration.ofSeconds(15);

	private final ReadCache<RegionId, RegionPromotions> cache = new ReadCache<>("marketing.promotion", TTL, 10_000);

	private final Campaigns campaigns;

	private final Reductions reductions;

	PromotionBook(Campaigns campaigns, Reductions reductions) {
		this.campaigns = campaigns;
		this.reductions = reductions;
	}

	@Override
	public RegionPromotions of(RegionId region) {
		return cache.get(region, r -> RegionPromotions.of(campaigns.givingDiscounts(r), reductions.activeIn(r),
				reductions.activeDiscountsIn(r)));
	}

	/** Forgets every region now and after the current transaction ends. */
	public void changed() {
		cache.clear();
	}
}
