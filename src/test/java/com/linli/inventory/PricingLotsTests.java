package com.linli.inventory;

import java.time.LocalDate;
import java.util.List;

import com.linli.catalog.SkuId;
import com.linli.inventory.internal.pricing.PriceRule;
import com.linli.inventory.internal.pricing.PricingFacts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How batches become the price rule's lots, and their unit cost: plain JUnit. */
class PricingLotsTests {

	static final SkuId SKU = new SkuId(1);

	static final LocalDate FIRST = LocalDate.of(2026, 12, 8);

	@Test
	void reservedUnitsLeaveTheFirstExpiringBatchesAndSellingDaysCountFromTheFirstPickupDay() {
		var batches = List.of(new PricingFacts.Batch(SKU, FIRST.plusDays(1), 4, 500L),
				new PricingFacts.Batch(SKU, FIRST.plusDays(3), 10, 800L), new PricingFacts.Batch(SKU, null, 6, null));
		// 6 reserved: the first batch's 4 and 2 of the second
		assertThat(PriceSuggestionManagement.lots(batches, 6, FIRST))
			.containsExactly(new PriceRule.Lot(3, 8), new PriceRule.Lot(null, 6));
		// a batch expiring on the first pickup day can no longer be sold
		assertThat(PriceSuggestionManagement.lots(List.of(new PricingFacts.Batch(SKU, FIRST, 5, null)), 0, FIRST))
			.containsExactly(new PriceRule.Lot(0, 5));
	}

	@Test
	void unitCostIsWeightedByUnitsOverBatchesWithAKnownCost() {
		// (4 x 5.00 + 10 x 8.00) / 14 = 7.142857 -> 714 fen; the batch without a cost is left out
		var batches = List.of(new PricingFacts.Batch(SKU, null, 4, 500L), new PricingFacts.Batch(SKU, null, 10, 800L),
				new PricingFacts.Batch(SKU, null, 6, null));
		assertThat(PriceSuggestionManagement.unitCost(batches)).isEqualTo(714L);
		assertThat(PriceSuggestionManagement.unitCost(List.of(new PricingFacts.Batch(SKU, null, 6, null)))).isNull();
	}
}
