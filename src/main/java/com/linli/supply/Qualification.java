package com.linli.supply;

import java.time.LocalDate;

import com.linli.shared.SupplierId;

/** A licence of a supplier (营业执照, 食品经营许可证, ...), valid on the days from {@code validFrom} to {@code validUntil}. */
public record Qualification(long id, SupplierId supplierId, String kind, String licenceNo, LocalDate validFrom,
		LocalDate validUntil) {

	public boolean expiredOn(LocalDate day) {
		return validUntil.isBefore(day);
	}

	/** Still valid on {@code day} but not {@code days} later. */
	public boolean expiresWithin(LocalDate day, int days) {
		return !expiredOn(day) && validUntil.isBefore(day.plusDays(days));
	}
}
