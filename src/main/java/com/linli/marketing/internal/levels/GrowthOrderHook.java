package com.linli.marketing.internal.levels;

import java.time.Instant;
import java.util.Map;

import com.linli.identity.AccountId;
import com.linli.marketing.DiscountKind;
import com.linli.marketing.internal.OrderPromotionHook;
import com.linli.marketing.internal.points.PointsProperties;
import com.linli.network.RegionId;
import com.linli.shared.Money;
import com.linli.shared.Text;

import org.springframework.stereotype.Component;

/**
 * Growth value from orders: earned when an order is paid (per whole yuan), taken back in full when it is
 * cancelled and in proportion when a line is refunded (each by its own reference, so once).
 */
@Component
class GrowthOrderHook implements OrderPromotionHook {

	private final GrowthLedger growth;

	private final PointsProperties properties;

	GrowthOrderHook(GrowthLedger growth, PointsProperties properties) {
		this.growth = growth;
		this.properties = properties;
	}

	@Override
	public int position() {
		return 510;
	}

	@Override
	public void paid(long orderId, AccountId resident, RegionId region, Money paid, Instant at) {
		long earned = paid.fen() / 100 * properties.growthPerYuan();
		if (earned > 0) {
			growth.add(resident, earned, Text.of("marketing.levels.reason.order", orderId), "order:" + orderId, at);
		}
	}

	@Override
	public void cancelled(long orderId, AccountId resident, Instant at) {
		long earned = earnedBy(orderId);
		if (earned > 0) {
			growth.takeBack(resident, earned, Text.of("marketing.levels.reason.cancelled", orderId),
					"order:" + orderId + ":cancelled", at);
		}
	}

	@Override
	public void lineRefunded(long orderId, long lineId, AccountId resident, int quantity, Money refunded,
			Map<DiscountKind, Money> shares, Instant at) {
		long back = refunded.fen() / 100 * properties.growthPerYuan();
		if (back > 0) {
			growth.takeBack(resident, back, Text.of("marketing.levels.reason.refunded", orderId),
					"order:" + orderId + ":line:" + lineId + ":" + quantity + ":" + refunded.fen(), at);
		}
	}

	private long earnedBy(long orderId) {
		return growth.growthOf("order:" + orderId) - growth.takenBackFrom("order:" + orderId + ":");
	}
}
