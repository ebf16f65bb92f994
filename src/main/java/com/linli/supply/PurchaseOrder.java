package com.linli.supply;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.linli.network.RegionId;
import com.linli.network.WarehouseId;
import com.linli.shared.Money;
import com.linli.shared.SupplierId;

/** A purchase order (采购单) to one supplier, delivered to a region's central warehouse. */
public record PurchaseOrder(PurchaseOrderId id, String poNo, SupplierId supplierId, String supplierName,
		RegionId regionId, WarehouseId warehouseId, Long cutoffRunId, LocalDate pickupDate, PurchaseOrderStatus status,
		Instant expectedAt, Instant announcedAt, Instant createdAt, Instant sentAt, Instant confirmedAt,
		Instant deliveredAt, Instant settledAt, Instant cancelledAt, Long statementId, List<PurchaseOrderLine> lines) {

	public Money amount() {
		return lines.stream().map(PurchaseOrderLine::amount).reduce(Money.ZERO, Money::plus);
	}

	public Money acceptedAmount() {
		return lines.stream().map(PurchaseOrderLine::acceptedAmount).reduce(Money.ZERO, Money::plus);
	}

	public long units() {
		return lines.stream().mapToLong(PurchaseOrderLine::ordered).sum();
	}

	public boolean fullyReceived() {
		return lines.stream().allMatch(l -> l.received() || l.toDeliver() == 0);
	}
}
