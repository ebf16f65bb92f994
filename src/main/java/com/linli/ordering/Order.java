package com.linli.ordering;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.linli.identity.AccountId;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.shared.Money;

/**
 * A resident's order for one pickup date at their pickup point; {@code note} is what the resident
 * wrote to the leader at the review step (may be null).
 */
public record Order(OrderId id, String orderNo, AccountId residentId, String recipientName, String recipientPhone,
		RegionId regionId, PickupPointId pickupPointId, LocalDate pickupDate, OrderStatus status, Money total,
		Money paid, Money refunded, String pickupCode, String cancelReason, Instant createdAt, Instant expiresAt,
		Instant paidAt, Instant cutoffAt, Instant readyAt, Instant pickedUpAt, String note, List<OrderLine> lines) {

	public int itemCount() {
		return lines.stream().mapToInt(OrderLine::quantity).sum();
	}

	/** Paid minus refunded. */
	public Money netPaid() {
		return paid.minus(refunded);
	}

	/** Can the resident still cancel it (unpaid, or paid and before cutoff)? */
	public boolean cancellableAt(Instant now) {
		return status == OrderStatus.PENDING_PAYMENT || (status == OrderStatus.PAID && now.isBefore(cutoffAt));
	}

	/** The pickup code is shown once the order is paid and until it is picked up. */
	public boolean showsPickupCode() {
		return pickupCode != null && status.isLive();
	}
}
