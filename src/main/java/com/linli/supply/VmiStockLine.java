package com.linli.supply;

import java.util.List;

import com.linli.catalog.SkuId;
import com.linli.inventory.DemandOutlook;
import com.linli.network.RegionId;
import com.linli.network.WarehouseId;
import com.linli.shared.Money;

/**
 * What a VMI supplier sees of one of its SKUs at a central warehouse: stock on hand and available, the forecast
 * of the region's demand for the next days (mean and p80/p95 per day), units on order, the cover the rule asks
 * for and the suggested replenishment (see {@code VmiSuggestion}); {@code open} is the supplier's own open
 * proposal, {@code openElsewhere} whether another supplier's is open for the SKU there.
 */
public record VmiStockLine(RegionId regionId, String regionName, WarehouseId warehouseId, String warehouseName,
		SkuId skuId, String skuName, int moq, Money price, long onHand, long available, long onOrder,
		List<DemandOutlook.Day> forecast, String method, double forecastMean, double spread, long cover,
		long suggested, VmiProposal open, boolean openElsewhere) {

	public VmiStockLine {
		forecast = List.copyOf(forecast);
	}

	/** Whether the forecasting job has made a forecast for the SKU in the region. */
	public boolean forecasted() {
		return !forecast.isEmpty();
	}
}
