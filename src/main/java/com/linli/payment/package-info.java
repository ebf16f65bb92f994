/**
 * Payments and refunds through a payment provider (WeChat Pay / Alipay style): a payment intent per
 * merchant reference, signed asynchronous notifications applied exactly once, a query API, refunds that
 * never exceed what was paid. Ships with a simulated provider that behaves like a real one.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity" })
package com.linli.payment;
