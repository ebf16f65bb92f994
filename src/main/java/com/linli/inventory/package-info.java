/**
 * Stock per warehouse and SKU (on hand, reserved, available), batches with expiry picked first-expiry-first-out,
 * the movement ledger that always sums to on hand, stocktakes, safety stock, alerts and clearance suggestions.
 * identity is used for {@code CurrentUser} only (who moved the goods, staff scoped to their regions), as in
 * fulfilment and marketing.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "catalog", "network", "identity",
		"marketing", "ordering", "fulfilment" })
package com.linli.inventory;
