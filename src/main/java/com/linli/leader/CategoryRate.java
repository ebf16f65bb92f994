package com.linli.leader;

import com.linli.catalog.CategoryId;

/** A category override of a commission scheme: lines of this category (or below it) earn this rate, whatever the band. */
public record CategoryRate(CategoryId categoryId, int rateBasisPoints) {

	public String ratePercent() {
		return CommissionScheme.percent(rateBasisPoints);
	}
}
