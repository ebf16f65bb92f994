package com.linli.marketing.internal;

import java.time.Instant;
import java.util.Map;

import com.linli.identity.AccountId;
import com.linli.marketing.DiscountKind;
import com.linli.marketing.PlacedOrder;
import com.linli.network.RegionId;
import com.linli.shared.Money;

/**
 * What one marketing tool does when an order moves (coupons, points, teams, campaigns, referrals each
 * have one). {@code OrderPromotions} calls every hook inside the order's transaction; a hook writes with
 * conditional statements keyed by order (and line) id, so a retry changes nothing and a refusal (a coupon
 * already used, points above the balance, a full team) throws and undoes the order.
 */
public interface OrderPromotionHook {

	/** Lower runs first. */
	default int position() {
		return 0;
	}

	default void placed(PlacedOrder order) {
	}

	default void paid(long orderId, AccountId resident, RegionId region, Money paid, Instant at) {
	}

	default void cancelled(long orderId, AccountId resident, Instant at) {
	}

	default void lineRefunded(long orderId, long lineId, AccountId resident, int quantity, Money refunded,
			Map<DiscountKind, Money> shares, Instant at) {
	}
}
