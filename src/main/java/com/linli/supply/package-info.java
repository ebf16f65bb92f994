/**
 * Suppliers with their licences, tiers, terms and SKUs; purchase orders from cutoff demand; receiving at the
 * central warehouse; scorecards and settlement. Depends on inventory (stock receipts and reservations),
 * fulfilment (cutoff demand and its event) and ordering (refunds of units that arrived short).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "catalog", "network", "identity",
		"inventory", "fulfilment", "ordering" })
package com.linli.supply;
