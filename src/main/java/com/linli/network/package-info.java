/**
 * Regions (cities), central and grid warehouses, communities, pickup points with positions,
 * and which pickup point each resident collects from.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity" })
package com.linli.network;
