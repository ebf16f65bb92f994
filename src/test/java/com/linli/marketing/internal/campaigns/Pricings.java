package com.linli.marketing.internal.campaigns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.linli.catalog.CategoryId;
import com.linli.catalog.SkuId;
import com.linli.identity.AccountId;
import com.linli.marketing.Campaign;
import com.linli.marketing.CampaignId;
import com.linli.marketing.CampaignStatus;
import com.linli.marketing.Festival;
import com.linli.marketing.ListingId;
import com.linli.marketing.PriceRequest;
import com.linli.marketing.Reduction;
import com.linli.marketing.internal.pricing.PricingContext;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.shared.Money;

/** Small builders for the calculators' unit tests: lines are (listing id, category id, unit price fen, quantity). */
final class Pricings {

	static final Instant NOW = Instant.parse("2026-12-06T02:00:00Z");

	static final RegionId REGION = new RegionId(1);

	private Pricings() {
	}

	static PriceRequest.Line line(long listing, long category, long unitFen, int quantity) {
		return new PriceRequest.Line(new ListingId(listing), new SkuId(listing), new CategoryId(category), Money.ofFen(unitFen),
				quantity);
	}

	static PricingContext context(PriceRequest.Line... lines) {
		return new PricingContext(PriceRequest.of(new AccountId(7), REGION, new PickupPointId(1), List.of(lines)), NOW);
	}

	static Reduction.Tier tier(long thresholdYuan, long amountYuan) {
		return new Reduction.Tier(Money.ofFen(thresholdYuan * 100), Money.ofFen(amountYuan * 100));
	}

	static Reduction reduction(long id, Long category, Long campaign, Reduction.Tier... tiers) {
		return new Reduction(id, REGION, campaign == null ? null : new CampaignId(campaign),
				category == null ? null : new CategoryId(category), "r" + id, List.of(tiers), NOW.minusSeconds(3600),
				NOW.plusSeconds(3600), true);
	}

	static Campaign campaign(long id, CampaignStatus status, long budgetFen, long spentFen) {
		return new Campaign(new CampaignId(id), REGION, "双12", Festival.DOUBLE_TWELVE, java.time.LocalDate.of(2026, 12, 1), 7, 3,
				5, NOW.minusSeconds(86_400), NOW.plusSeconds(86_400 * 9), Money.ofFen(budgetFen), Money.ofFen(spentFen), status, 0);
	}

	static List<Campaign> list(Campaign... campaigns) {
		return new ArrayList<>(List.of(campaigns));
	}
}
