package com.linli.aftersales;

import java.util.List;

import com.linli.ordering.OrderId;
import com.linli.ordering.OrderLineId;
import com.linli.shared.storage.ImageUpload;

/**
 * A resident's after-sales request on {@code quantity} units of one line of their order, with up to 6 photos.
 * {@code submitKey} (1–64 letters, digits, '-' or '_') makes a repeated submit answer the first request.
 */
public record NewRequest(OrderId orderId, OrderLineId lineId, RequestKind kind, RequestReason reason, int quantity,
		String description, List<ImageUpload> photos, String submitKey) {
}
