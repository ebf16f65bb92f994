package com.linli.marketing.internal.coupons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import com.linli.marketing.CouponTemplate;
import com.linli.shared.Money;
import com.linli.shared.Text;
import org.junit.jupiter.api.Test;

/** A template's terms in words and its discount on an amount. */
class CouponTemplateTermsTests {

	@Test
	void termsSayWhatTheCouponDoes() {
		assertThat(CouponCalculatorTests.fixed(1, "5", "39").terms())
			.isEqualTo(Text.of("marketing.coupons.terms.fixedThreshold", "39", "5"));
		assertThat(CouponCalculatorTests.fixed(1, "2.50", "0").terms()).isEqualTo(Text.of("marketing.coupons.terms.fixed", "2.5"));
		assertThat(CouponCalculatorTests.percent(1, 15, null, "50").terms())
			.isEqualTo(Text.of("marketing.coupons.terms.percentThreshold", "50", "8.5", 15));
		assertThat(CouponCalculatorTests.percent(1, 10, "10", "0").terms()).isEqualTo(
				Text.of("marketing.coupons.terms.capped", Text.of("marketing.coupons.terms.percent", "9", 10), "10"));
	}

	@Test
	void aPercentageRoundsHalfUpToTheFenUnderItsCap() {
		var t = CouponCalculatorTests.percent(1, 15, "1.51", "0");
		assertThat(t.discountOn(Money.ofFen(1003))).isEqualTo(Money.ofFen(150));
		assertThat(t.discountOn(Money.ofFen(1010))).isEqualTo(Money.ofFen(151)); // 1.515 -> 1.52, capped at 1.51
		assertThat(CouponCalculatorTests.template(1, CouponTemplate.Kind.FIXED, Money.ofYuan("3"), null, null, Money.ZERO,
				CouponTemplate.Scope.ALL, Set.of()).discountOn(Money.ofFen(100))).isEqualTo(Money.ofYuan("3"));
	}
}
