package com.linli.marketing.internal.points;

import java.util.function.LongSupplier;

import com.linli.marketing.DiscountKind;
import com.linli.marketing.internal.pricing.PriceCalculator;
import com.linli.marketing.internal.pricing.PricingContext;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import com.linli.shared.Text;

import org.springframework.stereotype.Component;

/**
 * The last link of the chain: spends the points the request asks for as money off what is still payable,
 * at most {@code capPercent} of it and at most the resident's balance. Asking for more is refused with
 * the most that may be spent, never silently lowered (the resident chose a number). The balance is read
 * only when points are asked for: one indexed query; spending it for real is the order hook's work.
 */
@Component
class PointsCalculator implements PriceCalculator {

	private final PointsLedger ledger;

	private final PointsProperties properties;

	PointsCalculator(PointsLedger ledger, PointsProperties properties) {
		this.ledger = ledger;
		this.properties = properties;
	}

	@Override
	public int position() {
		return POINTS;
	}

	@Override
	public void apply(PricingContext context) {
		long wanted = context.request().points();
		if (wanted == 0) {
			return;
		}
		apply(context, wanted, () -> context.request().resident() == null ? 0 : ledger.balance(context.request().resident()),
				properties.rate(), properties.capPercent());
	}

	/** The rule itself, with the balance, rate and cap given (unit tests call it). */
	static void apply(PricingContext context, long wanted, LongSupplier balance, PointsRate rate, int capPercent) {
		if (!rate.isWholeFen(wanted)) {
			throw new InvalidInputException("points", Text.of("marketing.points.problem.notWholeStep", rate.step()));
		}
		long max = maxPoints(context, rate, capPercent);
		if (wanted > max) {
			throw new BusinessRuleException("points-above-cap", "points",
					Text.of("marketing.points.problem.aboveCap", wanted, max, capPercent));
		}
		long held = balance.getAsLong();
		if (wanted > held) {
			throw new BusinessRuleException("points-above-balance", "points",
					Text.of("marketing.points.problem.aboveBalance", wanted, held));
		}
		Money taken = context.deduct(DiscountKind.POINTS, "points",
				Text.of("marketing.points.deduction", wanted), rate.money(wanted), i -> true);
		if (!taken.equals(rate.money(wanted))) {
			throw new IllegalStateException("the cap left room for " + taken + " only");
		}
		context.usePoints(wanted);
	}

	/** The most points this order may take: the cap's share of what it still costs, in whole steps. */
	static long maxPoints(PricingContext context, PointsRate rate, int capPercent) {
		long payable = context.payable().fen();
		long capFen = Math.min(payable * capPercent / 100, context.room(i -> true).fen());
		return rate.pointsWorth(Money.ofFen(capFen));
	}
}
