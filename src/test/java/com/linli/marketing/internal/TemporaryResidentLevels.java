package com.linli.marketing.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.linli.identity.AccountId;

import org.springframework.stereotype.Component;

/**
 * TEMPORARY, test-only (delete at merge: the levels implement {@link ResidentLevels}): ranks set by tests,
 * everybody else rank 0.
 */
@Component
public class TemporaryResidentLevels implements ResidentLevels {

	private static final Map<AccountId, Integer> RANKS = new ConcurrentHashMap<>();

	public static void setRank(AccountId resident, int rank) {
		RANKS.put(resident, rank);
	}

	@Override
	public int rankOf(AccountId resident) {
		return RANKS.getOrDefault(resident, 0);
	}
}
