package com.linli.ordering;

import java.time.LocalDate;
import java.util.Set;

/**
 * Filters of the operator's order list. {@code regions} null means every region (platform admin);
 * {@code text} matches the order number, the recipient's phone or name.
 */
public record OrderSearch(Set<Long> regions, Long regionId, LocalDate pickupDate, OrderStatus status,
		Long pickupPointId, String text) {
}
