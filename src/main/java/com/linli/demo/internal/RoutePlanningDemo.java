package com.linli.demo.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.linli.demo.DemoSettings;
import com.linli.fulfilment.CutoffRun;
import com.linli.identity.AccountManagement;
import com.linli.identity.Actor;
import com.linli.logistics.Driver;
import com.linli.logistics.FleetManagement;
import com.linli.logistics.PlannedRoute;
import com.linli.logistics.RoutePlan;
import com.linli.logistics.RoutePlanning;
import com.linli.network.Warehouse;
import com.linli.network.WarehouseKind;
import com.linli.network.WarehouseManagement;
import com.linli.shared.BusinessRuleException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The morning's route plans of the demo city: after each simulated day's cutoff, every grid warehouse of the
 * region with something to deliver and a fleet gets its routes planned (2 s each), through the logistics API,
 * so the console shows plans of yesterday and today. A warehouse without vehicles, or without goods in the run,
 * is skipped with a line in the log; a plan that is already there is kept.
 */
@Component
public class RoutePlanningDemo {

	private static final Logger log = LoggerFactory.getLogger(RoutePlanningDemo.class);

	static final Actor DEMO = Actor.system("demo-routes");

	static final Duration LIMIT = Duration.ofSeconds(2);

	private final RoutePlanning planning;

	private final WarehouseManagement warehouses;

	private final FleetManagement fleet;

	private final AccountManagement accounts;

	RoutePlanningDemo(RoutePlanning planning, WarehouseManagement warehouses, FleetManagement fleet,
			AccountManagement accounts) {
		this.planning = planning;
		this.warehouses = warehouses;
		this.fleet = fleet;
		this.accounts = accounts;
	}

	/** Plans each grid warehouse of a completed run's region; answers the plans made (READY or FAILED). */
	public List<RoutePlan> planMorning(CutoffRun run) {
		List<RoutePlan> made = new ArrayList<>();
		if (!run.isCompleted()) {
			return made;
		}
		for (Warehouse grid : warehouses.warehouses(run.regionId())) {
			if (grid.kind() != WarehouseKind.GRID || !grid.active()) {
				continue;
			}
			if (planning.current(DEMO, run.id().value(), grid.id().value()).isPresent()) {
				continue;
			}
			try {
				RoutePlan plan = planning.planAndWait(DEMO, run.id().value(), grid.id().value(), LIMIT);
				made.add(plan);
				if (plan.ready()) {
					standIn(plan);
				}
				log.info("Demo routes of {} for {}: {} ({} late stop(s))", grid.name(), run.pickupDate(), plan.status(),
						plan.lateStops());
			}
			catch (BusinessRuleException e) {
				log.info("Demo routes of {} for {} not planned: {}", grid.name(), run.pickupDate(), e.getMessage());
			}
		}
		return made;
	}

	/**
	 * The demo's DRIVER login always has a route when their grid warehouse has one: the solver may leave their
	 * usual vehicle in the yard, so the operator gives them the first route without its own driver, or else the
	 * first route (派车).
	 */
	private void standIn(RoutePlan plan) {
		var login = accounts.findByPhone(DemoSettings.defaults().loginPhone(6));
		if (login.isEmpty()) {
			return;
		}
		long account = login.get().id().value();
		Driver driver;
		try {
			driver = fleet.driver(DEMO, account);
		}
		catch (RuntimeException e) {
			return;
		}
		if (driver.gridWarehouseId() == null || driver.gridWarehouseId() != plan.gridWarehouseId()) {
			return;
		}
		var routes = planning.detail(DEMO, plan.id()).routes();
		if (routes.isEmpty() || routes.stream().anyMatch(r -> Long.valueOf(account).equals(r.driverAccountId()))) {
			return;
		}
		PlannedRoute route = routes.stream().filter(r -> r.driverAccountId() == null).findFirst().orElse(routes.get(0));
		planning.assignDriver(DEMO, plan.id(), route.id(), account, null);
	}
}
