/**
 * Logistics (物流): the morning's delivery from each grid warehouse to its pickup points: fleet,
 * route planning, sorting waves, dispatch and tracking. Its {@code solver} sub-package is a plain-Java
 * vehicle routing solver (hybrid genetic search) that knows nothing of Spring or the database, so it can
 * be tested and benchmarked alone. fulfilment, inventory, network, catalog and identity (DESIGN.md
 * section 3): the cutoff's sorting lists, stock movements of transfers, pickup points and warehouses,
 * SKU weights and storage temperatures, drivers.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "fulfilment", "inventory", "network", "catalog", "identity" })
package com.linli.logistics;
