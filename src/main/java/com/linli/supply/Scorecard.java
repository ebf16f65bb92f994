package com.linli.supply;

import java.time.LocalDate;

import com.linli.shared.SupplierId;

/**
 * A supplier's delivery record over a period (ISO week or month), from its purchase orders received in it.
 * Rates are 0..1, null without data: {@code onTime} = orders delivered by the announced (else expected) time /
 * orders; {@code fill} = units delivered / units ordered; {@code quality} = (units accepted − units refunded
 * after sales for quality) / units delivered; {@code complaint} = (units of after-sales requests with a product
 * cause, not rejected or withdrawn, + product complaints) / units accepted. Cases count in the period their goods
 * were delivered. {@code score} (0..100) weighs the rates that have data; {@code flagged} when it is below the
 * threshold.
 */
public record Scorecard(SupplierId supplierId, String supplierName, String period, LocalDate from, LocalDate to,
		int orders, Double onTime, Double fill, Double quality, Double complaint, Double score, boolean flagged) {
}
