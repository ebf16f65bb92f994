package com.linli.marketing.internal.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import com.linli.catalog.CategoryId;
import com.linli.catalog.SkuId;
import com.linli.identity.AccountId;
import com.linli.marketing.DiscountKind;
import com.linli.marketing.ListingId;
import com.linli.marketing.PriceRequest;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.shared.Money;
import com.linli.shared.Text;

import org.junit.jupiter.api.Test;

class PricingContextTests {

	private static PricingContext context(long... unitPricesAndQuantities) {
		var lines = new java.util.ArrayList<PriceRequest.Line>();
		for (int i = 0; i < unitPricesAndQuantities.length; i += 2) {
			lines.add(new PriceRequest.Line(new ListingId(i + 1), new SkuId(i + 1), new CategoryId(1),
					Money.ofFen(unitPricesAndQuantities[i]), (int) unitPricesAndQuantities[i + 1]));
		}
		return new PricingContext(PriceRequest.of(new AccountId(7), new RegionId(1), new PickupPointId(1), lines),
				Instant.parse("2026-12-06T02:00:00Z"));
	}

	private static final Text LABEL = Text.of("marketing.test.label");

	@Test
	void splitsADeductionInProportionToWhatEachLineCostsExactToTheFen() {
		var c = context(1000, 1, 2000, 1, 333, 3); // 10.00, 20.00, 9.99
		Money taken = c.deduct(DiscountKind.FULL_REDUCTION, "reduction:1", LABEL, Money.ofFen(500), i -> true);
		assertThat(taken).isEqualTo(Money.ofFen(500));
		var q = c.quote();
		assertThat(q.lines()).extracting(l -> l.share(DiscountKind.FULL_REDUCTION).fen()).containsExactly(125L, 250L, 125L);
		assertThat(q.lines().stream().mapToLong(l -> l.payable().fen()).sum()).isEqualTo(q.payable().fen());
		assertThat(q.payable()).isEqualTo(Money.ofFen(3999 - 500));
		assertThat(q.deductions()).singleElement().satisfies(d -> assertThat(d.amount()).isEqualTo(Money.ofFen(500)));
	}

	@Test
	void onlyEligibleLinesCarryADeductionAndNoLineGoesBelowZero() {
		var c = context(1000, 1, 200, 1);
		Money taken = c.deduct(DiscountKind.COUPON, "coupon:1", LABEL, Money.ofFen(500), i -> i == 1);
		assertThat(taken).isEqualTo(Money.ofFen(200));
		assertThat(c.payable(1)).isEqualTo(Money.ZERO);
		assertThat(c.payable(0)).isEqualTo(Money.ofFen(1000));
	}

	@Test
	void theOrderAlwaysCostsAtLeastAFen() {
		var c = context(300, 1);
		assertThat(c.deduct(DiscountKind.COUPON, "coupon:1", LABEL, Money.ofFen(1000), i -> true)).isEqualTo(Money.ofFen(299));
		assertThat(c.quote().payable()).isEqualTo(Money.ofFen(1));
		assertThat(c.deduct(DiscountKind.POINTS, "points", LABEL, Money.ofFen(1), i -> true)).isEqualTo(Money.ZERO);
		assertThat(c.quote().deductions()).hasSize(1);
	}

	@Test
	void aLowerUnitPriceBecomesTheLinesShareOfItsKind() {
		var c = context(1290, 3);
		assertThat(c.lowerUnitPrice(0, Money.ofFen(990), DiscountKind.MEMBER_PRICE, "level:2", LABEL)).isTrue();
		assertThat(c.lowerUnitPrice(0, Money.ofFen(1000), DiscountKind.LISTING_DISCOUNT, "listing:1", LABEL)).isFalse();
		assertThat(c.unitPrice(0)).isEqualTo(Money.ofFen(990));
		assertThat(c.quote().line(new ListingId(1)).share(DiscountKind.MEMBER_PRICE)).isEqualTo(Money.ofFen(900));
		assertThat(c.quote().payable()).isEqualTo(Money.ofFen(2970));
		assertThatThrownBy(() -> c.lowerUnitPrice(0, Money.ofFen(1), DiscountKind.COUPON, "c", LABEL))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void allocationGivesLeftoverFenToTheLargestRemaindersAndNeverToAZeroWeight() {
		assertThat(Allocation.proportional(100, new long[] { 1, 1, 1 })).containsExactly(34, 33, 33);
		assertThat(Allocation.proportional(5, new long[] { 0, 3, 7 })).containsExactly(0, 2, 3);
		assertThat(Allocation.proportional(0, new long[] { 0, 0 })).containsExactly(0, 0);
		long[] parts = Allocation.proportional(999_999, new long[] { 17, 1_000_003, 5, 999_983 });
		assertThat(java.util.Arrays.stream(parts).sum()).isEqualTo(999_999);
		assertThatThrownBy(() -> Allocation.proportional(1, new long[] { 0 })).isInstanceOf(IllegalArgumentException.class);
	}
}
