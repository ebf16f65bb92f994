package com.linli.logistics.internal.warehouse;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

import com.linli.network.WarehouseId;
import com.linli.network.WarehouseManagement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Read models of the sorting waves: the plates of a plan's vehicles, the ready plans to choose from. */
@Component
public class WaveQueries {

	private final JdbcClient jdbc;

	private final WarehouseManagement warehouses;

	WaveQueries(JdbcClient jdbc, WarehouseManagement warehouses) {
		this.jdbc = jdbc;
		this.warehouses = warehouses;
	}

	/** Vehicle id -> plate, for the vehicles of a plan's routes. */
	public Map<Long, String> plates(long planId) {
		Map<Long, String> plates = new HashMap<>();
		jdbc.sql("""
				select v.id, v.plate from logistics.vehicle v join logistics.route r on r.vehicle_id = v.id
				 where r.plan_id = ?""")
			.param(planId).query((rs, n) -> plates.put(rs.getLong(1), rs.getString(2))).list();
		return plates;
	}

	/** A ready plan in the list of the waves page. */
	public record ReadyPlan(long id, long regionId, String gridWarehouseName, LocalDate pickupDate, int routes, int stops) {
	}

	/** The latest ready plans of the regions the filter lets through. */
	public List<ReadyPlan> readyPlans(LongPredicate regions, int limit) {
		return jdbc.sql("""
				select p.id, p.region_id, p.grid_warehouse_id, p.pickup_date,
				       (select count(*) from logistics.route r where r.plan_id = p.id) routes,
				       (select count(*) from logistics.route_stop s where s.plan_id = p.id) stops
				  from logistics.route_plan p where p.status = 'READY'
				 order by p.pickup_date desc, p.id desc limit 500""")
			.query((rs, n) -> new ReadyPlan(rs.getLong(1), rs.getLong(2), Long.toString(rs.getLong(3)),
					rs.getObject(4, LocalDate.class), rs.getInt(5), rs.getInt(6)))
			.list().stream().filter(p -> regions.test(p.regionId())).limit(limit)
			.map(p -> new ReadyPlan(p.id(), p.regionId(), name(Long.parseLong(p.gridWarehouseName())), p.pickupDate(),
					p.routes(), p.stops()))
			.toList();
	}

	private String name(long gridWarehouseId) {
		try {
			return warehouses.getWarehouse(new WarehouseId(gridWarehouseId)).name();
		}
		catch (RuntimeException e) {
			return "#" + gridWarehouseId;
		}
	}
}
