package com.linli.supply;

import java.time.Instant;
import java.time.LocalDate;

import com.linli.catalog.SkuId;
import com.linli.shared.Money;

/**
 * A SKU on a purchase order: {@code ordered} units, of which {@code forDemand} are for the cutoff's
 * demand (the rest tops up to the MOQ); the supplier's {@code confirmed} quantity (null until
 * confirmed); what receiving accepted and rejected (null until received). Changed only through its
 * {@link PurchaseOrder}.
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

	/** Units of the cutoff's demand that receiving did not accept (0 before receiving or when all came). */
	public int missingForDemand() {
		return received() ? Math.max(forDemand - accepted, 0) : 0;
	}

	PurchaseOrderLine withOrdered(int units) {
		return new PurchaseOrderLine(id, skuId, skuName, unit, price, units, confirmed, forDemand, accepted, rejected,
				rejectReason, batchNo, productionDate, receivedAt);
	}

	PurchaseOrderLine withConfirmed(int units) {
		return new PurchaseOrderLine(id, skuId, skuName, unit, price, ordered, units, forDemand, accepted, rejected,
				rejectReason, batchNo, productionDate, receivedAt);
	}

	/** The line as received: a batch number and production date only with accepted units, a reason only with rejected ones. */
	PurchaseOrderLine receivedAs(ReceiptLine r, Instant at) {
		boolean anyAccepted = r.accepted() > 0;
		return new PurchaseOrderLine(id, skuId, skuName, unit, price, ordered, confirmed, forDemand, r.accepted(),
				r.rejected(), r.rejected() > 0 ? r.rejectReason() : null, anyAccepted ? r.batchNo().strip() : null,
				anyAccepted ? r.productionDate() : null, at);
	}
}
