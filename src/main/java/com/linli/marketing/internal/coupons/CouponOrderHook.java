package com.linli.marketing.internal.coupons;

import java.sql.Timestamp;
import java.time.Instant;

import com.linli.identity.AccountId;
import com.linli.marketing.CouponStatus;
import com.linli.marketing.PlacedOrder;
import com.linli.marketing.internal.OrderPromotionHook;
import com.linli.network.RegionId;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Money;
import com.linli.shared.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What orders do to coupons, inside the order's transaction: placed, the quote's coupon becomes USED for that
 * order (a compare-and-set; a coupon used or expired meanwhile is a 409 {@code coupon-unavailable} that undoes
 * the order); cancelled, the order's coupon comes back (RETURNED while still valid, else EXPIRED); paid, the
 * resident's first paid order is recorded once, and the coupons given on a first order follow after commit.
 * Every step is keyed by order id: a retry finds the work done and changes nothing.
 */
@Component
class CouponOrderHook implements OrderPromotionHook {

	private final Coupons coupons;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final org.springframework.beans.factory.ObjectProvider<com.linli.shared.RiskHolds> holds;

	CouponOrderHook(Coupons coupons, JdbcClient jdbc, ApplicationEventPublisher events,
			org.springframework.beans.factory.ObjectProvider<com.linli.shared.RiskHolds> holds) {
		this.holds = holds;
		this.coupons = coupons;
		this.jdbc = jdbc;
		this.events = events;
	}

	@Override
	public void placed(PlacedOrder order) {
		Long couponId = order.quote().couponId();
		if (couponId == null) {
			return;
		}
		if (CouponCalculator.held(holds, order.resident())) {
			throw CouponCalculator.heldByRisk(couponId); // a hold that came between the quote and the order
		}
		Coupon coupon = coupons.find(couponId, order.resident()).orElseThrow(() -> unavailable(couponId));
		if (coupon.status() == CouponStatus.USED && Long.valueOf(order.orderId()).equals(coupon.orderId())) {
			return; // a retry of this order's placement
		}
		Coupon used;
		try {
			used = coupon.use(order.orderId(), order.at());
		}
		catch (BusinessRuleException e) {
			throw unavailable(couponId);
		}
		if (!coupons.compareAndSet(used)) {
			throw unavailable(couponId);
		}
	}

	@Override
	public void cancelled(long orderId, AccountId resident, Instant at) {
		coupons.usedBy(orderId).ifPresent(c -> coupons.save(c.orderCancelled(at)));
	}

	@Override
	public void paid(long orderId, AccountId resident, RegionId region, Money paid, Instant at) {
		int first = jdbc.sql("""
				insert into marketing.coupon_first_order (resident_id, order_id, paid_at) values (?, ?, ?)
				on conflict (resident_id) do nothing""")
			.params(resident.value(), orderId, Timestamp.from(at)).update();
		if (first == 1) {
			events.publishEvent(new FirstOrderPaid(resident, region, orderId, at));
		}
	}

	private static BusinessRuleException unavailable(long couponId) {
		return new BusinessRuleException("coupon-unavailable", "couponId",
				Text.of("marketing.coupons.problem.unavailable", couponId));
	}
}
