package com.linli.inventory.internal.pricing;

import java.util.List;

import com.linli.inventory.internal.pricing.PriceRule.Input;
import com.linli.inventory.internal.pricing.PriceRule.Kind;
import com.linli.inventory.internal.pricing.PriceRule.Lot;
import com.linli.inventory.internal.pricing.PriceRule.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The price rule and the elasticity, on figures computed by hand. */
class PriceRuleTests {

	/** A promotion at 70% of the price that sold 1.5 times the usual: ε = ln 1.5 / ln 0.7. */
	static final double EPS = Math.log(1.5) / Math.log(0.7);

	final PriceRule rule = new PriceRule();

	@Test
	void elasticityFromALiftAndThePromotionsDepth() {
		var e = Elasticity.fromLift(1.5, 0.7);
		// ln 1.5 = 0.4054651, ln 0.7 = -0.3566749: -1.1367917
		assertThat(e.value()).isEqualTo(-1.1367917, within(1e-7));
		assertThat(e.measured()).isTrue();
		// no lift (promotions sold no more) or no price cut: the default, not a zero elasticity
		assertThat(Elasticity.fromLift(1.0, 0.7).value()).isEqualTo(Elasticity.DEFAULT);
		assertThat(Elasticity.fromLift(null, null).measured()).isFalse();
		// a lift of 3 at 90%: ln 3 / ln 0.9 = -10.4, bounded to -4
		assertThat(Elasticity.fromLift(3.0, 0.9).value()).isEqualTo(Elasticity.MOST_ELASTIC);
	}

	@Test
	void liftIsPromotedUnitsOverTheUsualDayOfTheSameSkus() {
		// A: usual 10, 10, 10, 10 and promoted 16, 14 -> 30 sold over 2 x 10 expected
		// B: usual 4, 6 and promoted 5 -> 5 over 1 x 5; C never promoted: left out
		var a = new Elasticity.Series(new double[] { 10, 10, 16, 10, 14, 10 },
				new boolean[] { false, false, true, false, true, false });
		var b = new Elasticity.Series(new double[] { 4, 5, 6 }, new boolean[] { false, true, false });
		var c = new Elasticity.Series(new double[] { 100, 100 }, new boolean[] { false, false });
		// (30 + 5) / (20 + 5) = 1.4
		assertThat(Elasticity.lift(List.of(a, b, c))).isEqualTo(1.4, within(1e-12));
		assertThat(Elasticity.lift(List.of(c))).isNull();
	}

	@Test
	void theDiscountSellsTheExcessBeforeItExpires() {
		// 30 units good for 2 more pickup days, 10 a day expected at 20.00: 20 sell, 10 expire.
		// Clearing needs 15 a day = 1.5 x: p = 20.00 x 1.5^(1/ε) = 20.00 x 0.7 = 14.00
		var s = rule.suggest(new Input(2000, 2000L, 800L, 10, List.of(new Lot(2, 30)), EPS, null));
		assertThat(s.kind()).isEqualTo(Kind.DISCOUNT);
		assertThat(s.reason()).isEqualTo(Reason.EXPIRY);
		assertThat(s.priceFen()).isEqualTo(1400);
		assertThat(s.coverDays()).isEqualTo(3.0);
		assertThat(s.shelfDays()).isEqualTo(2);
		assertThat(s.horizonDays()).isEqualTo(2);
		assertThat(s.now().sold()).isEqualTo(20, within(1e-9));
		assertThat(s.now().wasted()).isEqualTo(10, within(1e-9));
		assertThat(s.suggested().sold()).isEqualTo(30, within(1e-6));
		assertThat(s.suggested().wasted()).isEqualTo(0, within(1e-6));
		// margin = sold x (price - cost) - wasted x cost: 20 x 12.00 - 10 x 8.00 = 160.00; 30 x 6.00 = 180.00
		assertThat(s.now().marginFen()).isEqualTo(16_000);
		assertThat(s.suggested().marginFen()).isEqualTo(18_000);
	}

	@Test
	void theClearingPriceIsRoundedDownToTenFen() {
		// 19.90 x 0.7 = 13.93 -> 13.90 (down: rounded up it would not clear)
		var s = rule.suggest(new Input(1990, null, 500L, 10, List.of(new Lot(2, 30)), EPS, null));
		assertThat(s.priceFen()).isEqualTo(1390);
		assertThat(PriceRule.floor10(1399.99999999)).isEqualTo(1400);
		assertThat(PriceRule.ceil10(1501)).isEqualTo(1510);
	}

	@Test
	void batchesAreSoldFirstExpiryFirst() {
		// 10 units for 1 day, 25 for 3 days at 10 a day: 10 + 20 sell, 5 of the second expire.
		// Needed: max(10/1, 35/3) = 11.667 a day
		var lots = PriceRule.fefo(List.of(new Lot(3, 25), new Lot(1, 10)));
		assertThat(PriceRule.simulate(lots, 10, 3)).containsExactly(30, 5);
		assertThat(PriceRule.neededRate(lots, 3)).isEqualTo(35.0 / 3, within(1e-12));
		// a batch without expiry is never wasted
		assertThat(PriceRule.simulate(PriceRule.fefo(List.of(new Lot(null, 100))), 10, 7)).containsExactly(70, 0);
	}

	@Test
	void notBelowCostWhenTheCostPriceMakesTheBetterMargin() {
		// inelastic ε = -0.5: clearing 15 a day needs 20.00 x 1.5^-2 = 8.89 -> 8.80, below the cost 15.00.
		// At 8.80: 30 sold x (8.80 - 15.00) = -186.00. At 15.00: 10 x 0.75^-0.5 = 11.547 a day, 23.094 sold,
		// 6.906 wasted x 15.00 = -103.59: the cost floor holds
		var s = rule.suggest(new Input(2000, null, 1500L, 10, List.of(new Lot(2, 30)), -0.5, null));
		assertThat(s.priceFen()).isEqualTo(1500);
		assertThat(s.suggested().wasted()).isEqualTo(30 - 20 / Math.sqrt(0.75), within(1e-9));
		assertThat(s.suggested().marginFen()).isEqualTo(Math.round(-(30 - 20 / Math.sqrt(0.75)) * 1500));
	}

	@Test
	void belowCostDownToTheSalvageShareWhenTheUnitsWouldOtherwiseBeWasted() {
		// ε = -2, 200 units for 2 days at 10 a day, cost 15.00: clearing needs 100 a day, 20.00 x 10^-0.5 = 6.32,
		// below the salvage floor 50% x 15.00 = 7.50. At 7.50: 10 x 0.375^-2 = 71.11 a day, 142.22 sold x -7.50
		// and 57.78 wasted x 15.00 = -1,933.33; at the cost 15.00: 10 x 0.75^-2 = 17.78 a day, 35.56 sold at no
		// margin and 164.44 wasted x 15.00 = -2,466.67: the salvage price loses less
		var s = rule.suggest(new Input(2000, null, 1500L, 10, List.of(new Lot(2, 200)), -2, null));
		assertThat(s.priceFen()).isEqualTo(750);
		assertThat(s.suggested().sold()).isEqualTo(2 * 10 / (0.375 * 0.375), within(1e-9));
		assertThat(s.suggested().marginFen()).isEqualTo(-193_333);
		assertThat(s.now().marginFen()).isEqualTo(Math.round(-180 * 1500.0 + 20 * 500.0));
	}

	@Test
	void neverFarAboveTheLowestCompetitor() {
		// no waste (10 units, 5 days, 10 a day); the lowest competitor 15.00: at most 10% above, 16.50
		var s = rule.suggest(new Input(2000, null, 800L, 10, List.of(new Lot(5, 10)), EPS, 1500L));
		assertThat(s.kind()).isEqualTo(Kind.DISCOUNT);
		assertThat(s.reason()).isEqualTo(Reason.COMPETITOR);
		assertThat(s.priceFen()).isEqualTo(1650);
		// ... but not below the cost
		assertThat(rule.suggest(new Input(2000, null, 1700L, 10, List.of(new Lot(5, 10)), EPS, 1500L)).priceFen())
			.isEqualTo(1700);
		// a clearing price above the cap is capped too
		var both = rule.suggest(new Input(2000, null, 800L, 10, List.of(new Lot(2, 30)), EPS, 1000L));
		assertThat(both.priceFen()).isEqualTo(1100);
		assertThat(both.reason()).isEqualTo(Reason.EXPIRY);
	}

	@Test
	void aModestRaiseWhenCoverIsShortAndCompetitorsAreAbove() {
		// 10 units at 10 a day: one day of cover; competitors at 25.00: 20.00 x 1.05 = 21.00
		var s = rule.suggest(new Input(2000, 2500L, 800L, 10, List.of(new Lot(5, 10)), EPS, 2500L));
		assertThat(s.kind()).isEqualTo(Kind.RAISE);
		assertThat(s.reason()).isEqualTo(Reason.SHORT_COVER);
		assertThat(s.priceFen()).isEqualTo(2100);
		// nothing in stock: bought to order after the cutoff, not short; no raise
		assertThat(rule.suggest(new Input(2000, 2500L, 800L, 10, List.of(), EPS, 2500L)).kind()).isEqualTo(Kind.HOLD);
		// not above the list price
		assertThat(rule.suggest(new Input(2000, 2050L, 800L, 10, List.of(new Lot(5, 10)), EPS, 2500L)).priceFen())
			.isEqualTo(2050);
		// competitors below: hold
		assertThat(rule.suggest(new Input(2000, 2500L, 800L, 10, List.of(new Lot(5, 10)), EPS, 1900L)).kind())
			.isEqualTo(Kind.HOLD);
		// plenty of cover: hold
		assertThat(rule.suggest(new Input(2000, 2500L, 800L, 10, List.of(new Lot(5, 45)), EPS, 2500L)).kind())
			.isEqualTo(Kind.HOLD);
	}

	@Test
	void withoutDemandOrCostTheRuleStaysCareful() {
		assertThat(rule.suggest(new Input(2000, null, 800L, 0, List.of(new Lot(2, 30)), EPS, null)).kind())
			.isEqualTo(Kind.HOLD);
		// no cost known: the floor is half today's price. 200 units for 2 days need 10 x: 20.00 x 10^(1/ε) = 2.63
		var s = rule.suggest(new Input(2000, null, null, 10, List.of(new Lot(2, 200)), EPS, null));
		assertThat(s.priceFen()).isEqualTo(1000);
		assertThat(s.suggested().marginFen()).isNull();
	}
}
