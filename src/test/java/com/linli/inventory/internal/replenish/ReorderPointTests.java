package com.linli.inventory.internal.replenish;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The reorder point with a service level, computed by hand. */
class ReorderPointTests {

	// 4 a day, p80 5, p95 6: lead 2 days -> mean 8, p95 8 + sqrt(2^2 + 2^2) = 10.828 -> reorder point 11;
	// review 7 days -> 28 more: order up to 39
	final ReorderPoint policy = new ReorderPoint(2, 7, 0.95);

	@Test
	void atOrBelowTheReorderPointOrderUpToItPlusTheReviewPeriod() {
		var d = policy.decide(NewsvendorTests.same(7, 4, 4, 5, 6), 5, 3);
		assertThat(d.leadDemand().quantile(0.95)).isEqualTo(8 + Math.sqrt(8), within(1e-9));
		assertThat(d.reorderPoint()).isEqualTo(11);
		assertThat(d.reviewMean()).isEqualTo(28);
		assertThat(d.orderUpTo()).isEqualTo(39);
		assertThat(d.suggested()).isEqualTo(39 - 5 - 3);
		assertThat(policy.decide(NewsvendorTests.same(7, 4, 4, 5, 6), 11, 0).suggested()).isEqualTo(28);
	}

	@Test
	void aboveTheReorderPointNothingIsBought() {
		assertThat(policy.decide(NewsvendorTests.same(7, 4, 4, 5, 6), 10, 2).suggested()).isZero();
		assertThat(policy.decide(NewsvendorTests.same(7, 4, 4, 5, 6), 0, 12).suggested()).isZero();
	}

	@Test
	void aLowerServiceLevelReadsALowerQuantile() {
		// 0.8: 8 + sqrt(1 + 1) = 9.414 -> 10
		assertThat(new ReorderPoint(2, 7, 0.8).decide(NewsvendorTests.same(7, 4, 4, 5, 6), 0, 0).reorderPoint())
			.isEqualTo(10);
	}
}
