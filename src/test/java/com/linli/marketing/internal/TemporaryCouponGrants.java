package com.linli.marketing.internal;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.linli.identity.AccountId;

import org.springframework.stereotype.Component;

/**
 * TEMPORARY, test only: the coupons helper implements {@link CouponGrants}; this in-memory stand-in lets the
 * referral tests run on their own branch. The lead deletes it at merge.
 */
@Component
class TemporaryCouponGrants implements CouponGrants {

	private final AtomicLong ids = new AtomicLong(1_000_000);

	private final Map<String, Long> bySource = new ConcurrentHashMap<>();

	@Override
	public long grant(AccountId resident, long templateId, String source, Instant at) {
		return bySource.computeIfAbsent(resident.value() + "|" + source, k -> ids.incrementAndGet());
	}
}
