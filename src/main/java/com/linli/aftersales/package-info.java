/**
 * After-sales and customer service (售后): residents' refund, return and exchange requests on order lines,
 * complaints (投诉) with SLA clocks, reviews and ratings, the help centre, and their reports. Refunds go through
 * ordering's API (which goes through payment). Beyond DESIGN.md's table: network (orders carry their region and
 * pickup point as network's typed ids, and operators are scoped by region) and marketing (a review earns the
 * resident points, in the review's transaction; marketing does not depend on aftersales).
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "ordering", "catalog", "identity", "network", "marketing" })
package com.linli.aftersales;
