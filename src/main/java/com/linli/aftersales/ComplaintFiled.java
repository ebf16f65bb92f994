package com.linli.aftersales;

import java.time.Instant;

import com.linli.catalog.SkuId;
import com.linli.identity.AccountId;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.ordering.OrderId;

/**
 * A resident filed a complaint. {@code orderId}, {@code pickupPointId} and {@code skuId} are what it is about,
 * where known (null otherwise): a LEADER complaint names the pickup point, a PRODUCT one the SKU.
 */
public record ComplaintFiled(ComplaintId complaintId, String complaintNo, AccountId residentId, RegionId regionId,
		ComplaintSubject subject, OrderId orderId, PickupPointId pickupPointId, SkuId skuId, Instant at) {
}
