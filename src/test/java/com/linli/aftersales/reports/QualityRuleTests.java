package com.linli.aftersales.reports;

import java.math.BigDecimal;

import com.linli.aftersales.internal.reports.QualityRule;
import com.linli.aftersales.internal.reports.QualityRule.Basis;
import com.linli.aftersales.internal.reports.QualityRule.CategoryFigures;
import com.linli.aftersales.internal.reports.QualityRule.Figures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The daily quality alert's arithmetic: factor 2, at least 5 requests, floor 1 %. */
class QualityRuleTests {

	final QualityRule rule = new QualityRule(new BigDecimal("2"), 5, new BigDecimal("0.01"));

	@Test
	void aJumpAboveTwiceTheSkusOwnRateWithFiveRequestsAlerts() {
		// day: 6 of 100 = 6 %; baseline: 20 of 1000 = 2 %; 6 % > 4 %
		var v = rule.judge(new Figures(6, 100, 20, 1000, 10), CategoryFigures.NONE).orElseThrow();
		assertThat(v.alert()).isTrue();
		assertThat(v.rate()).isCloseTo(0.06, within(1e-12));
		assertThat(v.baselineRate()).isCloseTo(0.02, within(1e-12));
		assertThat(v.basis()).isEqualTo(Basis.SKU);
	}

	@Test
	void exactlyTwiceIsNoAlert() {
		// day: 10 of 100 = 10 %; baseline 50 of 1000 = 5 %; 10 % is not above 2 x 5 %
		assertThat(rule.judge(new Figures(10, 100, 50, 1000, 10), CategoryFigures.NONE).orElseThrow().alert()).isFalse();
		// one request more is
		assertThat(rule.judge(new Figures(11, 100, 50, 1000, 10), CategoryFigures.NONE).orElseThrow().alert()).isTrue();
		// twice a rate that has no exact binary form (1/3 -> 2/3): still exactly twice, no alert
		assertThat(rule.judge(new Figures(6, 9, 1, 3, 3), CategoryFigures.NONE).orElseThrow().alert()).isFalse();
	}

	@Test
	void fourRequestsAreNotEnoughWhateverTheRate() {
		var v = rule.judge(new Figures(4, 10, 1, 1000, 10), CategoryFigures.NONE).orElseThrow();
		assertThat(v.rate()).isCloseTo(0.4, within(1e-12));
		assertThat(v.alert()).isFalse();
		assertThat(rule.judge(new Figures(5, 10, 1, 1000, 10), CategoryFigures.NONE).orElseThrow().alert()).isTrue();
	}

	@Test
	void aSteadySkuIsNoAlert() {
		// 5 of 100 every day: 5 % against 5 %
		assertThat(rule.judge(new Figures(5, 100, 140, 2800, 28), CategoryFigures.NONE).orElseThrow().alert()).isFalse();
	}

	@Test
	void noHistoryTakesTheCategorysRateThenTheFloor() {
		// a new SKU: 5 of 100 = 5 %; its category had 30 of 1000 = 3 %: 5 % <= 6 %, no alert
		var byCategory = rule.judge(new Figures(5, 100, 0, 0, 0), new CategoryFigures(30, 1000)).orElseThrow();
		assertThat(byCategory.basis()).isEqualTo(Basis.CATEGORY);
		assertThat(byCategory.baselineRate()).isCloseTo(0.03, within(1e-12));
		assertThat(byCategory.alert()).isFalse();
		// the category at 2 %: 5 % > 4 %, alert
		assertThat(rule.judge(new Figures(5, 100, 0, 0, 0), new CategoryFigures(20, 1000)).orElseThrow().alert()).isTrue();
		// no category figures either: the floor 1 %, 5 of 300 = 1.67 % <= 2 %: none; 5 of 200 = 2.5 %: alert
		var byFloor = rule.judge(new Figures(5, 300, 0, 0, 0), CategoryFigures.NONE).orElseThrow();
		assertThat(byFloor.basis()).isEqualTo(Basis.FLOOR);
		assertThat(byFloor.alert()).isFalse();
		assertThat(rule.judge(new Figures(5, 200, 0, 0, 0), CategoryFigures.NONE).orElseThrow().alert()).isTrue();
	}

	@Test
	void theFloorIsTheLeastBaseline() {
		// weeks without a complaint (0 %): 5 of 1000 = 0.5 % is not a jump above the 1 % floor
		var v = rule.judge(new Figures(5, 1000, 0, 28_000, 28), CategoryFigures.NONE).orElseThrow();
		assertThat(v.basis()).isEqualTo(Basis.FLOOR);
		assertThat(v.alert()).isFalse();
		// 5 of 100 = 5 % is
		assertThat(rule.judge(new Figures(5, 100, 0, 28_000, 28), CategoryFigures.NONE).orElseThrow().alert()).isTrue();
	}

	@Test
	void aDayWithoutPickupsDividesByTheAveragePickupDay() {
		// not picked up on the day: 280 units over 14 pickup days = 20 a day; 6 of 20 = 30 % against 28/280 = 10 %
		var v = rule.judge(new Figures(6, 0, 28, 280, 14), CategoryFigures.NONE).orElseThrow();
		assertThat(v.rate()).isCloseTo(0.30, within(1e-12));
		assertThat(v.alert()).isTrue();
		// nothing handed out at all: nothing to judge
		assertThat(rule.judge(new Figures(6, 0, 0, 0, 0), new CategoryFigures(1, 100))).isEmpty();
	}
}
