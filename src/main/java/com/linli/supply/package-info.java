/** Suppliers (for now name and contact); later purchase orders, receiving, scorecards and settlement. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "catalog", "network", "identity" })
package com.linli.supply;
