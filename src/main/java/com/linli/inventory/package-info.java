/**
 * Inventory: for now the demand forecasts (daily demand history per SKU and region from the cutoffs,
 * a 7-day forecast, listing caps and purchase suggestions, accuracy against seasonal-naive); stock,
 * batches and the ledger come with the inventory branch. marketing is read for the listings' discounts
 * (promotion feature), fulfilment for CutoffCompleted and the demand of a run. identity is an arrow
 * beyond DESIGN.md's table, for {@code CurrentUser} only: an operator sees and records the forecasts of
 * their own regions (DESIGN.md section 5), as fulfilment does.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "catalog", "network", "marketing", "ordering", "fulfilment", "identity" })
package com.linli.inventory;
