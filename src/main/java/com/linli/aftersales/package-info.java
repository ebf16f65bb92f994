/**
 * After-sales and customer service (售后): residents' refund, return and exchange requests on order lines,
 * complaints (投诉) with SLA clocks, reviews and ratings, the help centre, and their reports. Refunds go through
 * ordering's API (which goes through payment). network beyond DESIGN.md's table: orders carry their region and
 * pickup point as network's typed ids, and operators are scoped by region.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "ordering", "catalog", "identity", "network" })
package com.linli.aftersales;
