package com.linli.marketing.internal.coupons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.linli.catalog.CategoryId;
import com.linli.catalog.SkuId;
import com.linli.identity.AccountId;
import com.linli.marketing.CouponChoice;
import com.linli.marketing.CouponStatus;
import com.linli.marketing.CouponTemplate;
import com.linli.marketing.DiscountKind;
import com.linli.marketing.ListingId;
import com.linli.marketing.PriceQuote;
import com.linli.marketing.PriceRequest;
import com.linli.marketing.internal.pricing.PricingContext;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Money;
import com.linli.shared.Text;
import org.junit.jupiter.api.Test;

/**
 * The coupon link of the price engine on its own: coupons and templates from memory, a pricing context of
 * lines (listing n has SKU n; category given per line).
 */
class CouponCalculatorTests {

	static final Instant NOW = Instant.parse("2026-12-06T02:00:00Z");

	static final AccountId ME = new AccountId(7);

	static final AccountId SOMEONE_ELSE = new AccountId(8);

	static final long REGION = 1;

	final Map<Long, CouponTemplate> templates = new HashMap<>();

	final List<Coupon> coupons = new ArrayList<>();

	final CouponCalculator calculator = new CouponCalculator(new Coupons(null) {
		@Override
		public List<Coupon> usable(AccountId resident, Instant now) {
			return coupons.stream().filter(c -> c.resident().equals(resident) && c.usableAt(now)).toList();
		}

		@Override
		public Optional<Coupon> find(long id) {
			return coupons.stream().filter(c -> c.id() == id).findFirst();
		}
	}, new CouponTemplates(null) {
		@Override
		public CouponTemplate cached(long id) {
			return templates.get(id);
		}

		@Override
		public Map<Long, CouponTemplate> cached(Collection<Long> ids) {
			Map<Long, CouponTemplate> m = new HashMap<>();
			ids.forEach(id -> m.put(id, templates.get(id)));
			return m;
		}
	}, new org.springframework.beans.factory.support.StaticListableBeanFactory().getBeanProvider(com.linli.shared.RiskHolds.class));

	static CouponTemplate fixed(long id, String amount, String threshold) {
		return template(id, CouponTemplate.Kind.FIXED, Money.ofYuan(amount), null, null, Money.ofYuan(threshold),
				CouponTemplate.Scope.ALL, Set.of());
	}

	static CouponTemplate percent(long id, int percentOff, String cap, String threshold) {
		return template(id, CouponTemplate.Kind.PERCENT, null, percentOff, cap == null ? null : Money.ofYuan(cap),
				Money.ofYuan(threshold), CouponTemplate.Scope.ALL, Set.of());
	}

	static CouponTemplate template(long id, CouponTemplate.Kind kind, Money amount, Integer percentOff, Money cap,
			Money threshold, CouponTemplate.Scope scope, Set<Long> scopeIds) {
		return new CouponTemplate(id, "券" + id, kind, amount, percentOff, cap, threshold, scope, scopeIds, Set.of(REGION),
				7, null, null, 1, 100, 0, true, false, false, CouponTemplate.Status.ACTIVE, NOW.minusSeconds(86_400));
	}

	/** A coupon of the template for the resident, valid from a day ago for {@code daysLeft} days. */
	Coupon give(long id, CouponTemplate t, AccountId resident, CouponStatus status, int daysLeft) {
		templates.put(t.id(), t);
		Coupon c = new Coupon(id, t.id(), resident, "test:" + id, status, NOW.minus(Duration.ofDays(1)),
				NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(daysLeft)),
				status == CouponStatus.USED ? 99L : null, status == CouponStatus.USED ? NOW : null, null,
				status == CouponStatus.EXPIRED ? NOW : null, 0);
		coupons.add(c);
		return c;
	}

	Coupon give(long id, CouponTemplate t) {
		return give(id, t, ME, CouponStatus.ISSUED, 5);
	}

	/** Lines as (unit price in fen, quantity, category) triples. */
	static PricingContext cart(CouponChoice choice, long... priceQuantityCategory) {
		return cart(REGION, choice, priceQuantityCategory);
	}

	static PricingContext cart(long region, CouponChoice choice, long... priceQuantityCategory) {
		List<PriceRequest.Line> lines = new ArrayList<>();
		for (int i = 0; i < priceQuantityCategory.length; i += 3) {
			int n = i / 3 + 1;
			lines.add(new PriceRequest.Line(new ListingId(n), new SkuId(n), new CategoryId(priceQuantityCategory[i + 2]),
					Money.ofFen(priceQuantityCategory[i]), (int) priceQuantityCategory[i + 1]));
		}
		return new PricingContext(new PriceRequest(ME, new RegionId(region), new PickupPointId(1), lines, choice, 0, null), NOW);
	}

	PriceQuote price(PricingContext context) {
		calculator.apply(context);
		return context.quote();
	}

	@Test
	void aFixedCouponAboveItsThresholdDeductsItsAmountOverTheLinesInProportion() {
		var c = give(1, fixed(1, "5", "39"));
		var q = price(cart(CouponChoice.best(), 3000, 1, 1, 1000, 1, 1)); // 40.00
		assertThat(q.couponId()).isEqualTo(c.id());
		assertThat(q.total(DiscountKind.COUPON)).isEqualTo(Money.ofYuan("5"));
		assertThat(q.lines()).extracting(l -> l.share(DiscountKind.COUPON).fen()).containsExactly(375L, 125L);
		assertThat(q.payable()).isEqualTo(Money.ofYuan("35"));
		assertThat(q.deductions()).singleElement().satisfies(d -> {
			assertThat(d.reference()).isEqualTo("coupon:1");
			assertThat(d.label()).isEqualTo(Text.of("marketing.coupons.label",
					Text.of("marketing.coupons.terms.fixedThreshold", "39", "5")));
		});
	}

	@Test
	void aPercentageIsRoundedHalfUpToTheFenAndHeldToItsCap() {
		give(1, percent(1, 15, null, "0")); // 8.5折
		var q = price(cart(CouponChoice.best(), 1003, 1, 1)); // 15% of 10.03 = 1.5045 -> 1.50
		assertThat(q.total(DiscountKind.COUPON)).isEqualTo(Money.ofFen(150));
		coupons.clear();
		give(2, percent(2, 15, null, "0"));
		q = price(cart(CouponChoice.best(), 1010, 1, 1)); // 1.515 -> 1.52 (half up)
		assertThat(q.total(DiscountKind.COUPON)).isEqualTo(Money.ofFen(152));
		coupons.clear();
		give(3, percent(3, 50, "8", "0"));
		q = price(cart(CouponChoice.best(), 10000, 1, 1)); // 50 off, capped at 8
		assertThat(q.total(DiscountKind.COUPON)).isEqualTo(Money.ofYuan("8"));
	}

	@Test
	void belowTheThresholdTheBestChoiceUsesNoCoupon() {
		give(1, fixed(1, "5", "39"));
		var q = price(cart(CouponChoice.best(), 3899, 1, 1));
		assertThat(q.couponId()).isNull();
		assertThat(q.total(DiscountKind.COUPON)).isEqualTo(Money.ZERO);
		assertThat(q.deductions()).isEmpty();
	}

	@Test
	void aCategoryCouponCountsOnlyItsLinesForTheThresholdAndDeductsOnlyFromThem() {
		var t = template(1, CouponTemplate.Kind.FIXED, Money.ofYuan("3"), null, null, Money.ofYuan("20"),
				CouponTemplate.Scope.CATEGORIES, Set.of(5L));
		give(1, t);
		// 15 in category 5 and 30 elsewhere: the scope's 15 is below 20
		assertThat(price(cart(CouponChoice.best(), 1500, 1, 5, 3000, 1, 9)).couponId()).isNull();
		var q = price(cart(CouponChoice.best(), 1200, 2, 5, 3000, 1, 9));
		assertThat(q.lines()).extracting(l -> l.share(DiscountKind.COUPON).fen()).containsExactly(300L, 0L);
	}

	@Test
	void aSkuCouponAppliesToItsSkusOnly() {
		var t = template(1, CouponTemplate.Kind.FIXED, Money.ofYuan("2"), null, null, Money.ZERO, CouponTemplate.Scope.SKUS,
				Set.of(2L));
		give(1, t);
		var q = price(cart(CouponChoice.best(), 1000, 1, 1, 1000, 1, 1));
		assertThat(q.lines()).extracting(l -> l.share(DiscountKind.COUPON).fen()).containsExactly(0L, 200L);
	}

	@Test
	void theBestChoiceTakesTheLargestDeductionAndOnATieTheOneExpiringFirst() {
		give(1, fixed(1, "5", "39"), ME, CouponStatus.ISSUED, 5);
		give(2, percent(2, 20, "9", "0"), ME, CouponStatus.ISSUED, 5);
		give(3, fixed(3, "9", "30"), ME, CouponStatus.ISSUED, 2);
		give(4, fixed(4, "9", "0"), ME, CouponStatus.RETURNED, 1);
		give(5, fixed(5, "20", "100"), ME, CouponStatus.ISSUED, 5); // threshold not met
		give(6, fixed(6, "30", "0"), ME, CouponStatus.USED, 5);
		give(7, fixed(7, "30", "0"), SOMEONE_ELSE, CouponStatus.ISSUED, 5);
		var q = price(cart(CouponChoice.best(), 5000, 1, 1)); // 50: 5, 9 (20% capped), 9, 9
		assertThat(q.couponId()).isEqualTo(4L); // 9 off, ends first
		assertThat(q.total(DiscountKind.COUPON)).isEqualTo(Money.ofYuan("9"));
	}

	@Test
	void aCouponOfAnotherRegionIsNotChosenAndNoneMeansNone() {
		give(1, fixed(1, "5", "0"));
		assertThat(price(cart(2, CouponChoice.best(), 5000, 1, 1)).couponId()).isNull();
		assertThat(price(cart(CouponChoice.none(), 5000, 1, 1)).couponId()).isNull();
	}

	@Test
	void aCouponNeverTakesTheOrderBelowOneFen() {
		give(1, fixed(1, "50", "0"));
		var q = price(cart(CouponChoice.best(), 1000, 1, 1));
		assertThat(q.payable()).isEqualTo(Money.ofFen(1));
		assertThat(q.total(DiscountKind.COUPON)).isEqualTo(Money.ofFen(999));
	}

	@Test
	void aChosenCouponIsUsedEvenWhenAnotherWouldDeductMore() {
		give(1, fixed(1, "5", "0"));
		give(2, fixed(2, "9", "0"));
		var q = price(cart(CouponChoice.of(1), 5000, 1, 1));
		assertThat(q.couponId()).isEqualTo(1L);
		assertThat(q.total(DiscountKind.COUPON)).isEqualTo(Money.ofYuan("5"));
	}

	@Test
	void aChosenCouponThatDoesNotApplyIsRefusedWithItsReason() {
		give(1, fixed(1, "5", "39"));
		give(2, fixed(2, "5", "0"), ME, CouponStatus.USED, 5);
		give(3, fixed(3, "5", "0"), ME, CouponStatus.EXPIRED, 5);
		give(4, fixed(4, "5", "0"), ME, CouponStatus.ISSUED, -1); // validity ended, not yet expired by the job
		give(5, fixed(5, "5", "0"), SOMEONE_ELSE, CouponStatus.ISSUED, 5);
		give(6, template(6, CouponTemplate.Kind.FIXED, Money.ofYuan("1"), null, null, Money.ZERO,
				CouponTemplate.Scope.CATEGORIES, Set.of(77L)));
		assertRefused(1, 1, "coupon-below-threshold", Text.of("marketing.coupons.problem.belowThreshold", "39.00", "9.00"));
		assertRefused(2, 1, "coupon-used", Text.of("marketing.coupons.problem.used", 2L));
		assertRefused(3, 1, "coupon-expired", Text.of("marketing.coupons.problem.expired", 3L));
		assertRefused(4, 1, "coupon-expired", Text.of("marketing.coupons.problem.expired", 4L));
		assertRefused(5, 1, "coupon-not-found", Text.of("marketing.coupons.problem.notFound", 5L));
		assertRefused(404, 1, "coupon-not-found", Text.of("marketing.coupons.problem.notFound", 404L));
		assertRefused(6, 1, "coupon-not-in-scope", Text.of("marketing.coupons.problem.notInScope", "券6"));
		assertRefused(2 /* used */, 1, "coupon-used", Text.of("marketing.coupons.problem.used", 2L));
		give(8, fixed(8, "1", "0"));
		assertRefused(8, 2, "coupon-not-in-region", Text.of("marketing.coupons.problem.notInRegion", "券8"));
	}

	private void assertRefused(long couponId, long region, String code, Text text) {
		var context = cart(region, CouponChoice.of(couponId), 3000, 1, 1);
		assertThatThrownBy(() -> calculator.apply(context)).isInstanceOfSatisfying(BusinessRuleException.class, e -> {
			assertThat(e.code()).isEqualTo(code);
			assertThat(e.field()).isEqualTo("couponId");
			assertThat(e.text()).isEqualTo(text);
		});
	}
}
