package com.linli.leader;

import java.time.YearMonth;

import com.linli.shared.Money;

/**
 * One leader's commission month for the console: picked-up sales of the month (net of after-pickup
 * refunds), the rate of the band they reach, commission accrued and reversed in the month, and the
 * leader's ledger balance now.
 */
public record MonthlyCommission(Leader leader, YearMonth month, Money sales, int bandRateBasisPoints, Money accrued,
		Money reversed, Money balance) {

	public Money net() {
		return accrued.minus(reversed);
	}

	public String bandRatePercent() {
		return CommissionScheme.percent(bandRateBasisPoints);
	}
}
