package com.linli.supply;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.linli.shared.Money;
import com.linli.shared.SupplierId;

/**
 * A supplier's settlement statement for a payment period: accepted units × purchase price of the purchase
 * orders received in it, minus chargebacks; {@code total = goods − chargebacks}.
 */
public record Statement(long id, SupplierId supplierId, String supplierName, LocalDate periodStart,
		LocalDate periodEnd, Money goods, Money chargebacks, Money total, String status, Instant createdAt,
		Instant settledAt, List<PurchaseOrder> orders, List<Chargeback> chargebackItems) {

	public boolean settled() {
		return "SETTLED".equals(status);
	}
}
