package com.linli.fulfilment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.linli.fulfilment.CutoffRunId;
import com.linli.shared.Page;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read models of a cutoff run's sorting lists, as the console, the leader's phone and the exports
 * show them: grid warehouses, pickup points, the pick-by-product list of a grid warehouse and the
 * order-by-order list of a pickup point.
 */
@Component
public class SortingLists {

	private final JdbcClient jdbc;

	SortingLists(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/*
	 * A list's totals and its rows are read in one snapshot (a shortage refunded meanwhile changes both at
	 * once, and a list never shows one without the other).
	 * Everywhere below, units are those that will arrive: a line refunded after the cutoff (short from the
	 * supplier, rejected at receiving, missing on arrival) counts only what is left of it, and the units
	 * refunded are given beside them (shortUnits, shortQuantity) for the lists to mark.
	 */

	/** A grid warehouse's share of a run. */
	public record GridTotal(long gridWarehouseId, String name, int pickupPoints, int orders, int lines, long units,
			long shortUnits) {
	}

	/** A pickup point's share of a run. */
	public record PointTotal(long pickupPointId, String name, String communityName, String address,
			long gridWarehouseId, String gridWarehouseName, int orders, int lines, long units, long shortUnits) {
	}

	/** Units of one SKU (for a pickup point, or in total). */
	public record SkuUnits(long skuId, String skuName, String spec, String unit, int lines, long units, long shortUnits) {
	}

	/** One row of a pick-by-product list: a SKU, its total and its units per pickup point, and the units short. */
	public record PickRow(long skuId, String skuName, String spec, String unit, long total, Map<Long, Long> perPoint,
			long shortUnits, Map<Long, Long> shortPerPoint) {

		public long unitsFor(long pickupPointId) {
			return perPoint.getOrDefault(pickupPointId, 0L);
		}

		public long shortFor(long pickupPointId) {
			return shortPerPoint.getOrDefault(pickupPointId, 0L);
		}
	}

	/** Pick by product for a grid warehouse: its pickup points (the columns) and one row per SKU. */
	public record PickList(GridTotal grid, List<PointTotal> points, List<PickRow> rows) {
	}

	/** One line of an order in a pickup point's list: {@code quantity} to hand out, {@code shortQuantity} refunded. */
	public record SortedLine(long orderLineId, long skuId, String skuName, String spec, String unit, int quantity,
			int shortQuantity) {
	}

	/** One order in a pickup point's list: what the leader hands out, to whom, against which code. */
	public record SortedOrder(long orderId, String orderNo, String pickupCode, String recipientName, String phoneTail,
			List<SortedLine> lines) {

		public int units() {
			return lines.stream().mapToInt(SortedLine::quantity).sum();
		}
	}

	/** A pickup point's sorting list: the products to check and the orders to hand out. */
	public record PointList(PointTotal point, List<SkuUnits> products, List<SortedOrder> orders) {
	}

	public List<GridTotal> grids(CutoffRunId run) {
		return jdbc.sql("""
				select grid_warehouse_id, max(grid_warehouse_name), count(*), sum(orders), sum(lines), sum(units),
				       sum(short_units)
				  from fulfilment.cutoff_pickup_point where run_id = ?
				 group by grid_warehouse_id order by max(grid_warehouse_name), grid_warehouse_id""")
			.param(run.value())
			.query((rs, n) -> new GridTotal(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
					rs.getLong(6), rs.getLong(7)))
			.list();
	}

	public Optional<GridTotal> grid(CutoffRunId run, long gridWarehouseId) {
		return grids(run).stream().filter(g -> g.gridWarehouseId() == gridWarehouseId).findFirst();
	}

	private static final String POINT = """
			select pickup_point_id, pickup_point_name, community_name, address, grid_warehouse_id, grid_warehouse_name,
			       orders, lines, units, short_units from fulfilment.cutoff_pickup_point""";

	/** Pickup points of a run, by grid warehouse and name; optionally of one grid warehouse or matching a name. */
	public Page<PointTotal> points(CutoffRunId run, Long gridWarehouseId, String q, int page, int size) {
		StringBuilder where = new StringBuilder(" where run_id = ?");
		List<Object> params = new ArrayList<>(List.of(run.value()));
		if (gridWarehouseId != null) {
			where.append(" and grid_warehouse_id = ?");
			params.add(gridWarehouseId);
		}
		if (q != null && !q.isBlank()) {
			where.append(" and (pickup_point_name ilike ? or community_name ilike ?)");
			String like = "%" + q.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
			params.add(like);
			params.add(like);
		}
		long total = jdbc.sql("select count(*) from fulfilment.cutoff_pickup_point" + where).params(params)
			.query(Long.class).single();
		List<Object> paged = new ArrayList<>(params);
		paged.add(size);
		paged.add((long) page * size);
		var items = jdbc.sql(POINT + where + " order by grid_warehouse_name, pickup_point_name, pickup_point_id limit ? offset ?")
			.params(paged).query(SortingLists::point).list();
		return new Page<>(items, total, page, size);
	}

	public Optional<PointTotal> point(CutoffRunId run, long pickupPointId) {
		return jdbc.sql(POINT + " where run_id = ? and pickup_point_id = ?").params(run.value(), pickupPointId)
			.query(SortingLists::point).optional();
	}

	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Optional<PickList> pickList(CutoffRunId run, long gridWarehouseId) {
		var grid = grid(run, gridWarehouseId);
		if (grid.isEmpty()) {
			return Optional.empty();
		}
		var points = jdbc.sql(POINT + " where run_id = ? and grid_warehouse_id = ? order by pickup_point_name, pickup_point_id")
			.params(run.value(), gridWarehouseId).query(SortingLists::point).list();
		Map<Long, PickRow> rows = new LinkedHashMap<>();
		jdbc.sql("""
				select sku_id, sku_name, spec, unit, pickup_point_id, units, short_units from fulfilment.pick_line
				 where run_id = ? and grid_warehouse_id = ? order by sku_name, spec, sku_id""")
			.params(run.value(), gridWarehouseId)
			.query(rs -> {
				long sku = rs.getLong(1);
				PickRow row = rows.get(sku);
				if (row == null) {
					row = new PickRow(sku, rs.getString(2), rs.getString(3), rs.getString(4), 0, new LinkedHashMap<>(), 0,
							new LinkedHashMap<>());
				}
				long units = rs.getLong(6);
				long missing = rs.getLong(7);
				if (units > 0) {
					row.perPoint().put(rs.getLong(5), units);
				}
				if (missing > 0) {
					row.shortPerPoint().put(rs.getLong(5), missing);
				}
				rows.put(sku, new PickRow(row.skuId(), row.skuName(), row.spec(), row.unit(), row.total() + units,
						row.perPoint(), row.shortUnits() + missing, row.shortPerPoint()));
			});
		return Optional.of(new PickList(grid.get(), points, List.copyOf(rows.values())));
	}

	/**
	 * The drops of a grid warehouse for a run: per pickup point its orders and units per SKU net of shortages,
	 * by pickup point id (points with nothing left to carry are left out).
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public List<com.linli.fulfilment.GridDrop> drops(CutoffRunId run, long gridWarehouseId) {
		Map<Long, List<com.linli.fulfilment.GridDrop.SkuUnits>> skus = new LinkedHashMap<>();
		jdbc.sql("""
				select pickup_point_id, sku_id, sku_name, spec, unit, units from fulfilment.pick_line
				 where run_id = ? and grid_warehouse_id = ? and units > 0 order by pickup_point_id, sku_id""")
			.params(run.value(), gridWarehouseId)
			.query(rs -> {
				skus.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>())
					.add(new com.linli.fulfilment.GridDrop.SkuUnits(new com.linli.catalog.SkuId(rs.getLong(2)),
							rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6)));
			});
		return jdbc.sql(POINT + " where run_id = ? and grid_warehouse_id = ? order by pickup_point_id")
			.params(run.value(), gridWarehouseId).query(SortingLists::point).list().stream()
			.filter(p -> skus.containsKey(p.pickupPointId()))
			.map(p -> new com.linli.fulfilment.GridDrop(new com.linli.network.PickupPointId(p.pickupPointId()), p.name(),
					p.address(), p.orders(), List.copyOf(skus.get(p.pickupPointId()))))
			.toList();
	}

	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Optional<PointList> pointList(CutoffRunId run, long pickupPointId) {
		var point = point(run, pickupPointId);
		if (point.isEmpty()) {
			return Optional.empty();
		}
		var products = jdbc.sql("""
				select sku_id, sku_name, spec, unit, lines, units, short_units from fulfilment.pick_line
				 where run_id = ? and pickup_point_id = ? order by sku_name, spec, sku_id""")
			.params(run.value(), pickupPointId)
			.query((rs, n) -> new SkuUnits(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
					rs.getLong(6), rs.getLong(7)))
			.list();
		Map<Long, SortedOrder> orders = new LinkedHashMap<>();
		jdbc.sql("""
				select order_id, order_no, pickup_code, recipient_name, phone_tail, order_line_id, sku_id, sku_name, spec,
				       unit, quantity - short_quantity, short_quantity
				  from fulfilment.sorting_line where run_id = ? and pickup_point_id = ?
				 order by pickup_code, order_id, order_line_id""")
			.params(run.value(), pickupPointId)
			.query(rs -> {
				long orderId = rs.getLong(1);
				SortedOrder order = orders.get(orderId);
				if (order == null) {
					order = new SortedOrder(orderId, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
							new ArrayList<>());
					orders.put(orderId, order);
				}
				order.lines().add(new SortedLine(rs.getLong(6), rs.getLong(7), rs.getString(8), rs.getString(9),
						rs.getString(10), rs.getInt(11), rs.getInt(12)));
			});
		return Optional.of(new PointList(point.get(), products, List.copyOf(orders.values())));
	}

	private static PointTotal point(ResultSet rs, int row) throws SQLException {
		return new PointTotal(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
				rs.getString(6), rs.getInt(7), rs.getInt(8), rs.getLong(9), rs.getLong(10));
	}
}
