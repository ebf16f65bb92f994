package com.linli.marketing.internal;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.linli.identity.AccountId;

import org.springframework.stereotype.Component;

/**
 * TEMPORARY (deleted at merge, the coupons implement {@link CouponGrants}): answers a new coupon id per
 * resident and source, the same id for the same source again. Template 0 is refused, so tests can see a
 * refused grant undo what came with it.
 */
@Component
class TemporaryCouponGrants implements CouponGrants {

	private final Map<String, Long> granted = new ConcurrentHashMap<>();

	private final AtomicLong ids = new AtomicLong(7_000_000);

	@Override
	public long grant(AccountId resident, long templateId, String source, Instant at) {
		if (templateId == 0) {
			throw new com.linli.shared.BusinessRuleException("coupon-template-exhausted", "templateId",
					com.linli.shared.Text.of("marketing.points.problem.notWholeStep", 0));
		}
		return granted.computeIfAbsent(resident.value() + "|" + source, k -> ids.incrementAndGet());
	}
}
