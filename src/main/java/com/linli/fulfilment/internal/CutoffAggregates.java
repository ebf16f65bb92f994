package com.linli.fulfilment.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.linli.fulfilment.CutoffRun;
import com.linli.fulfilment.internal.CutoffRuns.Totals;
import com.linli.network.PickupPoint;
import com.linli.network.PickupPointId;
import com.linli.network.PickupPointManagement;
import com.linli.network.Warehouse;
import com.linli.network.WarehouseId;
import com.linli.network.WarehouseManagement;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Step 3 of a cutoff: from its sorting lines, the totals per pickup point (with the grid warehouse
 * that serves it), the pick-by-product list (grid warehouse, pickup point, SKU: units that will arrive,
 * and units short, refunded since the cutoff) and the demand per SKU (as ordered: what was bought for).
 * Recomputed from scratch each time, inside the caller's transaction, so a rerun or a
 * resumed run ends with the same figures as an uninterrupted one.
 */
@Component
class CutoffAggregates {

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final WarehouseManagement network;

	private final PickupPointManagement pickupPoints;

	CutoffAggregates(JdbcClient jdbc, JdbcTemplate jdbcTemplate, WarehouseManagement network,
			PickupPointManagement pickupPoints) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.network = network;
		this.pickupPoints = pickupPoints;
	}

	Totals recompute(CutoffRun run) {
		long id = run.id().value();
		jdbc.sql("delete from fulfilment.sku_demand where run_id = ?").param(id).update();
		jdbc.sql("delete from fulfilment.pick_line where run_id = ?").param(id).update();
		jdbc.sql("delete from fulfilment.cutoff_pickup_point where run_id = ?").param(id).update();

		List<PointTotal> points = jdbc.sql("""
				select pickup_point_id, count(distinct order_id), count(*), sum(quantity), sum(short_quantity)
				  from fulfilment.sorting_line where run_id = ? group by pickup_point_id""")
			.param(id)
			.query((rs, n) -> new PointTotal(new PickupPointId(rs.getLong(1)), rs.getInt(2), rs.getInt(3), rs.getLong(4),
					rs.getLong(5)))
			.list();
		Map<PickupPointId, PickupPoint> known = pickupPoints.pickupPoints(points.stream().map(PointTotal::point).toList());
		Map<WarehouseId, Warehouse> grids = network.warehouses(run.regionId()).stream()
			.collect(Collectors.toMap(Warehouse::id, Function.identity()));

		List<Object[]> rows = new ArrayList<>(points.size());
		var gridIds = new HashSet<Long>();
		int orders = 0;
		long lines = 0;
		long units = 0;
		for (PointTotal p : points) {
			PickupPoint point = known.get(p.point());
			Warehouse grid = point == null ? null : grids.get(point.gridWarehouseId());
			if (grid == null && point != null) {
				grid = network.getWarehouse(point.gridWarehouseId());
			}
			long gridId = grid == null ? 0 : grid.id().value();
			gridIds.add(gridId);
			rows.add(new Object[] { id, p.point().value(), point == null ? "#" + p.point().value() : point.name(),
					point == null ? "" : point.communityName(), point == null ? "" : point.address(), gridId,
					grid == null ? "—" : grid.name(), p.orders(), p.lines(), p.units() - p.shortUnits(), p.shortUnits() });
			orders += p.orders();
			lines += p.lines();
			units += p.units();
		}
		jdbcTemplate.batchUpdate("""
				insert into fulfilment.cutoff_pickup_point (run_id, pickup_point_id, pickup_point_name, community_name,
				    address, grid_warehouse_id, grid_warehouse_name, orders, lines, units, short_units)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);

		jdbc.sql("""
				insert into fulfilment.pick_line (run_id, grid_warehouse_id, pickup_point_id, sku_id, sku_name, spec, unit,
				    lines, units, short_units)
				select s.run_id, p.grid_warehouse_id, s.pickup_point_id, s.sku_id, max(s.sku_name), max(s.spec), max(s.unit),
				       count(*), sum(s.quantity - s.short_quantity), sum(s.short_quantity)
				  from fulfilment.sorting_line s
				  join fulfilment.cutoff_pickup_point p on p.run_id = s.run_id and p.pickup_point_id = s.pickup_point_id
				 where s.run_id = ?
				 group by s.run_id, p.grid_warehouse_id, s.pickup_point_id, s.sku_id""")
			.param(id).update();
		jdbc.sql("""
				insert into fulfilment.sku_demand (run_id, sku_id, sku_name, spec, unit, lines, units)
				select run_id, sku_id, max(sku_name), max(spec), max(unit), sum(lines), sum(units + short_units)
				  from fulfilment.pick_line where run_id = ? group by run_id, sku_id""")
			.param(id).update();
		return new Totals(orders, lines, units, points.size(), gridIds.size());
	}

	/** {@code units} as ordered at cutoff (the run's totals and the demand), {@code shortUnits} refunded since. */
	private record PointTotal(PickupPointId point, int orders, int lines, long units, long shortUnits) {
	}
}
