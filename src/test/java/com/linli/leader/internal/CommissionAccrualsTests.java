package com.linli.leader.internal;

import java.util.Map;

import com.linli.catalog.CategoryId;
import com.linli.shared.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reversals share an accrual by units without ever giving back more; categories are followed upwards. */
class CommissionAccrualsTests {

	@Test
	void reversalsOfEveryUnitAddUpToTheAccrualExactly() {
		Money earned = Money.ofFen(296);
		long reversed = 0;
		for (int units = 1; units <= 3; units++) {
			long cumulative = CommissionAccruals.shareOf(earned, units, 3).fen();
			long step = cumulative - reversed;
			assertThat(step).isBetween(98L, 99L);
			reversed = cumulative;
		}
		assertThat(reversed).isEqualTo(296);
		assertThat(CommissionAccruals.shareOf(Money.ofFen(1), 1, 2)).isEqualTo(Money.ofFen(1)); // 0.5 up
		assertThat(CommissionAccruals.shareOf(Money.ofFen(1), 2, 2)).isEqualTo(Money.ofFen(1));
		assertThat(CommissionAccruals.shareOf(Money.ZERO, 1, 7)).isEqualTo(Money.ZERO);
	}

	@Test
	void theCategoryPathGoesFromTheLineUpToTheTop() {
		var apples = new CategoryId(3);
		var fruit = new CategoryId(2);
		var fresh = new CategoryId(1);
		Map<CategoryId, CategoryId> parents = Map.of(apples, fruit, fruit, fresh);
		assertThat(CommissionAccruals.path(apples, parents)).containsExactly(apples, fruit, fresh);
		assertThat(CommissionAccruals.path(fresh, parents)).containsExactly(fresh);
		assertThat(CommissionAccruals.path(null, parents)).isEmpty();
		// a broken tree (a loop) ends instead of spinning
		assertThat(CommissionAccruals.path(apples, Map.of(apples, fruit, fruit, apples))).containsExactly(apples, fruit);
	}
}
