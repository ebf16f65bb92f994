package com.linli.ordering;

import java.time.Instant;

import com.linli.shared.Money;

/**
 * One refund the platform asked the provider for: of a whole order ({@code lineId} null) or of units of
 * a line. {@code reason} is a code ({@code SHORTAGE}, {@code SUPPLIER_SHORTAGE}, {@code cancel}, a
 * {@link StaffRefundReason}...); {@code status} REQUESTED or SUCCEEDED.
 */
public record OrderRefund(String reference, OrderLineId lineId, int quantity, Money amount, String reason,
		String status, Instant requestedAt, Instant completedAt) {
}
