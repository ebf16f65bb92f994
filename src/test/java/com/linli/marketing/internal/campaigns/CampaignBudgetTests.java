package com.linli.marketing.internal.campaigns;

import static com.linli.marketing.internal.campaigns.Pricings.NOW;
import static com.linli.marketing.internal.campaigns.Pricings.campaign;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.linli.marketing.CampaignId;
import com.linli.marketing.CampaignStatus;
import com.linli.marketing.DiscountKind;
import com.linli.marketing.PriceQuote.Deduction;
import com.linli.shared.Money;
import com.linli.shared.Text;

import org.junit.jupiter.api.Test;

/** The budget rule as the cache applies it, and how the hook finds a campaign's share of an order. */
class CampaignBudgetTests {

	@Test
	void aCampaignAllowsADiscountWhileWhatIsLeftCoversIt() {
		var book = RegionPromotions.of(List.of(campaign(5, CampaignStatus.RUNNING, 10_000, 8_000)), List.of(), List.of());
		assertThat(book.allows(new CampaignId(5), Money.ofFen(2_000), NOW)).isTrue();
		assertThat(book.allows(new CampaignId(5), Money.ofFen(2_001), NOW)).isFalse();
		assertThat(book.allows(null, Money.ofFen(1_000_000), NOW)).as("no campaign, no budget").isTrue();
		assertThat(book.allows(new CampaignId(6), Money.ofFen(1), NOW)).as("a campaign not giving discounts").isFalse();
	}

	@Test
	void onlyScheduledOrRunningCampaignsBetweenTheirDatesGiveDiscounts() {
		for (CampaignStatus s : CampaignStatus.values()) {
			var c = campaign(5, s, 10_000, 0);
			assertThat(c.givesDiscountsAt(NOW)).as(s.name()).isEqualTo(s == CampaignStatus.SCHEDULED || s == CampaignStatus.RUNNING);
			assertThat(c.givesDiscountsAt(c.endsAt())).isFalse();
			assertThat(c.givesDiscountsAt(c.startsAt().minusSeconds(1))).isFalse();
		}
	}

	@Test
	void theHookAddsUpEachCampaignsDeductionsOfAnOrder() {
		Text label = Text.of("marketing.test.label");
		var deductions = List.of(new Deduction(DiscountKind.LISTING_DISCOUNT, "campaign:5/discount:1", label, Money.ofFen(300)),
				new Deduction(DiscountKind.FULL_REDUCTION, "campaign:5/reduction:2", label, Money.ofFen(1200)),
				new Deduction(DiscountKind.FULL_REDUCTION, "campaign:12/reduction:7", label, Money.ofFen(500)),
				new Deduction(DiscountKind.FULL_REDUCTION, "reduction:3", label, Money.ofFen(700)),
				new Deduction(DiscountKind.COUPON, "coupon:812", label, Money.ofFen(1000)));
		assertThat(CampaignOrderHook.byCampaign(deductions)).containsExactly(java.util.Map.entry(5L, 1500L),
				java.util.Map.entry(12L, 500L));
	}
}
