package com.linli.logistics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * How the mornings of a date range went, from the stored routes that left (dispatched or completed) and their
 * stops. A stop is on time when it was arrived at no later than its window's end; a skipped stop is not on time;
 * a stop not yet reached counts in neither (it is {@code pending}). Cost per crate and per order divide the
 * routes' cost by their crates and by their stops' orders (fen, rounded half up).
 */
public record DeliveryPerformance(LocalDate from, LocalDate to, Figures total, List<RouteFigures> routes,
		List<DriverScorecard> drivers, List<WarehouseFigures> warehouses, List<DayReport> days) {

	/**
	 * The figures of a set of routes. {@code onTimePercent}: on time / (arrived + skipped), one decimal, null when
	 * no stop was reached; {@code averageDelayMinutes}: the mean lateness of the stops arrived after their window
	 * (one decimal), null when none was.
	 */
	public record Figures(int routes, int stops, int onTime, int late, int skipped, int pending, BigDecimal onTimePercent,
			BigDecimal averageDelayMinutes, BigDecimal km, long costFen, int crates, int orders, Long costPerCrateFen,
			Long costPerOrderFen) {
	}

	public record RouteFigures(long routeId, long planId, LocalDate date, long gridWarehouseId, int routeNo,
			long vehicleId, String plate, Long driverAccountId, String driverName, RouteStatus status, Figures figures) {
	}

	/** A driver's scorecard over the range. */
	public record DriverScorecard(Long driverAccountId, String name, Figures figures) {
	}

	public record WarehouseFigures(long gridWarehouseId, String name, Figures figures) {
	}

	/** One morning: its figures and its late (or skipped) stops. */
	public record DayReport(LocalDate date, Figures figures, List<LateStop> lateStops) {
	}

	/** A stop reached after its window's end ({@code lateMinutes}, rounded up) or skipped ({@code lateMinutes} null). */
	public record LateStop(long stopId, long routeId, int routeNo, String plate, String pickupPointName, Instant windowEnd,
			Instant arrivedAt, Integer lateMinutes, boolean skipped) {
	}
}
