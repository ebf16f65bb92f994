package com.linli.leader;

import java.util.List;

import com.linli.catalog.CategoryId;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tiered rate of a line: bands by month-to-date sales, category overrides, and what a valid scheme is. */
class CommissionSchemeTests {

	static final CategoryId FRUIT = new CategoryId(1);

	static final CategoryId APPLES = new CategoryId(2);

	static final CategoryId GRAINS = new CategoryId(3);

	static final CategoryId DAIRY = new CategoryId(4);

	/** 0–5,000 yuan 8%, 5,000–20,000 yuan 10%, 20,000 yuan and up 12%; fruit 6%. */
	final CommissionScheme scheme = new CommissionScheme(null,
			List.of(band("0", 800), band("5000", 1000), band("20000", 1200)), List.of(new CategoryRate(FRUIT, 600)),
			null);

	@Test
	void aLineTakesTheBandItsMonthToDateSalesReach() {
		assertThat(rate(List.of(DAIRY), "0.01")).isEqualTo(800);
		assertThat(rate(List.of(DAIRY), "4999.99")).isEqualTo(800);
		assertThat(rate(List.of(DAIRY), "5000.00")).as("a band starts at its floor").isEqualTo(1000);
		assertThat(rate(List.of(DAIRY), "19999.99")).isEqualTo(1000);
		assertThat(rate(List.of(DAIRY), "20000")).isEqualTo(1200);
		assertThat(rate(List.of(DAIRY), "1000000")).isEqualTo(1200);
		assertThat(rate(List.of(), "6000")).as("a line without category").isEqualTo(1000);
	}

	@Test
	void aCategoryOverrideWinsOverTheBandAndCoversItsSubcategories() {
		var fruit = scheme.rateFor(List.of(FRUIT), Money.ofYuan("25000"));
		assertThat(fruit.basisPoints()).isEqualTo(600);
		assertThat(fruit.source()).isEqualTo(CommissionRate.Source.CATEGORY);
		assertThat(fruit.category()).isEqualTo(FRUIT);
		assertThat(rate(List.of(APPLES, FRUIT), "100")).as("apples are fruit").isEqualTo(600);
		var band = scheme.rateFor(List.of(GRAINS), Money.ofYuan("25000"));
		assertThat(band.source()).isEqualTo(CommissionRate.Source.BAND);
		assertThat(band.bandFloor()).isEqualTo(Money.ofYuan("20000"));
	}

	@Test
	void theNearestCategoryWithAnOverrideDecides() {
		var nested = new CommissionScheme(null, List.of(band("0", 800)),
				List.of(new CategoryRate(FRUIT, 600), new CategoryRate(APPLES, 300)), null);
		assertThat(nested.rateFor(List.of(APPLES, FRUIT), Money.ZERO).basisPoints()).isEqualTo(300);
	}

	@Test
	void commissionIsTheAmountTimesTheRateRoundedHalfUpToTheFen() {
		var eightPercent = scheme.rateFor(List.of(DAIRY), Money.ofYuan("100"));
		assertThat(eightPercent.on(Money.ofFen(3705))).isEqualTo(Money.ofFen(296)); // 296.4
		assertThat(eightPercent.on(Money.ofFen(1250))).isEqualTo(Money.ofFen(100)); // 100.0
		var fivePercent = new CommissionRate(500, CommissionRate.Source.CATEGORY, null, GRAINS);
		assertThat(fivePercent.on(Money.ofFen(4990))).isEqualTo(Money.ofFen(250)); // 249.5 up
		assertThat(fivePercent.on(Money.ofFen(4970))).isEqualTo(Money.ofFen(249)); // 248.5 up
		assertThat(fivePercent.on(Money.ofFen(4969))).isEqualTo(Money.ofFen(248)); // 248.45 down
		assertThat(fivePercent.on(Money.ZERO)).isEqualTo(Money.ZERO);
	}

	@Test
	void theNextBandAndWhatIsLeftToSell() {
		assertThat(scheme.nextBand(Money.ofYuan("1200"))).contains(band("5000", 1000));
		assertThat(scheme.nextBand(Money.ofYuan("5000"))).contains(band("20000", 1200));
		assertThat(scheme.nextBand(Money.ofYuan("20000"))).isEmpty();
		var summary = new CommissionSummary(new LeaderId(1), java.time.YearMonth.of(2025, 5), Money.ofYuan("1200"),
				scheme.bandFor(Money.ofYuan("1200")), scheme.nextBand(Money.ofYuan("1200")).orElse(null), Money.ZERO,
				Money.ZERO, Money.ZERO, scheme);
		assertThat(summary.toNextBand()).isEqualTo(Money.ofYuan("3800"));
		assertThat(summary.bandProgressPercent()).isEqualTo(24);
	}

	@Test
	void aSchemeMustBeValid() {
		assertInvalid(List.of(), List.of(), "bands");
		assertInvalid(List.of(band("100", 800)), List.of(), "bands[0].floorFen");
		assertInvalid(List.of(band("0", 800), band("0", 900)), List.of(), "bands[1].floorFen");
		assertInvalid(List.of(band("0", 800), band("300", 900), band("200", 1000)), List.of(), "bands[2].floorFen");
		assertInvalid(List.of(band("0", 1000), band("300", 900)), List.of(), "bands[1].rateBasisPoints");
		assertInvalid(List.of(band("0", 5001)), List.of(), "bands[0].rateBasisPoints");
		assertInvalid(List.of(band("0", -1)), List.of(), "bands[0].rateBasisPoints");
		assertInvalid(List.of(band("0", 800)), List.of(new CategoryRate(FRUIT, 500), new CategoryRate(FRUIT, 600)),
				"overrides[1].categoryId");
		assertInvalid(List.of(band("0", 800)), List.of(new CategoryRate(null, 500)), "overrides[0].categoryId");
		assertInvalid(List.of(band("0", 800)), List.of(new CategoryRate(FRUIT, 5001)), "overrides[0].rateBasisPoints");
		var eleven = new java.util.ArrayList<CommissionBand>();
		for (int i = 0; i < 11; i++) {
			eleven.add(band(String.valueOf(i * 100), 800));
		}
		assertInvalid(eleven, List.of(), "bands");
		// the limits themselves are fine
		assertThat(new CommissionScheme(null, List.of(band("0", 0), band("1", 5000)), List.of(), null).bands()).hasSize(2);
	}

	@Test
	void ratesReadAsPercentages() {
		assertThat(band("0", 800).ratePercent()).isEqualTo("8");
		assertThat(band("0", 1050).ratePercent()).isEqualTo("10.5");
		assertThat(band("0", 5).ratePercent()).isEqualTo("0.05");
		assertThat(band("0", 0).ratePercent()).isEqualTo("0");
	}

	private int rate(List<CategoryId> path, String monthSalesYuan) {
		return scheme.rateFor(path, Money.ofYuan(monthSalesYuan)).basisPoints();
	}

	private static CommissionBand band(String floorYuan, int rate) {
		return new CommissionBand(Money.ofYuan(floorYuan), rate);
	}

	private static void assertInvalid(List<CommissionBand> bands, List<CategoryRate> overrides, String field) {
		assertThatThrownBy(() -> new CommissionScheme(null, bands, overrides, null))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
	}
}
