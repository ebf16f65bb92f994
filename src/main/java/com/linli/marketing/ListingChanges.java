package com.linli.marketing;

import java.time.Instant;

import com.linli.shared.Money;

/**
 * What may change on a listing before its cutoff: prices, cap (never below what is sold), limit and
 * the sales window. Region, SKU and pickup date are fixed: withdraw and publish again instead.
 * A null {@code opensAt} or {@code cutoffAt} keeps the current value.
 */
public record ListingChanges(Money groupPrice, Money listPrice, int stockCap, int perResidentLimit, Instant opensAt,
		Instant cutoffAt) {
}
