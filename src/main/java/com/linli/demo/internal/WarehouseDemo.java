package com.linli.demo.internal;

import java.util.Optional;

import com.linli.fulfilment.CutoffRun;
import com.linli.identity.Actor;
import com.linli.logistics.TransferManagement;
import com.linli.logistics.TransferPlan;
import com.linli.network.WarehouseId;
import com.linli.shared.BusinessRuleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The grid warehouse's morning in the demo city, through the logistics API: once the night's purchase orders
 * are received at the central warehouse and before the trucks leave, each grid warehouse's central -> grid
 * transfer of the run is executed, so the stock pages show the transfers and the dispatch then sells the
 * transferred units at the grid warehouse. Executing twice moves nothing more (the transfer is keyed per run,
 * grid warehouse and SKU), so a rerun of a simulated day is safe.
 */
@Component
public class WarehouseDemo {

	private static final Logger log = LoggerFactory.getLogger(WarehouseDemo.class);

	private static final Actor DEMO = Actor.system("demo-warehouse");

	private final TransferManagement transfers;

	WarehouseDemo(TransferManagement transfers) {
		this.transfers = transfers;
	}

	/**
	 * Executes the run's transfer to the grid warehouse; empty when the run is not completed or the region has no
	 * central warehouse (the dispatch then moves the goods itself, as before).
	 */
	public Optional<TransferPlan> transfer(CutoffRun run, WarehouseId gridWarehouse) {
		if (run == null || !run.isCompleted()) {
			return Optional.empty();
		}
		try {
			TransferPlan done = transfers.execute(DEMO, run.id().value(), gridWarehouse.value());
			if (done.shortUnits() > 0) {
				log.info("Cutoff run {}: grid warehouse {} got {} units from central, {} short", run.id(), gridWarehouse,
						done.movedNowUnits(), done.shortUnits());
			}
			return Optional.of(done);
		}
		catch (BusinessRuleException e) {
			log.info("Cutoff run {}: no transfer to grid warehouse {}: {}", run.id(), gridWarehouse, e.getMessage());
			return Optional.empty();
		}
	}
}
