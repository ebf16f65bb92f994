package com.linli.marketing.internal.flash;

import java.time.Instant;

import com.linli.marketing.DiscountKind;
import com.linli.marketing.FlashSale;
import com.linli.marketing.internal.ResidentLevels;
import com.linli.marketing.internal.pricing.PriceCalculator;
import com.linli.marketing.internal.pricing.PricingContext;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Text;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The flash price (秒杀价) of a flash-sale listing while the sale runs. Before the start the line is refused
 * here ({@code flash-not-started}), so an order is stopped before any unit is reserved (the engine prices an
 * order before placing it) — unless the resident's level has early access and its window has begun. After
 * the end the listing sells at its usual price. The resident's rank is asked only inside an early-access
 * window.
 */
@Component
class FlashPriceCalculator implements PriceCalculator {

	private final FlashSales sales;

	private final ObjectProvider<ResidentLevels> levels;

	FlashPriceCalculator(FlashSales sales, ObjectProvider<ResidentLevels> levels) {
		this.sales = sales;
		this.levels = levels;
	}

	@Override
	public int position() {
		return FLASH_PRICE;
	}

	@Override
	public void apply(PricingContext context) {
		Instant now = context.now();
		for (int i = 0; i < context.size(); i++) {
			var found = sales.cached(context.line(i).listing());
			if (found.isEmpty() || found.get().endedAt(now)) {
				continue;
			}
			FlashSale sale = found.get();
			if (!sale.runningAt(now) && !earlyAccess(sale, context, now)) {
				throw new BusinessRuleException("flash-not-started", "listingId",
						Text.of("marketing.flash.problem.notStarted", sale.startsAt()));
			}
			context.lowerUnitPrice(i, sale.flashPrice(), DiscountKind.FLASH_PRICE, "flash:" + sale.listing().value(),
					Text.of("marketing.flash.deduction"));
		}
	}

	private boolean earlyAccess(FlashSale sale, PricingContext context, Instant now) {
		if (!sale.inEarlyWindowAt(now) || context.request().resident() == null) {
			return false;
		}
		ResidentLevels ranks = levels.getIfAvailable();
		int rank = ranks == null ? 0 : ranks.rankOf(context.request().resident());
		return !now.isBefore(sale.startsFor(rank));
	}
}
