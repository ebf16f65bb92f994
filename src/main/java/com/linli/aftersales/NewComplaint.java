package com.linli.aftersales;

import java.util.List;

import com.linli.catalog.SkuId;
import com.linli.network.PickupPointId;
import com.linli.ordering.OrderId;
import com.linli.shared.storage.ImageUpload;

/**
 * A resident's complaint: its subject, what it is about where known (an order of theirs, a pickup point, a
 * SKU; null otherwise), the text (1–1000 characters) and up to 6 photos. {@code submitKey} makes a repeated
 * submit answer the first complaint.
 */
public record NewComplaint(ComplaintSubject subject, OrderId orderId, PickupPointId pickupPointId, SkuId skuId,
		String text, List<ImageUpload> photos, String submitKey) {
}
