package com.linli.marketing.internal.campaigns;

import static com.linli.marketing.internal.campaigns.Pricings.campaign;
import static com.linli.marketing.internal.campaigns.Pricings.context;
import static com.linli.marketing.internal.campaigns.Pricings.line;
import static com.linli.marketing.internal.campaigns.Pricings.reduction;
import static com.linli.marketing.internal.campaigns.Pricings.tier;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.linli.marketing.CampaignStatus;
import com.linli.marketing.DiscountKind;
import com.linli.marketing.ListingDiscount;
import com.linli.marketing.ListingId;
import com.linli.marketing.PriceQuote;
import com.linli.marketing.Reduction;
import com.linli.marketing.internal.pricing.PricingContext;
import com.linli.shared.Money;

import org.junit.jupiter.api.Test;

class FullReductionCalculatorTests {

	private static PriceQuote price(RegionPromotions book, PricingContext context) {
		new ListingDiscountCalculator(r -> book).apply(context);
		new FullReductionCalculator(r -> book).apply(context);
		return context.quote();
	}

	private static RegionPromotions reductions(Reduction... reductions) {
		return RegionPromotions.of(List.of(), List.of(reductions), List.of());
	}

	@Test
	void theBestTierReachedIsDeductedWithItsLabel() {
		var book = reductions(reduction(1, null, null, tier(39, 5), tier(69, 12)));
		var q = price(book, context(line(1, 1, 3500, 2))); // 70.00
		assertThat(q.total(DiscountKind.FULL_REDUCTION)).isEqualTo(Money.ofFen(1200));
		assertThat(q.payable()).isEqualTo(Money.ofFen(5800));
		assertThat(q.deductions()).singleElement().satisfies(d -> {
			assertThat(d.reference()).isEqualTo("reduction:1");
			assertThat(d.label().code()).isEqualTo("marketing.campaigns.reductionLabel");
			assertThat(d.label().args()).containsExactly("69", "12");
		});
	}

	@Test
	void belowTheLowestThresholdNothingIsDeducted() {
		var book = reductions(reduction(1, null, null, tier(39, 5), tier(69, 12)));
		var q = price(book, context(line(1, 1, 3899, 1)));
		assertThat(q.deductions()).isEmpty();
		assertThat(q.payable()).isEqualTo(Money.ofFen(3899));
	}

	@Test
	void theThresholdItselfIsReached() {
		var book = reductions(reduction(1, null, null, tier(39, 5), tier(69, 12)));
		assertThat(price(book, context(line(1, 1, 3900, 1))).total(DiscountKind.FULL_REDUCTION)).isEqualTo(Money.ofFen(500));
	}

	@Test
	void aCategoryReductionCoversOnlyItsLinesAndSplitsToTheFen() {
		var book = reductions(reduction(1, 2L, null, tier(30, 10)));
		// category 2: 13.33 + 20.00 = 33.33 reaches 30; category 1 line untouched
		var q = price(book, context(line(1, 2, 1333, 1), line(2, 2, 2000, 1), line(3, 1, 5000, 1)));
		assertThat(q.line(new ListingId(3)).share(DiscountKind.FULL_REDUCTION)).isEqualTo(Money.ZERO);
		long a = q.line(new ListingId(1)).share(DiscountKind.FULL_REDUCTION).fen();
		long b = q.line(new ListingId(2)).share(DiscountKind.FULL_REDUCTION).fen();
		assertThat(a + b).isEqualTo(1000);
		assertThat(a).isEqualTo(400); // 1000 × 1333 / 3333 = 399.94 → 399, +1 fen for the larger remainder
		assertThat(b).isEqualTo(600);
		assertThat(q.lines().stream().mapToLong(l -> l.payable().fen()).sum()).isEqualTo(q.payable().fen());
	}

	@Test
	void aCategoryReductionNotReachedByItsLinesDoesNotCountOtherLines() {
		var book = reductions(reduction(1, 2L, null, tier(30, 10)));
		var q = price(book, context(line(1, 2, 2000, 1), line(2, 1, 5000, 1)));
		assertThat(q.deductions()).isEmpty();
	}

	@Test
	void perCategoryOnlyTheReductionGivingTheMostApplies() {
		var book = reductions(reduction(1, 2L, null, tier(50, 5)), reduction(2, 2L, null, tier(40, 8)));
		var q = price(book, context(line(1, 2, 6000, 1)));
		assertThat(q.deductions()).singleElement().satisfies(d -> {
			assertThat(d.reference()).isEqualTo("reduction:2");
			assertThat(d.amount()).isEqualTo(Money.ofFen(800));
		});
	}

	@Test
	void atMostOneOrderWideReductionMeasuredAfterTheCategoryOnes() {
		var book = reductions(reduction(1, 2L, null, tier(30, 10)), reduction(2, null, null, tier(69, 12)),
				reduction(3, null, null, tier(60, 6)));
		// 40 (category 2) + 30 = 70; after 10 off category 2: 60 → order-wide 69 missed, 60 reached
		var q = price(book, context(line(1, 2, 4000, 1), line(2, 1, 3000, 1)));
		assertThat(q.deductions()).extracting(PriceQuote.Deduction::reference).containsExactly("reduction:1", "reduction:3");
		assertThat(q.total(DiscountKind.FULL_REDUCTION)).isEqualTo(Money.ofFen(1600));
		assertThat(q.payable()).isEqualTo(Money.ofFen(5400));
	}

	@Test
	void theThresholdIsMeasuredAfterAListingDiscountBeforeIt() {
		var discount = new ListingDiscount(9, Pricings.REGION, new ListingId(1), null, Money.ofFen(3000), Pricings.NOW.minusSeconds(60),
				Pricings.NOW.plusSeconds(60), true);
		var book = RegionPromotions.of(List.of(), List.of(reduction(1, null, null, tier(39, 5), tier(69, 12))), List.of(discount));
		// 2 × 35.00 = 70 would reach 69; at the promotional 30.00: 60 reaches only 39
		var q = price(book, context(line(1, 1, 3500, 2)));
		assertThat(q.total(DiscountKind.LISTING_DISCOUNT)).isEqualTo(Money.ofFen(1000));
		assertThat(q.total(DiscountKind.FULL_REDUCTION)).isEqualTo(Money.ofFen(500));
		assertThat(q.payable()).isEqualTo(Money.ofFen(5500));
	}

	@Test
	void aReductionOutsideItsPeriodOrStoppedDoesNotApply() {
		var r = reduction(1, null, null, tier(39, 5));
		var later = new Reduction(2, Pricings.REGION, null, null, "later", r.tiers(), Pricings.NOW.plusSeconds(60),
				Pricings.NOW.plusSeconds(120), true);
		var stopped = new Reduction(3, Pricings.REGION, null, null, "stopped", r.tiers(), r.startsAt(), r.endsAt(), false);
		var q = price(reductions(later, stopped), context(line(1, 1, 5000, 1)));
		assertThat(q.deductions()).isEmpty();
	}

	@Test
	void aCampaignsReductionNeedsTheCampaignRunningAndItsBudgetToCoverIt() {
		var r = reduction(1, null, 5L, tier(39, 5));
		var running = RegionPromotions.of(List.of(campaign(5, CampaignStatus.RUNNING, 10_000, 0)), List.of(r), List.of());
		assertThat(price(running, context(line(1, 1, 5000, 1))).deductions()).singleElement()
			.satisfies(d -> assertThat(d.reference()).isEqualTo("campaign:5/reduction:1"));

		var draft = RegionPromotions.of(List.of(campaign(5, CampaignStatus.DRAFT, 10_000, 0)), List.of(r), List.of());
		assertThat(price(draft, context(line(1, 1, 5000, 1))).deductions()).isEmpty();

		var spent = RegionPromotions.of(List.of(campaign(5, CampaignStatus.RUNNING, 10_000, 9_600)), List.of(r), List.of());
		assertThat(price(spent, context(line(1, 1, 5000, 1))).deductions()).isEmpty();
	}

	@Test
	void whenTheBestCampaignReductionIsOverBudgetTheNextBestInTheScopeApplies() {
		var campaignOne = reduction(1, null, 5L, tier(39, 10));
		var plain = reduction(2, null, null, tier(39, 5));
		var book = RegionPromotions.of(List.of(campaign(5, CampaignStatus.RUNNING, 10_000, 9_500)), List.of(campaignOne, plain),
				List.of());
		assertThat(price(book, context(line(1, 1, 5000, 1))).deductions()).extracting(PriceQuote.Deduction::reference)
			.containsExactly("reduction:2");
	}

	@Test
	void tiersOfYuanAndFenAreWrittenAsOnAPoster() {
		assertThat(Reduction.Tier.yuan(Money.ofFen(6900))).isEqualTo("69");
		assertThat(Reduction.Tier.yuan(Money.ofFen(3990))).isEqualTo("39.9");
		assertThat(Reduction.Tier.yuan(Money.ofFen(1))).isEqualTo("0.01");
	}

	@Test
	void theLabelOfATierIsManJian() {
		assertThat(FullReductionCalculator.label(tier(69, 12)).args()).containsExactly("69", "12");
	}
}
