package com.linli.aftersales;

import java.time.Instant;
import java.util.List;

import com.linli.catalog.ProductId;
import com.linli.catalog.SkuId;
import com.linli.identity.AccountId;
import com.linli.network.RegionId;
import com.linli.ordering.OrderId;
import com.linli.ordering.OrderLineId;

/**
 * A review as pages and the API read it. {@code authorName} is already masked ("张**"); {@code photoIds} name the
 * photos the review controllers serve; hidden reviews carry their reason and are never shown publicly.
 */
public record ReviewSummary(ReviewId id, AccountId residentId, String authorName, OrderId orderId, OrderLineId lineId,
		SkuId skuId, String skuName, ProductId productId, RegionId regionId, int productStars, Integer leaderStars,
		String text, List<Long> photoIds, boolean hidden, String hiddenReason, Instant hiddenAt, Instant createdAt) {
}
