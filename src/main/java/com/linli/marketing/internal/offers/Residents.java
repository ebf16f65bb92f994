package com.linli.marketing.internal.offers;

import com.linli.identity.AccountId;

/**
 * What the offer calculators ask about a resident: whether they are new (no paid order yet) and whether
 * they used their 1-yuan offer. Each answer is one indexed lookup, cached, and asked only when an offer
 * could apply.
 */
public interface Residents {

	boolean isNew(AccountId resident);

	boolean usedOneYuanOffer(AccountId resident);
}
