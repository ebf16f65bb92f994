package com.linli.logistics.internal.fleet;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.linli.logistics.Shift;
import com.linli.logistics.Vehicle;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The fleet's tables (logistics.vehicle, shift, driver, drop_window, sku_packing) in plain SQL. Vehicle updates
 * are a compare-and-set on the version: {@code 0} rows means somebody changed it first.
 */
@Repository
public class FleetRecords {

	private final JdbcClient jdbc;

	FleetRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// ---- vehicles ----------------------------------------------------------------------------------------

	/** A vehicle's columns as entered (validated by the caller). */
	public record VehicleRow(long regionId, long gridWarehouseId, String plate, String name, int ambientCrates,
			int chilledCrates, int frozenCrates, int maxKg, long costPerKmFen, long costPerHourFen, long fixedCostFen,
			Long driverAccountId, LocalTime shiftStart, LocalTime latestReturn) {
	}

	public long insertVehicle(VehicleRow v) {
		return jdbc.sql("""
				insert into logistics.vehicle (region_id, grid_warehouse_id, plate, name, ambient_crates, chilled_crates,
				  frozen_crates, max_kg, cost_per_km_fen, cost_per_hour_fen, fixed_cost_fen, driver_account_id, shift_start,
				  latest_return) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(v.regionId(), v.gridWarehouseId(), v.plate(), v.name(), v.ambientCrates(), v.chilledCrates(),
					v.frozenCrates(), v.maxKg(), v.costPerKmFen(), v.costPerHourFen(), v.fixedCostFen(), v.driverAccountId(),
					v.shiftStart(), v.latestReturn())
			.query(Long.class).single();
	}

	/** Saves the new state of a vehicle read at {@code version}; false when it changed since. */
	public boolean updateVehicle(long id, int version, VehicleRow v, boolean active) {
		return jdbc.sql("""
				update logistics.vehicle set grid_warehouse_id = ?, plate = ?, name = ?, ambient_crates = ?, chilled_crates = ?,
				  frozen_crates = ?, max_kg = ?, cost_per_km_fen = ?, cost_per_hour_fen = ?, fixed_cost_fen = ?,
				  driver_account_id = ?, shift_start = ?, latest_return = ?, active = ?, version = version + 1
				 where id = ? and version = ?""")
			.params(v.gridWarehouseId(), v.plate(), v.name(), v.ambientCrates(), v.chilledCrates(), v.frozenCrates(),
					v.maxKg(), v.costPerKmFen(), v.costPerHourFen(), v.fixedCostFen(), v.driverAccountId(), v.shiftStart(),
					v.latestReturn(), active, id, version)
			.update() == 1;
	}

	public boolean setVehicleActive(long id, int version, boolean active) {
		return jdbc.sql("update logistics.vehicle set active = ?, version = version + 1 where id = ? and version = ?")
			.params(active, id, version).update() == 1;
	}

	/** Takes a driver off every vehicle they usually drive (a driver who leaves). */
	public void unassignDriver(long accountId) {
		jdbc.sql("update logistics.vehicle set driver_account_id = null, version = version + 1 where driver_account_id = ?")
			.param(accountId).update();
	}

	public Optional<Vehicle> vehicle(long id) {
		return jdbc.sql("select * from logistics.vehicle where id = ?").param(id).query(FleetRecords::vehicle).optional();
	}

	public boolean plateTaken(String plate, Long except) {
		return jdbc.sql("select count(*) from logistics.vehicle where upper(plate) = upper(?) and id <> coalesce(?, -1)")
			.params(plate, except).query(Long.class).single() > 0;
	}

	/** The vehicles of a grid warehouse, active ones first, by name. */
	public List<Vehicle> vehiclesOf(long gridWarehouseId, boolean activeOnly) {
		return jdbc.sql("select * from logistics.vehicle where grid_warehouse_id = ? and (active or not ?) order by active desc, name, id")
			.params(gridWarehouseId, activeOnly).query(FleetRecords::vehicle).list();
	}

	/** The vehicles of these regions ({@code null}: every region). */
	public List<Vehicle> vehiclesOfRegions(java.util.Set<Long> regions) {
		return jdbc.sql("""
				select * from logistics.vehicle where (cast(:all as boolean) or region_id in (:regions))
				 order by region_id, grid_warehouse_id, active desc, name, id""")
			.param("all", regions == null).param("regions", regions == null || regions.isEmpty() ? List.of(-1L) : regions)
			.query(FleetRecords::vehicle).list();
	}

	public List<Vehicle> vehiclesOfRegion(long regionId) {
		return jdbc.sql("select * from logistics.vehicle where region_id = ? order by grid_warehouse_id, active desc, name, id")
			.param(regionId).query(FleetRecords::vehicle).list();
	}

	static Vehicle vehicle(ResultSet rs, int row) throws SQLException {
		long driver = rs.getLong("driver_account_id");
		Long driverId = rs.wasNull() ? null : driver;
		return new Vehicle(rs.getLong("id"), rs.getLong("region_id"), rs.getLong("grid_warehouse_id"), rs.getString("plate"),
				rs.getString("name"), rs.getInt("ambient_crates"), rs.getInt("chilled_crates"), rs.getInt("frozen_crates"),
				rs.getInt("max_kg"), rs.getLong("cost_per_km_fen"), rs.getLong("cost_per_hour_fen"), rs.getLong("fixed_cost_fen"),
				driverId, rs.getObject("shift_start", LocalTime.class), rs.getObject("latest_return", LocalTime.class),
				rs.getBoolean("active"), rs.getInt("version"));
	}

	// ---- drivers -----------------------------------------------------------------------------------------

	/** A driver as the fleet keeps them: region, usual grid warehouse, active. */
	public record DriverRow(long accountId, long regionId, Long gridWarehouseId, boolean active) {
	}

	public void insertDriver(long accountId, long regionId, Long gridWarehouseId, Instant now) {
		jdbc.sql("insert into logistics.driver (account_id, region_id, grid_warehouse_id, created_at) values (?, ?, ?, ?)")
			.params(accountId, regionId, gridWarehouseId, Timestamp.from(now)).update();
	}

	public void setDriverActive(long accountId, boolean active) {
		jdbc.sql("update logistics.driver set active = ? where account_id = ?").params(active, accountId).update();
	}

	public Optional<DriverRow> driver(long accountId) {
		return jdbc.sql("select * from logistics.driver where account_id = ?").param(accountId)
			.query(FleetRecords::driver).optional();
	}

	/** The drivers of these regions ({@code null}: every region), active ones first. */
	public List<DriverRow> driversOf(java.util.Set<Long> regions) {
		return jdbc.sql("""
				select * from logistics.driver where (cast(:all as boolean) or region_id in (:regions))
				 order by active desc, region_id, account_id""")
			.param("all", regions == null).param("regions", regions == null || regions.isEmpty() ? List.of(-1L) : regions)
			.query(FleetRecords::driver).list();
	}

	static DriverRow driver(ResultSet rs, int row) throws SQLException {
		long grid = rs.getLong("grid_warehouse_id");
		return new DriverRow(rs.getLong("account_id"), rs.getLong("region_id"), rs.wasNull() ? null : grid,
				rs.getBoolean("active"));
	}

	// ---- shifts ------------------------------------------------------------------------------------------

	public void saveShift(long vehicleId, LocalDate date, Long driverAccountId, LocalTime startsAt, LocalTime latestReturn,
			boolean available) {
		jdbc.sql("""
				insert into logistics.shift (vehicle_id, shift_date, driver_account_id, starts_at, latest_return, available)
				values (?, ?, ?, ?, ?, ?)
				on conflict (vehicle_id, shift_date) do update set driver_account_id = excluded.driver_account_id,
				  starts_at = excluded.starts_at, latest_return = excluded.latest_return, available = excluded.available,
				  version = logistics.shift.version + 1""")
			.params(vehicleId, date, driverAccountId, startsAt, latestReturn, available).update();
	}

	public boolean deleteShift(long vehicleId, LocalDate date) {
		return jdbc.sql("delete from logistics.shift where vehicle_id = ? and shift_date = ?").params(vehicleId, date)
			.update() == 1;
	}

	/** The entered shifts of these vehicles between two dates (inclusive), by vehicle and date. */
	public Map<Long, Map<LocalDate, Shift>> shifts(List<Long> vehicleIds, LocalDate from, LocalDate to) {
		if (vehicleIds.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("""
				select * from logistics.shift where vehicle_id in (:ids) and shift_date between :from and :to""")
			.param("ids", vehicleIds).param("from", from).param("to", to)
			.query((rs, row) -> {
				long driver = rs.getLong("driver_account_id");
				Long driverId = rs.wasNull() ? null : driver;
				return new Shift(rs.getLong("vehicle_id"), rs.getObject("shift_date", LocalDate.class), driverId,
						rs.getObject("starts_at", LocalTime.class), rs.getObject("latest_return", LocalTime.class),
						rs.getBoolean("available"), true);
			})
			.list().stream()
			.collect(Collectors.groupingBy(Shift::vehicleId, Collectors.toMap(Shift::date, s -> s)));
	}

	// ---- delivery windows and packing -------------------------------------------------------------------

	/** One entered window: start, end, service minutes. */
	public record WindowRow(long pickupPointId, LocalTime windowStart, LocalTime windowEnd, int serviceMinutes) {
	}

	public Map<Long, WindowRow> windows(List<Long> pickupPointIds) {
		if (pickupPointIds.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("select * from logistics.drop_window where pickup_point_id in (:ids)").param("ids", pickupPointIds)
			.query((rs, row) -> new WindowRow(rs.getLong("pickup_point_id"), rs.getObject("window_start", LocalTime.class),
					rs.getObject("window_end", LocalTime.class), rs.getInt("service_minutes")))
			.list().stream().collect(Collectors.toMap(WindowRow::pickupPointId, w -> w));
	}

	public void saveWindow(long pickupPointId, LocalTime start, LocalTime end, int serviceMinutes) {
		jdbc.sql("""
				insert into logistics.drop_window (pickup_point_id, window_start, window_end, service_minutes) values (?, ?, ?, ?)
				on conflict (pickup_point_id) do update set window_start = excluded.window_start,
				  window_end = excluded.window_end, service_minutes = excluded.service_minutes""")
			.params(pickupPointId, start, end, serviceMinutes).update();
	}

	public void deleteWindow(long pickupPointId) {
		jdbc.sql("delete from logistics.drop_window where pickup_point_id = ?").param(pickupPointId).update();
	}

	public Map<Long, Integer> packings() {
		return jdbc.sql("select sku_id, units_per_crate from logistics.sku_packing")
			.query((rs, row) -> Map.entry(rs.getLong(1), rs.getInt(2))).list().stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	public Optional<Integer> packing(long skuId) {
		return jdbc.sql("select units_per_crate from logistics.sku_packing where sku_id = ?").param(skuId)
			.query(Integer.class).optional();
	}

	public void savePacking(long skuId, int unitsPerCrate) {
		jdbc.sql("""
				insert into logistics.sku_packing (sku_id, units_per_crate) values (?, ?)
				on conflict (sku_id) do update set units_per_crate = excluded.units_per_crate""")
			.params(skuId, unitsPerCrate).update();
	}

	public void deletePacking(long skuId) {
		jdbc.sql("delete from logistics.sku_packing where sku_id = ?").param(skuId).update();
	}
}
