/**
 * Suppliers with their licences, tiers, terms and SKUs; purchase orders from cutoff demand; receiving at the
 * central warehouse; scorecards and settlement. Depends on inventory (stock receipts and reservations),
 * fulfilment (cutoff demand and its event), ordering (refunds of units that arrived short) and aftersales (its
 * events: quality refunds charge the supplier back, requests and product complaints feed the scorecard).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "catalog", "network", "identity",
		"inventory", "fulfilment", "ordering", "aftersales" })
package com.linli.supply;
