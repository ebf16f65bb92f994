package com.linli.supply;

import com.linli.shared.SupplierId;

/** A supplier's tier and contract terms; {@code paymentDays} only with {@link PaymentPeriod#DAYS}. */
public record SupplierTerms(SupplierId supplierId, SupplierTier tier, PaymentPeriod paymentPeriod, Integer paymentDays) {
}
