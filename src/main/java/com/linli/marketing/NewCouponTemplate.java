package com.linli.marketing;

import java.time.Instant;
import java.util.Set;

import com.linli.shared.Money;

/**
 * What an operator fills in to create a coupon template (see {@link CouponTemplate}); checked by
 * {@link CouponTemplateManagement#create}. {@code amount} for a FIXED coupon, {@code percentOff} (1–99) and an
 * optional {@code cap} for a PERCENT one; {@code validDays}, or {@code validFrom} and {@code validUntil}.
 */
public record NewCouponTemplate(String name, CouponTemplate.Kind kind, Money amount, Integer percentOff, Money cap,
		Money threshold, CouponTemplate.Scope scope, Set<Long> scopeIds, Set<Long> regionIds, Integer validDays,
		Instant validFrom, Instant validUntil, int perResidentLimit, int totalQuantity, boolean claimable,
		boolean onRegistration, boolean onFirstOrder) {

	public NewCouponTemplate {
		scopeIds = scopeIds == null ? Set.of() : Set.copyOf(scopeIds);
		regionIds = regionIds == null ? Set.of() : Set.copyOf(regionIds);
		threshold = threshold == null ? Money.ZERO : threshold;
	}
}
