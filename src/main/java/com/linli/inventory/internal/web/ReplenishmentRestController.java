package com.linli.inventory.internal.web;

import java.time.LocalDate;
import java.util.List;

import com.linli.catalog.SkuId;
import com.linli.identity.Actor;
import com.linli.inventory.PurchaseSuggestion;
import com.linli.inventory.ReplenishmentManagement;
import com.linli.network.RegionId;
import com.linli.shared.Text;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Replenishment for staff: a SKU's purchase suggestion with its reasoning, and the region's stock-out warnings. */
@RestController
@RequestMapping("/api/forecasts/regions/{regionId}")
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
@Tag(name = "forecasts", description = "Demand forecasts (需求预测), accuracy 1 − WAPE beside seasonal-naive")
class ReplenishmentRestController {

	private final ReplenishmentManagement replenishment;

	ReplenishmentRestController(ReplenishmentManagement replenishment) {
		this.replenishment = replenishment;
	}

	record SuggestionView(long regionId, long skuId, String skuName, Long warehouseId, String policy, LocalDate issuedOn,
			String method, int shelfLifeDays, int coverDays, double forecastMean, double quantile, double quantileUnits,
			Double criticalRatio, Double serviceLevel, Long reorderPoint, Long priceFen, Long unitCostFen,
			Double wasteShare, long orderUpTo, long available, long onOrder, double expectedWasteUnits,
			long suggestedUnits, List<String> reasoning) {

		static SuggestionView of(PurchaseSuggestion s) {
			return new SuggestionView(s.regionId().value(), s.skuId().value(), s.skuName(),
					s.warehouseId() == null ? null : s.warehouseId().value(), s.policy().name(), s.issuedOn(), s.method(),
					s.shelfLifeDays(), s.coverDays(), s.forecastMean(), s.quantile(), s.quantileUnits(), s.criticalRatio(),
					s.serviceLevel(), s.reorderPoint(), s.price() == null ? null : s.price().fen(),
					s.unitCost() == null ? null : s.unitCost().fen(), s.wasteShare(), s.orderUpTo(), s.available(),
					s.onOrder(), s.expectedWasteUnits(), s.suggestedUnits(),
					s.reasoning().stream().map(Text::inReadersLanguage).toList());
		}
	}

	@GetMapping("/skus/{skuId}/purchase-suggestion")
	@Operation(summary = "What to buy of a SKU for the region's central warehouse: a newsvendor (fresh) or a reorder "
			+ "point (ambient) over the forecast's quantiles, net of what is available and on order, with the reasoning")
	SuggestionView suggestion(@PathVariable long regionId, @PathVariable long skuId, Actor actor) {
		return SuggestionView.of(replenishment.purchaseSuggestion(new RegionId(regionId), new SkuId(skuId), actor));
	}

	@PostMapping("/stockout-warnings")
	@Operation(summary = "Raise the region's stock-out warnings now (the nightly forecast does after forecasting): an "
			+ "alert STOCKOUT_AHEAD per SKU whose 0.95 quantile of demand before a purchase can arrive exceeds what is "
			+ "available and on order; warnings whose condition is gone are resolved")
	ReplenishmentManagement.StockoutWarnings warnings(@PathVariable long regionId, Actor actor) {
		return replenishment.raiseStockoutWarnings(new RegionId(regionId), actor);
	}
}
