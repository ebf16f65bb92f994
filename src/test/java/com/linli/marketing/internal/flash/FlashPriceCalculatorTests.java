package com.linli.marketing.internal.flash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.linli.catalog.CategoryId;
import com.linli.catalog.SkuId;
import com.linli.identity.AccountId;
import com.linli.marketing.CouponChoice;
import com.linli.marketing.DiscountKind;
import com.linli.marketing.FlashSale;
import com.linli.marketing.ListingId;
import com.linli.marketing.PriceRequest;
import com.linli.marketing.internal.ResidentLevels;
import com.linli.marketing.internal.pricing.PricingContext;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Money;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * The flash price applies while the sale runs; before the start a purchase is refused naming the listing,
 * unless the resident's rank has early access and its window has begun; after the end the usual price.
 */
class FlashPriceCalculatorTests {

	static final ListingId EGGS = new ListingId(1), MILK = new ListingId(2);

	static final Instant START = Instant.parse("2026-12-06T12:00:00Z");

	static final FlashSale SALE = new FlashSale(EGGS, new RegionId(1), Money.ofYuan("9.90"), START,
			START.plus(Duration.ofHours(2)), 30, 2);

	static final AccountId GOLD = new AccountId(2), NEWCOMER = new AccountId(3);

	final FlashSales sales = new FlashSales(null, null) {
		@Override
		public Optional<FlashSale> cached(ListingId listing) {
			return listing.equals(EGGS) ? Optional.of(SALE) : Optional.empty();
		}
	};

	final ResidentLevels levels = resident -> resident.equals(GOLD) ? 2 : 0;

	final FlashPriceCalculator calculator = new FlashPriceCalculator(sales,
			new StaticListableBeanFactory(Map.of("levels", levels)).getBeanProvider(ResidentLevels.class));

	static PricingContext context(AccountId resident, Instant at) {
		return new PricingContext(new PriceRequest(resident, new RegionId(1), new PickupPointId(1),
				List.of(new PriceRequest.Line(EGGS, new SkuId(1), new CategoryId(1), Money.ofYuan("19.90"), 1),
						new PriceRequest.Line(MILK, new SkuId(2), new CategoryId(1), Money.ofYuan("6.00"), 2)),
				CouponChoice.none(), 0, null), at);
	}

	@Test
	void whileTheSaleRunsTheFlashLineCostsTheFlashPrice() {
		var context = context(NEWCOMER, START);
		calculator.apply(context);
		var quote = context.quote();
		assertThat(quote.line(EGGS).payable()).isEqualTo(Money.ofYuan("9.90"));
		assertThat(quote.line(EGGS).share(DiscountKind.FLASH_PRICE)).isEqualTo(Money.ofYuan("10.00"));
		assertThat(quote.line(MILK).shares()).isEmpty();
		assertThat(quote.payable()).isEqualTo(Money.ofYuan("21.90"));
	}

	@Test
	void beforeTheStartAPurchaseIsRefusedNamingTheListing() {
		assertThatThrownBy(() -> calculator.apply(context(NEWCOMER, START.minusMillis(1))))
			.isInstanceOfSatisfying(BusinessRuleException.class, e -> {
				assertThat(e.code()).isEqualTo("flash-not-started");
				assertThat(e.field()).isEqualTo("listingId");
			});
	}

	@Test
	void aRankWithEarlyAccessBuysWithinItsWindowAndNotBefore() {
		var early = context(GOLD, START.minus(Duration.ofMinutes(30)));
		calculator.apply(early);
		assertThat(early.quote().line(EGGS).payable()).isEqualTo(Money.ofYuan("9.90"));
		assertThatThrownBy(() -> calculator.apply(context(GOLD, START.minus(Duration.ofMinutes(31)))))
			.isInstanceOf(BusinessRuleException.class);
		assertThatThrownBy(() -> calculator.apply(context(NEWCOMER, START.minus(Duration.ofMinutes(10)))))
			.isInstanceOf(BusinessRuleException.class);
	}

	@Test
	void afterTheEndTheListingSellsAtItsUsualPrice() {
		var context = context(NEWCOMER, SALE.endsAt());
		calculator.apply(context);
		assertThat(context.quote().payable()).isEqualTo(Money.ofYuan("31.90"));
		assertThat(context.quote().deductions()).isEmpty();
	}
}
