package com.linli.marketing.internal;

import com.linli.identity.AccountId;

/**
 * A resident's membership level (implemented by the levels): rank 0 is the entry level, higher ranks
 * grant more (member prices, monthly coupons, earlier access to flash sales). Cached: the order path asks.
 */
public interface ResidentLevels {

	int rankOf(AccountId resident);
}
