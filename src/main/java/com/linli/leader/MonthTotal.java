package com.linli.leader;

import java.time.YearMonth;

import com.linli.shared.Money;

/** A leader's commission in one month of their ledger. */
public record MonthTotal(YearMonth month, Money sales, Money accrued, Money reversed) {

	public Money net() {
		return accrued.minus(reversed);
	}
}
