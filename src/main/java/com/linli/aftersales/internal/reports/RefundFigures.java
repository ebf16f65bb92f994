package com.linli.aftersales.internal.reports;

import java.time.LocalDate;
import java.util.List;

/**
 * The refund report of a region and a period. Requests count by the day they were submitted (in the region's
 * zone); units sold (picked up) and paid by the orders' pickup date. Rejected and withdrawn requests do not count
 * toward requests, units or rates (they are shown as counts of their own); refunded is the money of REFUNDED
 * requests, replaced the value of EXCHANGED ones (goods, not money).
 */
public record RefundFigures(long regionId, String regionName, LocalDate from, LocalDate to, Summary summary,
		List<Row> products, List<Row> topProducts, long minUnits, List<Row> suppliers, List<Row> leaders,
		List<Row> reasons, List<Row> days) {

	/**
	 * One line of a table: {@code key} (SKU, supplier or pickup point id, reason code, or the day), its name (and
	 * for a pickup point its keeper), the requests that count and their units, the money refunded and the value
	 * replaced, quick refunds among the requests, rejected and withdrawn counts, and the denominators.
	 */
	public record Row(String key, String name, String detail, long requests, long units, long refundedFen,
			long replacedFen, long quick, long rejected, long withdrawn, long soldUnits, long paidFen) {

		/** After-sales units ÷ units sold, or null when nothing was sold. */
		public Double unitRate() {
			return rate(units, soldUnits);
		}

		/** Refunded ÷ paid, or null when nothing was paid. */
		public Double amountRate() {
			return rate(refundedFen, paidFen);
		}

		Row withSold(long soldUnits, long paidFen) {
			return new Row(key, name, detail, requests, units, refundedFen, replacedFen, quick, rejected, withdrawn,
					soldUnits, paidFen);
		}

		Row named(String name, String detail) {
			return new Row(key, name, detail, requests, units, refundedFen, replacedFen, quick, rejected, withdrawn,
					soldUnits, paidFen);
		}
	}

	/** The tiles: the totals, the quick-refund share of requests and the median time to a decision (seconds). */
	public record Summary(Row total, Double quickShare, Long medianDecisionSeconds) {
	}

	static Double rate(long part, long whole) {
		return whole == 0 ? null : (double) part / whole;
	}
}
