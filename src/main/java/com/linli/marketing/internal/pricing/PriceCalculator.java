package com.linli.marketing.internal.pricing;

/**
 * One link of the price engine's chain (member price → listing discount / flash / team price → full
 * reduction → coupon → points). A calculator is a Spring bean; the engine runs them all in ascending
 * {@link #position()} on one {@link PricingContext} and each changes the context through its methods only.
 * Calculators work on cached promotion definitions (the order path must stay fast: no query per rule);
 * what must hold under concurrency (a coupon used once, points never below zero, a budget never
 * overspent) is made to hold by the {@code OrderPromotionHook} in the order's transaction, not here.
 */
public interface PriceCalculator {

	/** Where in the chain: prices 100–199, full reduction 300, coupon 400, points 500. */
	int position();

	void apply(PricingContext context);

	int MEMBER_PRICE = 100, LISTING_DISCOUNT = 120, FLASH_PRICE = 130, TEAM_PRICE = 140, NEW_RESIDENT = 150,
			ONE_YUAN = 160, FULL_REDUCTION = 300, COUPON = 400, POINTS = 500;
}
