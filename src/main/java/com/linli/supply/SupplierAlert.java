package com.linli.supply;

import java.time.Instant;
import java.time.LocalDate;

import com.linli.shared.SupplierId;

/** An open alert on a supplier's licence: EXPIRED (blocks new purchase orders) or EXPIRING (within 30 days). */
public record SupplierAlert(long id, SupplierId supplierId, String supplierName, long qualificationId, String kind,
		String licenceKind, String licenceNo, LocalDate validUntil, Instant raisedAt) {
}
