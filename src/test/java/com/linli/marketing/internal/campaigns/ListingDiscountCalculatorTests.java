package com.linli.marketing.internal.campaigns;

import static com.linli.marketing.internal.campaigns.Pricings.NOW;
import static com.linli.marketing.internal.campaigns.Pricings.REGION;
import static com.linli.marketing.internal.campaigns.Pricings.campaign;
import static com.linli.marketing.internal.campaigns.Pricings.context;
import static com.linli.marketing.internal.campaigns.Pricings.line;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.linli.marketing.CampaignId;
import com.linli.marketing.CampaignStatus;
import com.linli.marketing.DiscountKind;
import com.linli.marketing.ListingDiscount;
import com.linli.marketing.ListingId;
import com.linli.marketing.PriceQuote;
import com.linli.shared.Money;

import org.junit.jupiter.api.Test;

class ListingDiscountCalculatorTests {

	private static ListingDiscount discount(long id, long listing, Long campaign, long priceFen, long fromSeconds, long toSeconds) {
		return new ListingDiscount(id, REGION, new ListingId(listing), campaign == null ? null : new CampaignId(campaign),
				Money.ofFen(priceFen), NOW.plusSeconds(fromSeconds), NOW.plusSeconds(toSeconds), true);
	}

	private static PriceQuote price(RegionPromotions book, com.linli.marketing.PriceRequest.Line... lines) {
		var c = context(lines);
		new ListingDiscountCalculator(r -> book).apply(c);
		return c.quote();
	}

	@Test
	void thePromotionalPriceReplacesTheUnitPriceForEveryUnit() {
		var book = RegionPromotions.of(List.of(), List.of(), List.of(discount(1, 1, null, 999, -60, 60)));
		var q = price(book, line(1, 1, 1280, 3), line(2, 1, 500, 1));
		assertThat(q.line(new ListingId(1)).share(DiscountKind.LISTING_DISCOUNT)).isEqualTo(Money.ofFen(3 * 281));
		assertThat(q.line(new ListingId(2)).shares()).isEmpty();
		assertThat(q.payable()).isEqualTo(Money.ofFen(3 * 999 + 500));
		assertThat(q.deductions()).singleElement().satisfies(d -> {
			assertThat(d.reference()).isEqualTo("discount:1");
			assertThat(d.label().code()).isEqualTo("marketing.campaigns.discountLabel");
		});
	}

	@Test
	void onlyBetweenItsStartAndEnd() {
		var book = RegionPromotions.of(List.of(), List.of(),
				List.of(discount(1, 1, null, 999, 1, 60), discount(2, 1, null, 899, -60, 0)));
		assertThat(price(book, line(1, 1, 1280, 1)).deductions()).isEmpty();
	}

	@Test
	void theLowestOfSeveralApplies() {
		var book = RegionPromotions.of(List.of(), List.of(),
				List.of(discount(1, 1, null, 999, -60, 60), discount(2, 1, null, 899, -60, 60)));
		assertThat(price(book, line(1, 1, 1280, 1)).payable()).isEqualTo(Money.ofFen(899));
	}

	@Test
	void aCampaignsDiscountStopsWhenItsBudgetCannotCoverTheLine() {
		var d = discount(1, 1, 5L, 1000, -60, 60);
		var enough = RegionPromotions.of(List.of(campaign(5, CampaignStatus.RUNNING, 10_000, 9_400)), List.of(), List.of(d));
		// 2 units × 2.80 = 5.60 fits in 6.00 left
		assertThat(price(enough, line(1, 1, 1280, 2)).payable()).isEqualTo(Money.ofFen(2000));
		// the second listing's saving would pass what is left once the first took its share
		var d2 = discount(2, 2, 5L, 1000, -60, 60);
		var two = RegionPromotions.of(List.of(campaign(5, CampaignStatus.RUNNING, 10_000, 9_400)), List.of(), List.of(d, d2));
		var q = price(two, line(1, 1, 1280, 2), line(2, 1, 1280, 1));
		assertThat(q.total(DiscountKind.LISTING_DISCOUNT)).isEqualTo(Money.ofFen(560));
		var ended = RegionPromotions.of(List.of(campaign(5, CampaignStatus.ENDED, 10_000, 0)), List.of(), List.of(d));
		assertThat(price(ended, line(1, 1, 1280, 2)).deductions()).isEmpty();
	}
}
