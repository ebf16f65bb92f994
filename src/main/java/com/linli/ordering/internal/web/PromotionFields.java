package com.linli.ordering.internal.web;

import com.linli.marketing.CouponChoice;
import com.linli.marketing.TeamIntent;
import com.linli.shared.InvalidInputException;

/**
 * The promotion fields of a submit or a price preview, as a resident's client sends them: {@code couponId}
 * (a chosen coupon) or {@code coupon} ("best", the default, or "none"), {@code points} to spend, and
 * {@code teamId} (join a team) or {@code openTeam: true} (open one). A contradiction is a 400 naming the field.
 */
final class PromotionFields {

	private PromotionFields() {
	}

	static CouponChoice coupon(Long couponId, String coupon) {
		if (couponId != null) {
			if (coupon != null && !coupon.isBlank()) {
				throw new InvalidInputException("coupon", "give couponId or coupon, not both");
			}
			if (couponId < 1) {
				throw new InvalidInputException("couponId", "is not a coupon id");
			}
			return CouponChoice.of(couponId);
		}
		if (coupon == null || coupon.isBlank() || coupon.equals("best")) {
			return CouponChoice.best();
		}
		if (coupon.equals("none")) {
			return CouponChoice.none();
		}
		throw new InvalidInputException("coupon", "must be \"best\" or \"none\" (a chosen coupon goes in couponId)");
	}

	static long points(Long points) {
		return points == null ? 0 : points;
	}

	static TeamIntent team(Long teamId, Boolean openTeam) {
		if (teamId != null) {
			if (Boolean.TRUE.equals(openTeam)) {
				throw new InvalidInputException("openTeam", "join a team (teamId) or open one, not both");
			}
			if (teamId < 1) {
				throw new InvalidInputException("teamId", "is not a team id");
			}
			return TeamIntent.join(teamId);
		}
		return Boolean.TRUE.equals(openTeam) ? TeamIntent.open() : null;
	}
}
