package com.linli.leader;

import com.linli.catalog.CategoryId;
import com.linli.shared.Money;

/**
 * The rate a scheme gives one picked-up line, and why: the category override of {@code category},
 * or the band starting at {@code bandFloor}; or the rate the line's listing set for the leader (LISTING).
 */
public record CommissionRate(int basisPoints, Source source, Money bandFloor, CategoryId category) {

	/** Where a rate comes from. */
	public enum Source {
		BAND, CATEGORY, LISTING
	}

	/** The rate a listing sets for its lines instead of the scheme's. */
	public static CommissionRate ofListing(int basisPoints) {
		return new CommissionRate(basisPoints, Source.LISTING, null, null);
	}

	static CommissionRate ofBand(CommissionBand band) {
		return new CommissionRate(band.rateBasisPoints(), Source.BAND, band.floor(), null);
	}

	static CommissionRate ofCategory(CategoryRate override) {
		return new CommissionRate(override.rateBasisPoints(), Source.CATEGORY, null, override.categoryId());
	}

	/** Commission on an amount at this rate, rounded half-up to the fen. */
	public Money on(Money amount) {
		return amount.timesBasisPoints(basisPoints);
	}
}
