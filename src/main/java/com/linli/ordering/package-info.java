/**
 * Carts, orders and their lines, payments as seen by the order (through the payment module),
 * refunds, pickup codes and the order timeline. payment is an arrow beyond DESIGN.md's table:
 * ordering asks payment for intents and refunds and reacts to its events.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "identity", "network", "catalog", "marketing", "payment" })
package com.linli.ordering;
