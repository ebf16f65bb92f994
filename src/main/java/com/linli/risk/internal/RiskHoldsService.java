package com.linli.risk.internal;

import com.linli.shared.RiskHolds;

import org.springframework.stereotype.Component;

/**
 * The holds leader and marketing consult: an account is held while an open or confirmed case names it. One indexed
 * query per check; a database failure propagates (fail-closed, see {@link RiskHolds}).
 */
@Component
class RiskHoldsService implements RiskHolds {

	private final RiskCases cases;

	RiskHoldsService(RiskCases cases) {
		this.cases = cases;
	}

	@Override
	public boolean payoutsHeld(long accountId) {
		return cases.holds(accountId);
	}

	@Override
	public boolean couponsHeld(long accountId) {
		return cases.holds(accountId);
	}
}
