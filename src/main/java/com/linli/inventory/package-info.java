/**
 * Stock per warehouse and SKU (on hand, reserved, available), batches with expiry picked first-expiry-first-out,
 * the movement ledger that always sums to on hand, stocktakes, safety stock, alerts and clearance suggestions;
 * and the demand forecasts (daily demand history per SKU and region from the cutoffs, a 7-day forecast, listing
 * caps and purchase suggestions, accuracy against seasonal-naive). marketing is read for the listings' discounts
 * (promotion feature) and called for clearance listings; fulfilment for CutoffCompleted, GoodsDispatched and the
 * demand of a run. identity is an arrow beyond DESIGN.md's table, for {@code Actor} only (who moved the goods,
 * passed in by the controllers and jobs; staff see the stock and forecasts of their own regions, DESIGN.md
 * section 5), as in fulfilment.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "catalog", "network", "identity",
		"marketing", "ordering", "fulfilment" })
package com.linli.inventory;
