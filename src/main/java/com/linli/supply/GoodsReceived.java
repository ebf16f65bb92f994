package com.linli.supply;

import java.time.Instant;
import java.util.List;

import com.linli.catalog.SkuId;
import com.linli.network.RegionId;
import com.linli.network.WarehouseId;
import com.linli.shared.SupplierId;

/** A purchase order line was received at a central warehouse: accepted units are in stock. */
public record GoodsReceived(PurchaseOrderId purchaseOrderId, SupplierId supplierId, RegionId regionId,
		WarehouseId warehouseId, List<Line> lines, Instant at) {

	public record Line(SkuId skuId, int accepted, int rejected, RejectReason rejectReason, String batchNo) {
	}
}
