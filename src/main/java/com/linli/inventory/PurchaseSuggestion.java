package com.linli.inventory;

import java.time.LocalDate;
import java.util.List;

import com.linli.catalog.SkuId;
import com.linli.network.RegionId;
import com.linli.network.WarehouseId;
import com.linli.shared.Money;
import com.linli.shared.Text;

/**
 * What to buy of a SKU for a region's central warehouse, with why: the policy (a newsvendor for fresh goods,
 * a reorder point for ambient ones), the days the purchase covers and the demand forecast over them (expected
 * units, and the quantile bought to: the critical ratio Cu / (Cu + Co) of a newsvendor or the service level
 * of a reorder point), the price and unit cost it weighed and the share of a leftover expected to expire,
 * the order-up-to level, what is available and on order, the units expected to expire unsold and the units
 * to buy = max(0, order-up-to − available − on order) (for a reorder point: nothing while available + on
 * order is above it). {@code warehouseId} is null when the region has no central warehouse; {@code price}
 * and {@code unitCost} null when none is on record.
 */
public record PurchaseSuggestion(RegionId regionId, SkuId skuId, String skuName, WarehouseId warehouseId,
		ReplenishmentPolicy policy, LocalDate issuedOn, String method, int shelfLifeDays, int coverDays,
		double forecastMean, double quantile, double quantileUnits, Double criticalRatio, Double serviceLevel,
		Long reorderPoint, Money price, Money unitCost, Double wasteShare, long orderUpTo, long available,
		long onOrder, double expectedWasteUnits, long suggestedUnits, List<Text> reasoning) {
}
