package com.linli.inventory.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.linli.inventory.StockBatch;

/**
 * First-expiry-first-out (先到期先出): the units to take leave the batch that expires first; batches
 * without an expiry date go last; among equal expiry the oldest receipt goes first.
 */
public final class Fefo {

	static final Comparator<StockBatch> ORDER = Comparator
		.comparing(StockBatch::expiresOn, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
		.thenComparing(StockBatch::receivedAt, Comparator.<Instant>naturalOrder())
		.thenComparing(b -> b.id().value());

	private Fefo() {
	}

	/** Units taken from one batch. */
	public record Pick(StockBatch batch, long units) {
	}

	/**
	 * The picks that take {@code quantity} units, or as many as the batches hold; the sum of the picks
	 * is {@code min(quantity, sum of remaining)}.
	 */
	public static List<Pick> pick(List<StockBatch> batches, long quantity) {
		List<Pick> picks = new ArrayList<>();
		long left = quantity;
		for (StockBatch b : batches.stream().filter(b -> b.remaining() > 0).sorted(ORDER).toList()) {
			if (left <= 0) {
				break;
			}
			long units = Math.min(left, b.remaining());
			picks.add(new Pick(b, units));
			left -= units;
		}
		return picks;
	}

	public static long total(List<Pick> picks) {
		return picks.stream().mapToLong(Pick::units).sum();
	}
}
