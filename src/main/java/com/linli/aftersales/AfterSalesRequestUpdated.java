package com.linli.aftersales;

import java.time.Instant;

import com.linli.identity.AccountId;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.ordering.OrderId;

/**
 * An after-sales request moved to {@code status} (approved, information asked, refunded, exchanged, rejected,
 * withdrawn): the resident is told, and for a return the leader sees goods to collect. {@code note} is the
 * stored text (`Text...stored()`) of the decision's reason or question, or null.
 */
public record AfterSalesRequestUpdated(AfterSalesRequestId requestId, String requestNo, OrderId orderId,
		AccountId residentId, RegionId regionId, PickupPointId pickupPointId, RequestKind kind, RequestStatus status,
		String note, Instant at) {
}
