package com.linli.ordering;

import java.time.Instant;
import java.util.List;

import com.linli.network.RegionId;
import com.linli.ordering.internal.RiskFigureQueries;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The orders of a region since an instant as risk control reads them (issue 16): who ordered at which pickup point,
 * what was paid and refunded, when it was placed and cancelled. One query on the orders' region index; amounts in
 * fen.
 */
@Service
@Transactional(readOnly = true)
public class OrderRiskFigures {

	private final RiskFigureQueries queries;

	OrderRiskFigures(RiskFigureQueries queries) {
		this.queries = queries;
	}

	/** One order's trace: {@code cancelledAt} null unless cancelled. */
	public record OrderTrace(long orderId, long residentId, long pickupPointId, String status, long totalFen,
			long paidFen, long refundedFen, Instant placedAt, Instant cancelledAt) {

		public boolean cancelled() {
			return cancelledAt != null;
		}
	}

	/** The region's orders placed at or after {@code from}, oldest first (at most {@code limit}). */
	public List<OrderTrace> placedSince(RegionId region, Instant from, int limit) {
		return queries.placedSince(region.value(), from, limit);
	}
}
