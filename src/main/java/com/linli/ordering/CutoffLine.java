package com.linli.ordering;

import com.linli.catalog.SkuId;
import com.linli.network.PickupPointId;

/** One confirmed order line as the cutoff sees it: what to buy, sort and deliver to whom. */
public record CutoffLine(OrderId orderId, String orderNo, String pickupCode, String recipientName,
		String recipientPhone, PickupPointId pickupPointId, OrderLineId lineId, SkuId skuId, String skuName, String spec,
		String unit, int quantity) {
}
