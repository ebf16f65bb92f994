package com.linli.aftersales;

import java.time.Instant;

import com.linli.catalog.ProductId;
import com.linli.catalog.SkuId;
import com.linli.identity.AccountId;
import com.linli.network.PickupPointId;
import com.linli.ordering.OrderId;
import com.linli.ordering.OrderLineId;

/**
 * A resident reviewed a picked-up order line: {@code productStars} (1–5) for the product and
 * {@code leaderStars} (1–5, or null when not given) for the leader's service at the pickup point.
 */
public record ReviewPosted(ReviewId reviewId, AccountId residentId, OrderId orderId, OrderLineId lineId, SkuId skuId,
		ProductId productId, PickupPointId pickupPointId, int productStars, Integer leaderStars, boolean withPhotos,
		Instant at) {
}
