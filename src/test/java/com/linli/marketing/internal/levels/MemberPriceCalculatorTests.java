package com.linli.marketing.internal.levels;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.linli.catalog.CategoryId;
import com.linli.catalog.SkuId;
import com.linli.identity.AccountId;
import com.linli.marketing.DiscountKind;
import com.linli.marketing.ListingId;
import com.linli.marketing.MemberPrice;
import com.linli.marketing.PriceRequest;
import com.linli.marketing.internal.pricing.PricingContext;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.shared.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Member prices: the lowest price of the levels the resident reached replaces the group price of the line. */
class MemberPriceCalculatorTests {

	static final Map<Long, List<MemberPrice>> PRICES = Map.of(1L, List.of(
			new MemberPrice(new ListingId(1), 1, Money.ofFen(950)), new MemberPrice(new ListingId(1), 2, Money.ofFen(900))));

	private static PricingContext context() {
		return new PricingContext(PriceRequest.of(new AccountId(7), new RegionId(1), new PickupPointId(1), List.of(
				new PriceRequest.Line(new ListingId(1), new SkuId(1), new CategoryId(1), Money.ofFen(1000), 3),
				new PriceRequest.Line(new ListingId(2), new SkuId(2), new CategoryId(1), Money.ofFen(500), 1))),
				Instant.parse("2026-12-06T02:00:00Z"));
	}

	@Test
	void aMemberPaysTheLowestPriceOfTheLevelsReached() {
		var c = context();
		MemberPriceCalculator.apply(c, PRICES, 3, r -> "L" + r);
		var q = c.quote();
		assertThat(q.lines().get(0).share(DiscountKind.MEMBER_PRICE)).isEqualTo(Money.ofFen(300));
		assertThat(q.lines().get(1).share(DiscountKind.MEMBER_PRICE)).isEqualTo(Money.ZERO);
		assertThat(q.payable()).isEqualTo(Money.ofFen(2700 + 500));
		assertThat(q.deductions()).singleElement().satisfies(d -> assertThat(d.reference()).isEqualTo("level:2"));
	}

	@Test
	void aLevelBelowTheMinimumPaysTheGroupPrice() {
		var c = context();
		MemberPriceCalculator.apply(c, PRICES, 0, r -> "L" + r);
		assertThat(c.quote().payable()).isEqualTo(Money.ofFen(3500));
		var silver = context();
		MemberPriceCalculator.apply(silver, PRICES, 1, r -> "L" + r);
		assertThat(silver.quote().payable()).isEqualTo(Money.ofFen(2850 + 500));
	}

	@Test
	void theBestPriceIsChosenWhateverTheOrder() {
		var reversed = List.of(new MemberPrice(new ListingId(1), 2, Money.ofFen(900)),
				new MemberPrice(new ListingId(1), 0, Money.ofFen(990)));
		assertThat(MemberPriceCalculator.best(reversed, 5)).get().extracting(MemberPrice::minRank).isEqualTo(2);
		assertThat(MemberPriceCalculator.best(reversed, 0)).get().extracting(MemberPrice::minRank).isEqualTo(0);
		assertThat(MemberPriceCalculator.best(List.of(), 5)).isEmpty();
	}
}
