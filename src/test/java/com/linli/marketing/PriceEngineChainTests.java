package com.linli.marketing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.linli.catalog.CategoryId;
import com.linli.catalog.SkuId;
import com.linli.identity.AccountId;
import com.linli.marketing.internal.pricing.PriceCalculator;
import com.linli.marketing.internal.pricing.PricingContext;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.shared.Money;
import com.linli.shared.Text;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The price engine's chain without Spring: calculators run in ascending position whatever the order they
 * come in, each sees what the earlier ones left, and the quote's lines, explanation and totals agree to
 * the fen.
 */
class PriceEngineChainTests {

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-09T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

	/** A calculator at a position that records what it saw and does {@code what}. */
	record Step(int position, String name, List<String> log, Consumer<PricingContext> what) implements PriceCalculator {

		@Override
		public void apply(PricingContext context) {
			log.add(name + "@" + context.payable().fen());
			what.accept(context);
		}
	}

	static PriceRequest request(long points) {
		return new PriceRequest(new AccountId(5), new RegionId(1), new PickupPointId(3),
				List.of(new PriceRequest.Line(new ListingId(1), new SkuId(1), new CategoryId(1), Money.ofFen(1000), 2),
						new PriceRequest.Line(new ListingId(2), new SkuId(2), new CategoryId(2), Money.ofFen(333), 3)),
				CouponChoice.none(), points, null);
	}

	@Test
	void theChainRunsByPositionAndEachLinkSeesWhatTheEarlierLeft() {
		List<String> log = new ArrayList<>();
		var member = new Step(PriceCalculator.MEMBER_PRICE, "member", log, c -> c.lowerUnitPrice(0, Money.ofFen(800),
				DiscountKind.MEMBER_PRICE, "level:2", Text.of("marketing.engine.kind.MEMBER_PRICE")));
		var reduction = new Step(PriceCalculator.FULL_REDUCTION, "reduction", log,
				c -> c.deduct(DiscountKind.FULL_REDUCTION, "reduction:7", Text.of("marketing.engine.kind.FULL_REDUCTION"),
						Money.ofFen(300), i -> true));
		var points = new Step(PriceCalculator.POINTS, "points", log, c -> {
			Money taken = c.deduct(DiscountKind.POINTS, "points", Text.of("marketing.engine.kind.POINTS"),
					Money.ofFen(c.request().points()), i -> i == 1);
			c.usePoints(taken.fen());
		});
		// given out of order, as beans come
		var engine = new PriceEngine(List.of(points, reduction, member), CLOCK);

		PriceQuote quote = engine.quote(request(50));

		// 2000 + 999 at group price; member 400 off -> 2599; reduction 300 -> 2299; points 50 on line 2
		assertThat(log).containsExactly("member@2999", "reduction@2599", "points@2299");
		assertThat(quote.subtotal()).isEqualTo(Money.ofFen(2999));
		assertThat(quote.payable()).isEqualTo(Money.ofFen(2249));
		assertThat(quote.discount()).isEqualTo(Money.ofFen(750));
		assertThat(quote.pointsUsed()).isEqualTo(50);
		// the reduction split over what each line still cost: 1600 and 999 of 2599
		assertThat(quote.line(new ListingId(1)).share(DiscountKind.FULL_REDUCTION).fen()
				+ quote.line(new ListingId(2)).share(DiscountKind.FULL_REDUCTION).fen()).isEqualTo(300);
		assertThat(quote.line(new ListingId(1)).share(DiscountKind.FULL_REDUCTION)).isEqualTo(Money.ofFen(185));
		assertThat(quote.line(new ListingId(1)).share(DiscountKind.POINTS)).isEqualTo(Money.ZERO);
		assertThat(quote.line(new ListingId(2)).share(DiscountKind.POINTS)).isEqualTo(Money.ofFen(50));
		assertThat(quote.lines()).allSatisfy(l -> assertThat(l.payable())
			.isEqualTo(l.amount().minus(l.shares().values().stream().reduce(Money.ZERO, Money::plus))));
		assertThat(quote.lines().stream().map(PriceQuote.QuotedLine::payable).reduce(Money.ZERO, Money::plus))
			.isEqualTo(quote.payable());
		for (DiscountKind kind : DiscountKind.values()) {
			long explained = quote.deductions().stream().filter(d -> d.kind() == kind).mapToLong(d -> d.amount().fen()).sum();
			assertThat(quote.total(kind).fen()).as(kind.name()).isEqualTo(explained);
		}
	}

	@Test
	void theExplanationHasOneLinePerDeductionInChainOrderWithItsReferenceAndWords() {
		List<String> log = new ArrayList<>();
		var engine = new PriceEngine(List.of(
				new Step(PriceCalculator.COUPON, "coupon", log, c -> {
					c.deduct(DiscountKind.COUPON, "coupon:812", Text.of("marketing.engine.kind.COUPON"), Money.ofFen(500),
							i -> true);
					c.useCoupon(812);
				}),
				new Step(PriceCalculator.FULL_REDUCTION, "reduction", log, c -> {
					c.deduct(DiscountKind.FULL_REDUCTION, "reduction:7", Text.of("marketing.engine.kind.FULL_REDUCTION"),
							Money.ofFen(100), i -> true);
					c.note(Text.of("marketing.engine.noDeduction"));
				}),
				new Step(PriceCalculator.POINTS, "points", log, c -> c.deduct(DiscountKind.POINTS, "points",
						Text.of("marketing.engine.kind.POINTS"), Money.ZERO, i -> true))), CLOCK);

		PriceQuote quote = engine.quote(request(0));

		assertThat(quote.deductions()).extracting(PriceQuote.Deduction::kind)
			.containsExactly(DiscountKind.FULL_REDUCTION, DiscountKind.COUPON);
		assertThat(quote.deductions()).extracting(PriceQuote.Deduction::reference).containsExactly("reduction:7", "coupon:812");
		assertThat(quote.deductions()).extracting(d -> d.label().code())
			.containsExactly("marketing.engine.kind.FULL_REDUCTION", "marketing.engine.kind.COUPON");
		assertThat(quote.deductions()).extracting(d -> d.amount().fen()).containsExactly(100L, 500L);
		assertThat(quote.notes()).extracting(Text::code).containsExactly("marketing.engine.noDeduction");
		assertThat(quote.couponId()).isEqualTo(812L);
		assertThat(quote.payable()).isEqualTo(Money.ofFen(2999 - 600));
	}

	@Test
	void anEngineWithoutCalculatorsChargesTheGroupPrice() {
		PriceQuote quote = new PriceEngine(List.of(), CLOCK).quote(request(0));
		assertThat(quote.payable()).isEqualTo(Money.ofFen(2999));
		assertThat(quote.deductions()).isEmpty();
		assertThat(quote.lines()).allSatisfy(l -> assertThat(l.shares()).isEmpty());
	}
}
