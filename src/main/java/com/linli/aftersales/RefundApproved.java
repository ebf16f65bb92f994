package com.linli.aftersales;

import java.time.Instant;
import java.time.LocalDate;

import com.linli.catalog.CategoryId;
import com.linli.catalog.SkuId;
import com.linli.identity.AccountId;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.ordering.OrderId;
import com.linli.ordering.OrderLineId;
import com.linli.shared.Money;

/**
 * An after-sales request was settled in the resident's favour: {@code quantity} units of a line refunded
 * ({@code amount} given back through ordering and payment) or, for an exchange, replaced ({@code amount} is the
 * value the platform bears, nothing refunded). Supply charges the supplier back when
 * {@code reason.supplierCause()}, and counts it in the supplier's scorecard. Published once per request.
 */
public record RefundApproved(AfterSalesRequestId requestId, OrderId orderId, OrderLineId lineId, AccountId residentId,
		RegionId regionId, PickupPointId pickupPointId, LocalDate pickupDate, SkuId skuId, String skuName,
		CategoryId categoryId, RequestKind kind, RequestReason reason, int quantity, Money amount, Instant at) {
}
