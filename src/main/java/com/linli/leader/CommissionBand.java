package com.linli.leader;

import com.linli.shared.Money;

/**
 * One band of a tiered commission scheme: from {@code floor} of monthly picked-up sales upwards
 * (until the next band's floor), commission is {@code rateBasisPoints} of the amount paid (800 = 8%).
 */
public record CommissionBand(Money floor, int rateBasisPoints) {

	/** The floor for people, in yuan with thousands grouped: "5,000", or "5,000.50" when it has fen. */
	public String floorYuan() {
		return floor.fen() % 100 == 0 ? String.format("%,d", floor.fen() / 100) : String.format("%,.2f", floor.yuan());
	}

	/** The rate as a percentage for people: 800 basis points are "8", 1050 are "10.5". */
	public String ratePercent() {
		return CommissionScheme.percent(rateBasisPoints);
	}
}
