package com.linli.marketing.internal;

import java.time.Instant;

import com.linli.identity.AccountId;

/**
 * Adds points to a resident's ledger on behalf of another tool (a referral reward, a campaign), or takes
 * them (the points shop). Implemented by the points ledger. {@code reference} makes each entry once:
 * the same reference again changes nothing. Taking more than the balance throws and changes nothing.
 */
public interface PointsGrants {

	void award(AccountId resident, long points, String reason, String reference, Instant at);

	void spend(AccountId resident, long points, String reason, String reference, Instant at);

	long balance(AccountId resident);
}
