package com.linli.marketing;

/**
 * The kinds of deduction the price engine knows, in the order of its chain: a price that replaces the
 * listing's group price first (member, promotional, flash, team, new-resident, 1-yuan), then the
 * deductions on the amount (full reduction, coupon, points). Every order line stores its share of each.
 * The last kind is never the engine's: the platform bears a whole replacement line (an after-sales exchange).
 */
public enum DiscountKind {

	/** A member price of the resident's level on the listing. */
	MEMBER_PRICE,
	/** A promotional price of the listing between a start and an end. */
	LISTING_DISCOUNT,
	/** The flash-sale price of a flash listing. */
	FLASH_PRICE,
	/** The team price of a group-buy team (拼团). */
	TEAM_PRICE,
	/** The new resident's first-order offer. */
	NEW_RESIDENT_OFFER,
	/** A 1-yuan offer (one per resident). */
	ONE_YUAN_OFFER,
	/** A tiered full reduction (满减). */
	FULL_REDUCTION,
	/** A coupon of the resident. */
	COUPON,
	/** Points spent as money. */
	POINTS,
	/**
	 * The platform pays the whole line of a replacement order (换货: units an after-sales request exchanged),
	 * outside the price engine: the resident pays nothing for it and no commission accrues on it.
	 */
	AFTER_SALES_REPLACEMENT;

	/** Replaces a unit price (the line's share is the difference), rather than deducting from the amount. */
	public boolean isPrice() {
		return ordinal() <= ONE_YUAN_OFFER.ordinal();
	}
}
