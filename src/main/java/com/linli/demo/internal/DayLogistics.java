package com.linli.demo.internal;

import java.time.Instant;
import java.util.Map;

import com.linli.fulfilment.CutoffRun;
import com.linli.network.WarehouseId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The morning of a simulated day in the logistics module: the routes of every grid warehouse are planned
 * after the night's purchasing, the goods go from the central warehouse to the grid warehouses once the
 * suppliers have delivered, and the drivers run their routes (departure, arrivals, hand-overs before the
 * leaders' receipts, a skipped stop or an exception now and then, positions on the way).
 */
@Component
public class DayLogistics {

	private static final Logger log = LoggerFactory.getLogger(DayLogistics.class);

	private final RoutePlanningDemo planning;

	private final WarehouseDemo warehouse;

	private final DeliveryMorningDemo morning;

	DayLogistics(RoutePlanningDemo planning, WarehouseDemo warehouse, DeliveryMorningDemo morning) {
		this.planning = planning;
		this.warehouse = warehouse;
		this.morning = morning;
	}

	/** Plans the routes of the run's grid warehouses and schedules their drivers' morning on the timeline. */
	public void planAndDrive(CutoffRun run, Timeline timeline, Map<Long, Instant> receiptAt, long seed) {
		try {
			planning.planMorning(run);
			int routes = morning.schedule(timeline, run.regionId().value(), run.pickupDate(), receiptAt, seed);
			log.debug("Demo morning of region {} for {}: {} route(s) scheduled", run.regionId(), run.pickupDate(), routes);
		}
		catch (RuntimeException e) {
			// the demo's day goes on without routes: its own dispatches and receipts still run
			log.warn("Demo routes of region {} for {} failed: {}", run.regionId(), run.pickupDate(), e.toString());
		}
	}

	/** Moves the goods a grid warehouse's pickup points need from the central warehouse to it. */
	public void transfer(CutoffRun run, WarehouseId grid) {
		try {
			warehouse.transfer(run, grid);
		}
		catch (RuntimeException e) {
			log.warn("Demo transfer to grid warehouse {} for {} failed: {}", grid, run.pickupDate(), e.toString());
		}
	}
}
