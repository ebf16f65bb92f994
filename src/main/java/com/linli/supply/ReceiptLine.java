package com.linli.supply;

import java.time.LocalDate;

/**
 * What receiving found of one purchase order line: units accepted into stock (with their batch number and
 * production date) and units turned away with a reason.
 */
public record ReceiptLine(long lineId, int accepted, int rejected, RejectReason rejectReason, String batchNo,
		LocalDate productionDate) {
}
