package com.linli.aftersales;

import java.util.List;

import com.linli.ordering.OrderId;
import com.linli.ordering.OrderLineId;
import com.linli.shared.storage.ImageUpload;

/**
 * A resident's review of a picked-up line of their order: product stars 1–5, the leader's service 1–5 (or null),
 * a text of at most 500 characters and up to 6 photos. One review per line.
 */
public record NewReview(OrderId orderId, OrderLineId lineId, int productStars, Integer leaderStars, String text,
		List<ImageUpload> photos) {
}
