package com.linli.logistics.internal.planning;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What planning reads of the fleet (logistics.vehicle, shift, drop_window, sku_packing; written by the
 * fleet pages): the vehicles of a grid warehouse available on a date with that date's shift (or their
 * usual one), the pickup points' windows and the SKUs' units per crate.
 */
@Component
public class FleetOfDay {

	private final JdbcClient jdbc;

	FleetOfDay(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A vehicle on a date: compartments {ambient, chilled, frozen} in crates, costs in fen, its shift. */
	public record Vehicle(long id, String plate, String name, int[] crates, int maxKg, long costPerKmFen,
			long costPerHourFen, long fixedCostFen, Long driverAccountId, LocalTime start, LocalTime latestReturn) {

		public boolean carries(int[] crates, double kg) {
			for (int z = 0; z < 3; z++) {
				if (crates[z] > this.crates[z]) {
					return false;
				}
			}
			return kg <= maxKg + 1e-9;
		}
	}

	/** The active vehicles of a grid warehouse working on the date (a shift marked unavailable leaves one out). */
	public List<Vehicle> vehicles(long gridWarehouseId, LocalDate date) {
		return jdbc.sql("""
				select v.id, v.plate, v.name, v.ambient_crates, v.chilled_crates, v.frozen_crates, v.max_kg,
				       v.cost_per_km_fen, v.cost_per_hour_fen, v.fixed_cost_fen,
				       case when s.id is null then v.driver_account_id else coalesce(s.driver_account_id, v.driver_account_id) end as driver,
				       coalesce(s.starts_at, v.shift_start) as starts, coalesce(s.latest_return, v.latest_return) as returns
				  from logistics.vehicle v
				  left join logistics.shift s on s.vehicle_id = v.id and s.shift_date = ?
				 where v.grid_warehouse_id = ? and v.active and coalesce(s.available, true)
				 order by v.id""")
			.params(date, gridWarehouseId)
			.query(FleetOfDay::vehicle)
			.list();
	}

	/** A vehicle by id on the date (its shift of that day, else its usual one), whether or not active. */
	public Vehicle vehicle(long vehicleId, LocalDate date) {
		return jdbc.sql("""
				select v.id, v.plate, v.name, v.ambient_crates, v.chilled_crates, v.frozen_crates, v.max_kg,
				       v.cost_per_km_fen, v.cost_per_hour_fen, v.fixed_cost_fen,
				       coalesce(s.driver_account_id, v.driver_account_id) as driver,
				       coalesce(s.starts_at, v.shift_start) as starts, coalesce(s.latest_return, v.latest_return) as returns
				  from logistics.vehicle v
				  left join logistics.shift s on s.vehicle_id = v.id and s.shift_date = ?
				 where v.id = ?""")
			.params(date, vehicleId)
			.query(FleetOfDay::vehicle)
			.single();
	}

	private static Vehicle vehicle(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		long driver = rs.getLong("driver");
		Long driverId = rs.wasNull() ? null : driver;
		return new Vehicle(rs.getLong("id"), rs.getString("plate"), rs.getString("name"),
				new int[] { rs.getInt("ambient_crates"), rs.getInt("chilled_crates"), rs.getInt("frozen_crates") },
				rs.getInt("max_kg"), rs.getLong("cost_per_km_fen"), rs.getLong("cost_per_hour_fen"),
				rs.getLong("fixed_cost_fen"), driverId, rs.getObject("starts", LocalTime.class),
				rs.getObject("returns", LocalTime.class));
	}

	/** A pickup point's window and service time. */
	public record Window(LocalTime start, LocalTime end, int serviceMinutes) {

		public static final Window DEFAULT = new Window(LocalTime.of(5, 0), LocalTime.of(8, 0), 10);
	}

	public Map<Long, Window> windows(Collection<Long> pickupPointIds) {
		Map<Long, Window> windows = new HashMap<>();
		if (pickupPointIds.isEmpty()) {
			return windows;
		}
		jdbc.sql("""
				select pickup_point_id, window_start, window_end, service_minutes from logistics.drop_window
				 where pickup_point_id in (:ids)""")
			.param("ids", pickupPointIds)
			.query(rs -> {
				windows.put(rs.getLong(1), new Window(rs.getObject(2, LocalTime.class), rs.getObject(3, LocalTime.class),
						rs.getInt(4)));
			});
		return windows;
	}

	public Map<Long, Integer> unitsPerCrate(Collection<Long> skuIds) {
		Map<Long, Integer> packing = new HashMap<>();
		if (skuIds.isEmpty()) {
			return packing;
		}
		jdbc.sql("select sku_id, units_per_crate from logistics.sku_packing where sku_id in (:ids)")
			.param("ids", skuIds)
			.query(rs -> {
				packing.put(rs.getLong(1), rs.getInt(2));
			});
		return packing;
	}
}
