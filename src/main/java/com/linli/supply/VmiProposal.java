package com.linli.supply;

import java.time.Instant;
import java.time.LocalDate;

import com.linli.catalog.SkuId;
import com.linli.network.RegionId;
import com.linli.network.WarehouseId;
import com.linli.shared.InvalidInputException;
import com.linli.shared.SupplierId;
import com.linli.shared.Text;

/**
 * A VMI supplier's proposal to replenish one of its SKUs at a central warehouse (补货建议): units and the day it
 * would deliver. Its moves (approve into a purchase order, reject with a reason, withdraw) are guarded by
 * {@link VmiProposalStatus} and return the changed proposal for the repository to save with a compare-and-set
 * on {@code version}.
 */
public record VmiProposal(long id, SupplierId supplierId, String supplierName, SkuId skuId, RegionId regionId,
		WarehouseId warehouseId, int units, LocalDate deliveryDate, String note, VmiProposalStatus status,
		Long proposedBy, Instant proposedAt, Long decidedBy, Instant decidedAt, String rejectReason,
		PurchaseOrderId purchaseOrderId, long version) {

	/** Approved: the purchase order that carries it. */
	VmiProposal approve(PurchaseOrderId order, Long by, Instant at) {
		return decided(status.to(VmiProposalStatus.APPROVED), order, null, by, at);
	}

	/** Rejected by an operator, with a reason the supplier reads. */
	VmiProposal reject(String reason, Long by, Instant at) {
		var next = status.to(VmiProposalStatus.REJECTED);
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", Text.of("supply.problem.mustNotBlank"));
		}
		String r = reason.strip();
		if (r.codePointCount(0, r.length()) > 200) {
			throw new InvalidInputException("reason", Text.of("supply.problem.atMostCharacters", 200));
		}
		return decided(next, null, r, by, at);
	}

	/** Withdrawn by the supplier before an operator decided. */
	VmiProposal withdraw(Long by, Instant at) {
		return decided(status.to(VmiProposalStatus.WITHDRAWN), null, null, by, at);
	}

	private VmiProposal decided(VmiProposalStatus next, PurchaseOrderId order, String reason, Long by, Instant at) {
		return new VmiProposal(id, supplierId, supplierName, skuId, regionId, warehouseId, units, deliveryDate, note,
				next, proposedBy, proposedAt, by, at, reason, order, version);
	}
}
