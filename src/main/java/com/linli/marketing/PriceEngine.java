package com.linli.marketing;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;

import com.linli.marketing.internal.pricing.PriceCalculator;
import com.linli.marketing.internal.pricing.PricingContext;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The price engine: prices a cart or an order for a resident under every promotion that applies, by an
 * ordered chain of small calculators (member price → listing discount / flash / team price → full
 * reduction → coupon → points). Checkout, the operator's preview and order placement all ask it, so what a
 * resident is shown is what they pay. It reads only cached promotion definitions; it changes nothing
 * (using a coupon or spending points happens in the order's transaction, through {@link OrderPromotions}).
 */
@Service
public class PriceEngine {

	private final List<PriceCalculator> chain;

	private final Clock clock;

	@org.springframework.beans.factory.annotation.Autowired
	PriceEngine(ObjectProvider<PriceCalculator> calculators, Clock clock) {
		this(calculators.stream().toList(), clock);
	}

	/** An engine of these calculators, run in ascending position whatever the order given (tests build one). */
	PriceEngine(List<PriceCalculator> calculators, Clock clock) {
		this.chain = calculators.stream().sorted(Comparator.comparingInt(PriceCalculator::position)).toList();
		this.clock = clock;
	}

	/** The price of the request now, with its explanation. */
	public PriceQuote quote(PriceRequest request) {
		var context = new PricingContext(request, clock.instant());
		for (PriceCalculator calculator : chain) {
			calculator.apply(context);
		}
		return context.quote();
	}
}
