package com.linli.fulfilment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.linli.catalog.SkuId;
import com.linli.fulfilment.CutoffRunId;
import com.linli.fulfilment.Dispatch;
import com.linli.fulfilment.GoodsDispatched;
import com.linli.fulfilment.Receipt;
import com.linli.identity.AccountId;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.network.WarehouseId;
import com.linli.ordering.OrderLineId;
import com.linli.shared.Money;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Dispatches from grid warehouses and receipts at pickup points. */
@Repository
public class Deliveries {

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	Deliveries(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	/** The pickup points a grid warehouse serves in a run (as the network said at cutoff). */
	public List<PickupPointId> pickupPointsServedBy(CutoffRunId run, WarehouseId grid) {
		return jdbc.sql("""
				select pickup_point_id from fulfilment.cutoff_pickup_point
				 where run_id = ? and grid_warehouse_id = ? order by pickup_point_id""")
			.params(run.value(), grid.value()).query(Long.class).list().stream().map(PickupPointId::new).toList();
	}

	public long insertDispatch(CutoffRunId run, WarehouseId grid, AccountId by, Instant at, int points, int shipped,
			String overrideReason, long missingUnits) {
		return jdbc.sql("""
				insert into fulfilment.dispatch (run_id, grid_warehouse_id, dispatched_by, dispatched_at, pickup_points,
				    orders_shipped, override_reason, missing_units) values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(run.value(), grid.value(), by == null ? null : by.value(), Timestamp.from(at), points, shipped,
					overrideReason, missingUnits)
			.query(Long.class).single();
	}

	/** Units per SKU for the pickup points a grid warehouse serves in a run, by SKU id. */
	public List<GoodsDispatched.Line> unitsFor(CutoffRunId run, WarehouseId grid) {
		return jdbc.sql("""
				select sku_id, sum(units) from fulfilment.pick_line
				 where run_id = ? and grid_warehouse_id = ? group by sku_id order by sku_id""")
			.params(run.value(), grid.value())
			.query((rs, n) -> new GoodsDispatched.Line(new SkuId(rs.getLong(1)), rs.getLong(2))).list();
	}

	/** SKU names (with spec) of a grid warehouse's pick lines in a run, by SKU id. */
	public Map<Long, String> skuNames(CutoffRunId run, WarehouseId grid) {
		Map<Long, String> names = new java.util.HashMap<>();
		jdbc.sql("""
				select sku_id, max(sku_name), max(spec) from fulfilment.pick_line
				 where run_id = ? and grid_warehouse_id = ? group by sku_id""")
			.params(run.value(), grid.value())
			.query((rs, n) -> names.put(rs.getLong(1), rs.getString(2) + " " + rs.getString(3))).list();
		return names;
	}

	public List<Dispatch> dispatches(CutoffRunId run) {
		return jdbc.sql("""
				select id, run_id, grid_warehouse_id, dispatched_by, dispatched_at, pickup_points, orders_shipped,
				       override_reason, missing_units
				  from fulfilment.dispatch where run_id = ? order by id desc""")
			.param(run.value())
			.query((rs, n) -> new Dispatch(rs.getLong(1), new CutoffRunId(rs.getLong(2)), new WarehouseId(rs.getLong(3)),
					account(rs, 4), rs.getTimestamp(5).toInstant(), rs.getInt(6), rs.getInt(7), rs.getString(8),
					rs.getLong(9)))
			.list();
	}

	public long insertReceipt(Receipt r, Map<OrderLineId, Integer> shortages) {
		long id = jdbc.sql("""
				insert into fulfilment.receipt (pickup_point_id, pickup_date, region_id, received_by, received_at,
				    orders_ready, orders_cancelled, short_lines, short_units, refunded_fen, reason)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(r.pickupPointId().value(), r.pickupDate(), r.regionId().value(),
					r.receivedBy() == null ? null : r.receivedBy().value(), Timestamp.from(r.receivedAt()),
					r.ordersReady(), r.ordersCancelled(), r.shortLines(), r.shortUnits(), r.refunded().fen(), r.reason())
			.query(Long.class).single();
		List<Object[]> rows = new ArrayList<>();
		shortages.forEach((line, quantity) -> rows.add(new Object[] { id, line.value(), quantity }));
		if (!rows.isEmpty()) {
			jdbcTemplate.batchUpdate(
					"insert into fulfilment.receipt_shortage (receipt_id, order_line_id, quantity) values (?, ?, ?)", rows);
		}
		return id;
	}

	private static final String RECEIPT = """
			select id, pickup_point_id, pickup_date, region_id, received_by, received_at, orders_ready, orders_cancelled,
			       short_lines, short_units, refunded_fen, reason from fulfilment.receipt""";

	public Optional<Receipt> receipt(long id) {
		return jdbc.sql(RECEIPT + " where id = ?").param(id).query(Deliveries::receipt).optional();
	}

	public List<Receipt> receipts(PickupPointId point, LocalDate pickupDate) {
		return jdbc.sql(RECEIPT + " where pickup_point_id = ? and pickup_date = ? order by id desc")
			.params(point.value(), pickupDate).query(Deliveries::receipt).list();
	}

	/** Latest receipt per pickup point of a run, for the console's pickup point table. */
	public Map<PickupPointId, Receipt> latestReceipts(CutoffRunId run, LocalDate pickupDate) {
		Map<PickupPointId, Receipt> result = new java.util.HashMap<>();
		jdbc.sql(RECEIPT + """
				\swhere pickup_date = ? and pickup_point_id in
				       (select pickup_point_id from fulfilment.cutoff_pickup_point where run_id = ?)
				 order by id""")
			.params(pickupDate, run.value()).query(Deliveries::receipt).list()
			.forEach(r -> result.put(r.pickupPointId(), r));
		return result;
	}

	static Receipt receipt(ResultSet rs, int row) throws SQLException {
		return new Receipt(rs.getLong("id"), new PickupPointId(rs.getLong("pickup_point_id")),
				rs.getObject("pickup_date", LocalDate.class), new RegionId(rs.getLong("region_id")),
				account(rs, "received_by"), rs.getTimestamp("received_at").toInstant(), rs.getInt("orders_ready"),
				rs.getInt("orders_cancelled"), rs.getInt("short_lines"), rs.getInt("short_units"),
				Money.ofFen(rs.getLong("refunded_fen")), rs.getString("reason"));
	}

	private static AccountId account(ResultSet rs, int column) throws SQLException {
		long id = rs.getLong(column);
		return rs.wasNull() ? null : new AccountId(id);
	}

	private static AccountId account(ResultSet rs, String column) throws SQLException {
		long id = rs.getLong(column);
		return rs.wasNull() ? null : new AccountId(id);
	}
}
