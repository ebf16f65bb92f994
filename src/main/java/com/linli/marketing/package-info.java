/** Listings (sale sessions: a SKU offered in a region for a pickup date) and, later, the price engine. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "catalog", "network", "identity" })
package com.linli.marketing;
