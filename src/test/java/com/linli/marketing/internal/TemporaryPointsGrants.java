package com.linli.marketing.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.linli.identity.AccountId;
import com.linli.shared.BusinessRuleException;

import org.springframework.stereotype.Component;

/**
 * TEMPORARY, test only: the points helper implements {@link PointsGrants}; this in-memory stand-in lets the
 * referral tests run on their own branch. The lead deletes it at merge.
 */
@Component
class TemporaryPointsGrants implements PointsGrants {

	private final Map<Long, Long> balances = new ConcurrentHashMap<>();

	private final Set<String> references = ConcurrentHashMap.newKeySet();

	@Override
	public void award(AccountId resident, long points, String reason, String reference, Instant at) {
		if (references.add(reference)) {
			balances.merge(resident.value(), points, Long::sum);
		}
	}

	@Override
	public synchronized void spend(AccountId resident, long points, String reason, String reference, Instant at) {
		if (balance(resident) < points) {
			throw new BusinessRuleException("points-balance", "not enough points");
		}
		if (references.add(reference)) {
			balances.merge(resident.value(), -points, Long::sum);
		}
	}

	@Override
	public long balance(AccountId resident) {
		return balances.getOrDefault(resident.value(), 0L);
	}
}
