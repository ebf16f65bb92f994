package com.linli.supply;

import java.time.Instant;

import com.linli.shared.Money;
import com.linli.shared.SupplierId;

/** Money taken off a supplier's statement (goods found bad after acceptance, a penalty), entered by an operator. */
public record Chargeback(long id, SupplierId supplierId, Long purchaseOrderId, Money amount, String reason,
		Instant createdAt, Long statementId) {
}
