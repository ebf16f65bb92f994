package com.linli.supply;

import java.time.Instant;
import java.time.LocalDate;

import com.linli.catalog.SkuId;
import com.linli.shared.Money;

/**
 * A SKU on a purchase order: {@code ordered} units, of which {@code forDemand} are for the cutoff's
 * demand (the rest tops up to the MOQ); the supplier's {@code confirmed} quantity (null until
 * confirmed); what receiving accepted and rejected (null until received).
 */
public record PurchaseOrderLine(long id, SkuId skuId, String skuName, String unit, Money price, int ordered,
		Integer confirmed, int forDemand, Integer accepted, Integer rejected, RejectReason rejectReason, String batchNo,
		LocalDate productionDate, Instant receivedAt) {

	public boolean received() {
		return receivedAt != null;
	}

	/** What the supplier is to deliver: the confirmed quantity, or the ordered one before confirmation. */
	public int toDeliver() {
		return confirmed == null ? ordered : confirmed;
	}

	public Money amount() {
		return price.times(ordered);
	}

	public Money acceptedAmount() {
		return accepted == null ? Money.ZERO : price.times(accepted);
	}
}
