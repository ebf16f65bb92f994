package com.linli.supply;

import java.time.LocalDate;

import com.linli.catalog.SkuId;
import com.linli.network.WarehouseId;

/** What a VMI supplier proposes: units of one of its SKUs for a central warehouse, delivered on a day. */
public record NewVmiProposal(SkuId skuId, WarehouseId warehouseId, Integer units, LocalDate deliveryDate, String note) {
}
