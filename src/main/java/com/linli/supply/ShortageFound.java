package com.linli.supply;

import java.time.LocalDate;

import com.linli.catalog.SkuId;
import com.linli.network.RegionId;
import com.linli.shared.Money;
import com.linli.shared.SupplierId;

/**
 * Receiving found fewer units of a SKU than the cutoff's demand needed ({@code units}); {@code refundedUnits}
 * of them were refunded to residents ({@code refunded}, over {@code orders} orders).
 */
public record ShortageFound(PurchaseOrderId purchaseOrderId, SupplierId supplierId, RegionId regionId,
		LocalDate pickupDate, SkuId skuId, String skuName, int units, int refundedUnits, Money refunded, int orders) {
}
