package com.linli.inventory;

/**
 * What an accepted price suggestion did afterwards: the units the listing sold after the acceptance (at the new
 * price), the margin on them ({@code units × (new price − unit cost)}; null without a cost), and the waste
 * avoided = units expected to expire at the old price − units that did expire: the units of the central
 * warehouse's batches of the SKU received by the acceptance and expiring by {@code riskUntil}, written off as
 * damage since the acceptance or still on hand past their expiry. {@code wasteFinal} is false while those
 * batches are still on sale (the figures are so far).
 */
public record PriceOutcome(PriceSuggestion suggestion, long unitsSold, com.linli.shared.Money margin,
		double wasteExpected, long wasted, double wasteAvoided, boolean wasteFinal) {
}
