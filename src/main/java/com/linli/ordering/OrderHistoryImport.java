package com.linli.ordering;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import com.linli.catalog.CategoryId;
import com.linli.catalog.SkuId;
import com.linli.identity.AccountId;
import com.linli.marketing.ListingId;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.ordering.internal.HistoryCopy;
import com.linli.shared.Money;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes orders of past days in bulk (PostgreSQL COPY), for the simulator's year of a city and the benchmarks:
 * orders already picked up (some with units refunded after pickup) or cancelled unpaid, with their lines and
 * refunds, exactly as ordering's own use cases would have left them (the database's constraints hold). A batch
 * (e.g. a region's pickup date) is written once, in one transaction, with a marker: a second import of the same
 * batch is skipped. No events are published (the history happened before the listeners): read models rebuild
 * from ordering's API.
 */
@Service
public class OrderHistoryImport {

	private final HistoryCopy copy;

	OrderHistoryImport(HistoryCopy copy) {
		this.copy = copy;
	}

	/** How a past order ended. */
	public enum Outcome {
		/** Paid, confirmed at cutoff, shipped, made ready and picked up (whole). */
		PICKED_UP,
		/** Placed and never paid: cancelled by the resident or expired. */
		CANCELLED_UNPAID
	}

	/**
	 * A line at the listing's group price; {@code coupon} is the coupon's share of it (zero for none);
	 * {@code refundedAfterPickup} units of it were refunded after pickup (their share of what was paid).
	 */
	public record HistoricLine(ListingId listingId, SkuId skuId, CategoryId categoryId, String skuName, String spec,
			String unit, Money unitPrice, int quantity, Money coupon, int refundedAfterPickup) {

		public HistoricLine {
			Objects.requireNonNull(listingId);
			if (quantity < 1 || quantity > 99 || refundedAfterPickup < 0 || refundedAfterPickup > quantity) {
				throw new IllegalArgumentException("quantity 1 to 99, refunded units within it");
			}
			if (unitPrice.fen() <= 0 || coupon.fen() < 0 || coupon.fen() >= unitPrice.fen() * quantity) {
				throw new IllegalArgumentException("a positive price and a coupon share below the amount");
			}
		}

		public Money amount() {
			return Money.ofFen(unitPrice.fen() * quantity);
		}

		/** What the resident paid for the line. */
		public Money paid() {
			return amount().minus(coupon);
		}

		/** What the refunded units returned: their share of what was paid, rounded down to the fen. */
		public Money refunded() {
			return Money.ofFen(paid().fen() * refundedAfterPickup / quantity);
		}
	}

	/**
	 * An order of a past pickup date: placed at {@code placedAt}, its cutoff at {@code cutoffAt}; picked up at
	 * {@code endedAt} or cancelled then (unpaid).
	 */
	public record HistoricOrder(AccountId resident, String recipientName, String recipientPhone,
			PickupPointId pickupPoint, LocalDate pickupDate, Instant placedAt, Instant cutoffAt, Outcome outcome,
			Instant endedAt, List<HistoricLine> lines) {

		public HistoricOrder {
			lines = List.copyOf(lines);
			if (lines.isEmpty() || lines.stream().map(HistoricLine::listingId).distinct().count() != lines.size()) {
				throw new IllegalArgumentException("an order has lines, one per listing");
			}
			if (outcome == Outcome.CANCELLED_UNPAID && lines.stream().anyMatch(l -> l.refundedAfterPickup() > 0)) {
				throw new IllegalArgumentException("an unpaid order refunds nothing");
			}
			if (endedAt.isBefore(placedAt)) {
				throw new IllegalArgumentException("an order ends after it was placed");
			}
		}

		public Money total() {
			return lines.stream().map(HistoricLine::paid).reduce(Money.ZERO, Money::plus);
		}
	}

	/** What an import did: {@code skipped} when the batch had been imported before. */
	public record Imported(String batch, int orders, int lines, int refunds, boolean skipped) {
	}

	/** Whether the batch has been imported. */
	@Transactional(readOnly = true)
	public boolean imported(String batch) {
		return copy.imported(batch);
	}

	/** The batches imported whose name starts with {@code prefix}. */
	@Transactional(readOnly = true)
	public List<String> importedBatches(String prefix) {
		return copy.batches(prefix);
	}

	/**
	 * Imports the orders of a region as one batch, or skips it when it was imported already. Order numbers are
	 * {@code H} + the pickup date + the batch's own sequence, so they never meet those of placed orders.
	 */
	@Transactional
	public Imported importBatch(String batch, RegionId region, List<HistoricOrder> orders) {
		if (batch == null || batch.isBlank() || batch.length() > 80) {
			throw new IllegalArgumentException("a batch name of 1 to 80 characters");
		}
		return copy.write(batch, region, orders);
	}
}
