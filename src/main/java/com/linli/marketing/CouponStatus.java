package com.linli.marketing;

import java.util.EnumSet;
import java.util.Set;

import com.linli.shared.BusinessRuleException;
import com.linli.shared.Text;

/**
 * A coupon's lifecycle: {@code ISSUED -> USED -> RETURNED} (its order cancelled while it is still valid: usable
 * again) {@code | EXPIRED}. An order cancelled after the coupon's validity ends takes it from USED straight to
 * EXPIRED. {@link #to(CouponStatus)} is the only way a coupon moves.
 */
public enum CouponStatus {

	ISSUED, USED, RETURNED, EXPIRED;

	public Set<CouponStatus> next() {
		return switch (this) {
			case ISSUED, RETURNED -> EnumSet.of(USED, EXPIRED);
			case USED -> EnumSet.of(RETURNED, EXPIRED);
			case EXPIRED -> EnumSet.noneOf(CouponStatus.class);
		};
	}

	public boolean canBecome(CouponStatus target) {
		return next().contains(target);
	}

	/** The target status, if this one may change to it; otherwise a 409 naming both. */
	public CouponStatus to(CouponStatus target) {
		if (!canBecome(target)) {
			throw new BusinessRuleException("illegal-coupon-transition", "status",
					Text.of("marketing.coupons.problem.illegalTransition", this, target));
		}
		return target;
	}

	/** The resident holds it and may put it on an order (while it is valid). */
	public boolean isUsable() {
		return canBecome(USED);
	}

	/** Statuses the nightly job expires when validity ends: the usable ones (a used coupon waits for its order). */
	public static String[] expiredByTime() {
		return EnumSet.allOf(CouponStatus.class).stream().filter(s -> s.isUsable() && s.canBecome(EXPIRED))
			.map(Enum::name).toArray(String[]::new);
	}
}
