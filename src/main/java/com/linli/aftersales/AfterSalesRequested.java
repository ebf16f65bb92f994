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
 * A resident filed an after-sales request on {@code quantity} units of an order line. {@code amount} is what
 * those units paid (their share of the line's paid amount, net of discounts). Counts toward refund rates and
 * the quality alert when it is not rejected or withdrawn later ({@link AfterSalesRequestUpdated}).
 */
public record AfterSalesRequested(AfterSalesRequestId requestId, String requestNo, OrderId orderId, OrderLineId lineId,
		AccountId residentId, RegionId regionId, PickupPointId pickupPointId, LocalDate pickupDate, SkuId skuId,
		String skuName, CategoryId categoryId, RequestKind kind, RequestReason reason, int quantity, Money amount,
		Instant at) {
}
