package com.linli.marketing.internal.coupons;

import java.time.Instant;
import com.linli.identity.AccountId;
import com.linli.marketing.CouponStatus;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Text;

/**
 * A resident's coupon, the aggregate of its lifecycle ({@link CouponStatus}): put on an order, given back when
 * the order is cancelled (or expired if its validity has ended by then), expired by time. Each method checks
 * the current state and answers the coupon after the move; {@link Coupons#save} stores it with a
 * compare-and-set on {@code version}.
 */
public record Coupon(long id, long templateId, AccountId resident, String source, CouponStatus status,
		Instant issuedAt, Instant validFrom, Instant validUntil, Long orderId, Instant usedAt, Instant returnedAt,
		Instant expiredAt, int version) {

	/** Valid at this instant (from inclusive, until exclusive). */
	public boolean validAt(Instant at) {
		return !at.isBefore(validFrom) && at.isBefore(validUntil);
	}

	/** The resident may put it on an order placed at {@code at}. */
	public boolean usableAt(Instant at) {
		return status.isUsable() && validAt(at);
	}

	/** Put on an order placed at {@code at}: refused unless usable and valid then. */
	public Coupon use(long order, Instant at) {
		CouponStatus next = status.to(CouponStatus.USED);
		if (!at.isBefore(validUntil)) {
			throw new BusinessRuleException("coupon-expired", "couponId", Text.of("marketing.coupons.problem.expired", id));
		}
		if (at.isBefore(validFrom)) {
			throw new BusinessRuleException("coupon-not-yet-valid", "couponId",
					Text.of("marketing.coupons.problem.notYetValid", id));
		}
		return new Coupon(id, templateId, resident, source, next, issuedAt, validFrom, validUntil, order, at, returnedAt,
				expiredAt, version);
	}

	/** Its order was cancelled at {@code at}: usable again while still valid, otherwise expired. */
	public Coupon orderCancelled(Instant at) {
		if (at.isBefore(validUntil)) {
			return new Coupon(id, templateId, resident, source, status.to(CouponStatus.RETURNED), issuedAt, validFrom,
					validUntil, orderId, usedAt, at, expiredAt, version);
		}
		return new Coupon(id, templateId, resident, source, status.to(CouponStatus.EXPIRED), issuedAt, validFrom,
				validUntil, orderId, usedAt, returnedAt, at, version);
	}

	/** Its validity has ended by {@code at} and it was not used: expired. */
	public Coupon expire(Instant at) {
		CouponStatus next = status.to(CouponStatus.EXPIRED);
		if (at.isBefore(validUntil)) {
			throw new BusinessRuleException("coupon-still-valid", "status",
					Text.of("marketing.coupons.problem.stillValid", id, validUntil));
		}
		if (!status.isUsable()) {
			// a used coupon expires only through its order's cancellation (orderCancelled)
			throw new BusinessRuleException("illegal-coupon-transition", "status",
					Text.of("marketing.coupons.problem.illegalTransition", status, CouponStatus.EXPIRED));
		}
		return new Coupon(id, templateId, resident, source, next, issuedAt, validFrom, validUntil, orderId, usedAt,
				returnedAt, at, version);
	}
}
