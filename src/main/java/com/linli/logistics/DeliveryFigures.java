package com.linli.logistics;

import java.time.LocalDate;
import java.util.List;

import com.linli.logistics.internal.performance.DeliveryFigureQueries;
import com.linli.network.RegionId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A region's delivery mornings by pickup date, set-based, for the analytics dashboard and unit economics: the
 * routes that left (dispatched or completed, of ready plans) with their cost and crates, and their stops on time,
 * late or skipped, counted as {@link DeliveryPerformance} counts them (on time: arrived no later than the window's
 * end; a skipped stop is not on time; a stop not yet reached counts in neither).
 */
@Service
@Transactional(readOnly = true)
public class DeliveryFigures {

	private final DeliveryFigureQueries queries;

	DeliveryFigures(DeliveryFigureQueries queries) {
		this.queries = queries;
	}

	/** One morning: routes, their cost (fen) and crates; stops on time, late and skipped. */
	public record Day(LocalDate date, long routes, long costFen, long crates, long onTime, long late, long skipped) {
	}

	/** One route that left, for the list behind a delivery number. */
	public record RouteRow(long routeId, LocalDate date, int routeNo, String plate, long costFen, long crates,
			long onTime, long late, long skipped) {
	}

	public List<Day> byDay(RegionId region, LocalDate from, LocalDate to) {
		return queries.byDay(region.value(), from, to);
	}

	public List<RouteRow> routes(RegionId region, LocalDate from, LocalDate to) {
		return queries.routes(region.value(), from, to);
	}
}
