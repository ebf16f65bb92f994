package com.linli.marketing;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.linli.catalog.CategoryId;
import com.linli.network.RegionId;
import com.linli.shared.Money;

/**
 * A tiered full reduction (满减) of a region between {@code startsAt} and {@code endsAt}: the lines it covers
 * (every line, or those of one category) get the best tier their amount reaches (满 69 减 12). A reduction
 * of a campaign also needs the campaign to give discounts, and its budget to cover it.
 */
public record Reduction(long id, RegionId regionId, CampaignId campaignId, CategoryId categoryId, String name,
		List<Tier> tiers, Instant startsAt, Instant endsAt, boolean active) {

	/** Above {@code threshold} (inclusive), {@code amount} off. */
	public record Tier(Money threshold, Money amount) {

		/** "69" for 69.00, "39.9" for 39.90: how a tier is written on a poster. */
		public static String yuan(Money m) {
			return m.yuan().stripTrailingZeros().toPlainString();
		}
	}

	public Reduction {
		tiers = tiers.stream().sorted(Comparator.comparing(Tier::threshold)).toList();
	}

	/** The highest tier that {@code amount} reaches. */
	public Optional<Tier> bestTier(Money amount) {
		Tier best = null;
		for (Tier t : tiers) {
			if (amount.compareTo(t.threshold()) >= 0 && (best == null || t.amount().isGreaterThan(best.amount()))) {
				best = t;
			}
		}
		return Optional.ofNullable(best);
	}

	public boolean isOnAt(Instant at) {
		return active && !at.isBefore(startsAt) && at.isBefore(endsAt);
	}

	public boolean isOrderWide() {
		return categoryId == null;
	}

	/** What the explanation line points at: "reduction:3", or "campaign:2/reduction:3". */
	public String reference() {
		return (campaignId == null ? "" : "campaign:" + campaignId.value() + "/") + "reduction:" + id;
	}

	/** "满39减5 / 满69减12" */
	public String tiersText() {
		return String.join(" / ", tiers.stream().map(t -> "满" + Tier.yuan(t.threshold()) + "减" + Tier.yuan(t.amount())).toList());
	}
}
