package com.linli.leader;

import java.time.LocalDate;
import java.util.Map;

import com.linli.leader.internal.CommissionFigureQueries;
import com.linli.network.RegionId;
import com.linli.ordering.OrderId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leader commission as a cost, for unit economics: accrued less reversed, plus pickup-only handling fees (fen),
 * per day of the entries (platform zone) for the leaders of a region, or for one order. Referral shares and contest
 * rewards are not an order's cost and are left out.
 */
@Service
@Transactional(readOnly = true)
public class CommissionFigures {

	private final CommissionFigureQueries queries;

	CommissionFigures(CommissionFigureQueries queries) {
		this.queries = queries;
	}

	/** Net commission (accruals plus the negative reversals) by the day the entries occurred. */
	public Map<LocalDate, Long> netByDay(RegionId region, LocalDate from, LocalDate to) {
		return queries.netByDay(region.value(), from, to);
	}

	/** Net commission on one order. */
	public long netOfOrder(OrderId order) {
		return queries.netOfOrder(order.value());
	}
}
