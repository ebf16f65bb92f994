/**
 * Cutoff runs (截单), demand per SKU, sorting lists per grid warehouse and pickup point with their
 * exports, dispatch from grid warehouses and receipt at pickup points. identity is used for
 * {@code Actor} only (who acts, passed in by the controllers and jobs: scoping staff to their regions and
 * leaders to their pickup point).
 * Whether a truck's goods are there is asked of inventory, which sits above, through
 * {@code shared.DispatchStock}.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "ordering", "catalog", "network", "identity" })
package com.linli.fulfilment;
