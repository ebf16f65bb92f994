package com.linli.marketing.internal.points;

import java.time.Instant;
import java.util.ArrayList;

import com.linli.catalog.CategoryId;
import com.linli.catalog.SkuId;
import com.linli.identity.AccountId;
import com.linli.marketing.DiscountKind;
import com.linli.marketing.ListingId;
import com.linli.marketing.PriceRequest;
import com.linli.marketing.internal.pricing.PricingContext;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import com.linli.shared.Text;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Points at checkout: the rate, the cap per order, the balance, and the split over the lines to the fen. */
class PointsCalculatorTests {

	static final PointsRate HUNDRED = new PointsRate(100);

	private static PricingContext context(long points, long... unitPricesAndQuantities) {
		var lines = new ArrayList<PriceRequest.Line>();
		for (int i = 0; i < unitPricesAndQuantities.length; i += 2) {
			lines.add(new PriceRequest.Line(new ListingId(i + 1), new SkuId(i + 1), new CategoryId(1),
					Money.ofFen(unitPricesAndQuantities[i]), (int) unitPricesAndQuantities[i + 1]));
		}
		return new PricingContext(new PriceRequest(new AccountId(7), new RegionId(1), new PickupPointId(1), lines, null,
				points, null), Instant.parse("2026-12-06T02:00:00Z"));
	}

	@Test
	void spendsPointsAsMoneySplitOverTheLinesInProportion() {
		var c = context(300, 1000, 2, 500, 1); // 20.00 + 5.00
		PointsCalculator.apply(c, 300, () -> 1000, HUNDRED, 20);
		var q = c.quote();
		assertThat(q.total(DiscountKind.POINTS)).isEqualTo(Money.ofFen(300));
		assertThat(q.lines()).extracting(l -> l.share(DiscountKind.POINTS).fen()).containsExactly(240L, 60L);
		assertThat(q.payable()).isEqualTo(Money.ofFen(2200));
		assertThat(q.pointsUsed()).isEqualTo(300);
		assertThat(q.deductions()).singleElement().satisfies(d -> {
			assertThat(d.kind()).isEqualTo(DiscountKind.POINTS);
			assertThat(d.amount()).isEqualTo(Money.ofFen(300));
		});
	}

	@Test
	void cannotSpendMoreThanTheCapAndIsToldTheMost() {
		var c = context(501, 1000, 2, 500, 1); // 25.00: 20% is 5.00, 500 points
		assertThat(PointsCalculator.maxPoints(c, HUNDRED, 20)).isEqualTo(500);
		assertThatThrownBy(() -> PointsCalculator.apply(c, 501, () -> 10_000, HUNDRED, 20))
			.isInstanceOfSatisfying(BusinessRuleException.class, e -> {
				assertThat(e.code()).isEqualTo("points-above-cap");
				assertThat(e.field()).isEqualTo("points");
				assertThat(e.text().args()).containsExactly("501", "500", "20");
			});
		assertThat(c.quote().pointsUsed()).isZero();
		assertThat(c.payable()).isEqualTo(Money.ofFen(2500));
	}

	@Test
	void cannotSpendMoreThanTheBalance() {
		var c = context(200, 5000, 1);
		assertThatThrownBy(() -> PointsCalculator.apply(c, 200, () -> 150, HUNDRED, 20))
			.isInstanceOfSatisfying(BusinessRuleException.class, e -> {
				assertThat(e.code()).isEqualTo("points-above-balance");
				assertThat(e.field()).isEqualTo("points");
				assertThat(e.text().args()).containsExactly("200", "150");
			});
		assertThat(c.has(DiscountKind.POINTS)).isFalse();
	}

	@Test
	void theCapIsRoundedDownToTheFenAndToWholeSteps() {
		var c = context(0, 1234, 1); // 12.34: 20% is 2.468 → 2.46
		assertThat(PointsCalculator.maxPoints(c, HUNDRED, 20)).isEqualTo(246);
		assertThat(PointsCalculator.maxPoints(c, new PointsRate(300), 20)).isEqualTo(738); // 3 points a fen
		// 70 points a yuan: 7 points are 10 fen; 246 fen → 172.2 points → 168 (24 × 7) worth 2.40
		assertThat(PointsCalculator.maxPoints(c, new PointsRate(70), 20)).isEqualTo(168);
		assertThat(new PointsRate(70).money(168)).isEqualTo(Money.ofFen(240));
	}

	@Test
	void pointsThatAreNotWorthWholeFenAreRefused() {
		var c = context(301, 10_000, 1);
		var rate = new PointsRate(200); // 2 points a fen
		assertThatThrownBy(() -> PointsCalculator.apply(c, 301, () -> 1000, rate, 20))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("points"));
		PointsCalculator.apply(c, 300, () -> 1000, rate, 20);
		assertThat(c.quote().total(DiscountKind.POINTS)).isEqualTo(Money.ofFen(150));
	}

	@Test
	void theCapIsOnWhatIsStillPayableAfterEarlierDeductions() {
		var c = context(0, 5000, 1);
		c.deduct(DiscountKind.FULL_REDUCTION, "reduction:1", Text.of("marketing.test.label"), Money.ofFen(1000), i -> true);
		assertThat(PointsCalculator.maxPoints(c, HUNDRED, 20)).isEqualTo(800); // 20% of 40.00
		PointsCalculator.apply(c, 800, () -> 800, HUNDRED, 20);
		assertThat(c.payable()).isEqualTo(Money.ofFen(3200));
	}

	@Test
	void aSmallOrderStillCostsAFen() {
		var c = context(0, 1, 1);
		assertThat(PointsCalculator.maxPoints(c, HUNDRED, 100)).isZero();
	}

	@Test
	void convertingASpentShareBackToPointsIsExact() {
		// 300 points paid 3.00 split 240/60: each share converts back to its points
		assertThat(PointsOrderHook.floor(240, 300, 300)).isEqualTo(240);
		assertThat(PointsOrderHook.floor(60, 300, 300)).isEqualTo(60);
		// 200 points a yuan: 300 points paid 1.50, a share of 0.37 stands for 74 points
		assertThat(PointsOrderHook.floor(37, 300, 150)).isEqualTo(74);
		// earned points reversed in proportion to the money refunded, to the nearest point
		assertThat(PointsOrderHook.halfUp(1760, 22, 2200)).isEqualTo(18);
	}
}
