package com.linli.supply;

import java.time.Instant;

import com.linli.shared.Money;
import com.linli.shared.SupplierId;

/**
 * Money taken off a supplier's statement (goods found bad after acceptance, a penalty), entered by an operator, or
 * charged by after-sales once per request refunded for a cause the supplier answers for (quality). {@code reason}
 * is the typed text or a stored {@code Text} ({@code supply.chargeback.aftersales|...}).
 */
public record Chargeback(long id, SupplierId supplierId, Long purchaseOrderId, Money amount, String reason,
		Instant createdAt, Long statementId) {
}
