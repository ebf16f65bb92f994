package com.linli.marketing;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.linli.identity.AccountId;
import com.linli.marketing.internal.OrderPromotionHook;
import com.linli.network.RegionId;
import com.linli.shared.Money;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * How ordering tells marketing what became of an order (DESIGN.md: marketing sits below ordering, so
 * ordering calls this API): placed (coupons used, points spent, a team joined, a budget consumed; any
 * refusal undoes the whole order), paid (points and growth earned, referral rewards, first-order coupons),
 * cancelled or expired (coupons returned if still valid, points given back and earned ones reversed, team
 * places and budgets released), a line refunded (the line's share of points given back, earned points
 * reversed in proportion). Each call runs in the caller's transaction and is applied once per order and
 * event whatever the retries: every hook keys its writes by order (and line) id.
 */
@Service
public class OrderPromotions {

	private final List<OrderPromotionHook> hooks;

	OrderPromotions(ObjectProvider<OrderPromotionHook> hooks) {
		this.hooks = hooks.stream().sorted(Comparator.comparingInt(OrderPromotionHook::position)).toList();
	}

	/** The order was placed at the quote; throws a BusinessRuleException (undoing the order) when a use is refused. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void placed(PlacedOrder order) {
		hooks.forEach(h -> h.placed(order));
	}

	/** The order was paid in full. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void paid(long orderId, AccountId resident, RegionId region, Money paid, Instant at) {
		hooks.forEach(h -> h.paid(orderId, resident, region, paid, at));
	}

	/** The whole order was cancelled or expired (paid or not). */
	@Transactional(propagation = Propagation.MANDATORY)
	public void cancelled(long orderId, AccountId resident, Instant at) {
		hooks.forEach(h -> h.cancelled(orderId, resident, at));
	}

	/**
	 * Units of a line were refunded after payment (a shortage at receipt, a staff refund, after-sales):
	 * {@code shares} is the part of each of the line's deductions that the refunded units carried.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void lineRefunded(long orderId, long lineId, AccountId resident, int quantity, Money refunded,
			Map<DiscountKind, Money> shares, Instant at) {
		hooks.forEach(h -> h.lineRefunded(orderId, lineId, resident, quantity, refunded, shares, at));
	}
}
