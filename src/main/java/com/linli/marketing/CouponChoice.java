package com.linli.marketing;

/**
 * Which coupon a resident wants on an order: the best one the engine finds ({@link #best()}), none, or a
 * chosen one (by id). A chosen coupon that does not apply is refused with a reason, never silently dropped.
 */
public record CouponChoice(Mode mode, Long couponId) {

	public enum Mode {
		BEST, NONE, CHOSEN
	}

	public CouponChoice {
		if (mode == null || (mode == Mode.CHOSEN) != (couponId != null)) {
			throw new IllegalArgumentException("a chosen coupon needs its id, and only a chosen one");
		}
	}

	public static CouponChoice best() {
		return new CouponChoice(Mode.BEST, null);
	}

	public static CouponChoice none() {
		return new CouponChoice(Mode.NONE, null);
	}

	public static CouponChoice of(long couponId) {
		return new CouponChoice(Mode.CHOSEN, couponId);
	}
}
