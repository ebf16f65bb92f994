package com.linli.leader;

import java.time.YearMonth;

import com.linli.shared.Money;

/**
 * A leader's commission month at a glance: picked-up sales (net of after-pickup refunds) and the band
 * they reach, the next band and what is left to sell to reach it ({@code nextBand} null in the top
 * band), commission accrued and reversed in the month, and the ledger balance now.
 */
public record CommissionSummary(LeaderId leaderId, YearMonth month, Money sales, CommissionBand band,
		CommissionBand nextBand, Money accrued, Money reversed, Money balance, CommissionScheme scheme) {

	/** Commission of the month after reversals. */
	public Money net() {
		return accrued.minus(reversed);
	}

	/** Sales still needed to reach the next band; zero in the top band. */
	public Money toNextBand() {
		return nextBand == null ? Money.ZERO : nextBand.floor().minus(sales);
	}

	/** How far the sales went from this band's floor to the next one, 0 to 100. */
	public int bandProgressPercent() {
		if (nextBand == null) {
			return 100;
		}
		long span = nextBand.floor().fen() - band.floor().fen();
		long done = sales.fen() - band.floor().fen();
		return (int) Math.max(0, Math.min(100, done * 100 / Math.max(span, 1)));
	}
}
