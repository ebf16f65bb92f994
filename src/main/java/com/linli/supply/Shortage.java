package com.linli.supply;

import com.linli.shared.Money;

/**
 * Units of a purchase order line that the cutoff's demand did not get ({@code units}: confirmed short, not
 * delivered or rejected), and the refunds to residents that followed by {@code rule}.
 */
public record Shortage(long lineId, String skuName, int units, String rule, int refundedUnits, Money refunded,
		int orders) {
}
