package com.linli.analytics.internal.ops;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

import com.linli.Api;
import com.linli.network.NetworkFixtures;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fixed data set in a new region, written straight into the owning modules' tables (as their own code would
 * have left them), on two days of March 2025: D1 = 2025-03-10 (a Monday), D2 = 2025-03-11. Every figure the ops
 * tests expect is computed by hand from what is written here (see the comments).
 */
final class OpsFixture {

	static final LocalDate D1 = LocalDate.of(2025, 3, 10);

	static final LocalDate D2 = LocalDate.of(2025, 3, 11);

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000_000L * 10);

	final long region;

	final long central;

	final long pickupPoint;

	final long o1;

	final long o2;

	private final JdbcClient jdbc;

	OpsFixture(Api admin, JdbcClient jdbc) {
		this.jdbc = jdbc;
		var network = new NetworkFixtures(admin);
		this.region = network.region();
		this.central = network.warehouse(region, "CENTRAL");
		this.pickupPoint = next();
		listings();
		stock();
		purchaseOrders();
		routes();
		service();
		this.o1 = order("PICKED_UP", 14000, 0, false, new long[][] { { 901, 10, 800, 0 }, { 902, 20, 300, 0 } });
		// 6 x 10 yuan of SKU 903, one unit short (refunded 10 yuan before pickup)
		this.o2 = order("PICKED_UP", 6000, 1000, false, new long[][] { { 903, 6, 1000, 1 } });
		order("PAID", 1500, 0, false, new long[][] { { 902, 5, 300, 0 } });
		order("CANCELLED", 2000, 2000, true, new long[][] { { 901, 2, 1000, 0 } }); // left out: cancelled
		commission();
	}

	static long next() {
		return SEQ.incrementAndGet();
	}

	static Timestamp at(LocalDate day, int hour, int minute) {
		return Timestamp.from(LocalDateTime.of(day, java.time.LocalTime.of(hour, minute)).atZone(ZONE).toInstant());
	}

	/** sku ids are offset so the fixture's SKUs never meet another test's (the region is new anyway). */
	long sku(long n) {
		return n;
	}

	// Listings closing (cutoff 22:00) on D1: caps 100 + 50, sold 80 + 50 (the second sold out); on D2: cap 20, sold 20
	// (sold out); a withdrawn listing on D1 (cap 10) counts nowhere.
	private void listings() {
		listing(1001, 100, 80, D1, false);
		listing(1002, 50, 50, D1, false);
		listing(1003, 20, 20, D2, false);
		listing(1004, 10, 0, D1, true);
	}

	private void listing(long sku, int cap, int sold, LocalDate cutoffDay, boolean withdrawn) {
		jdbc.sql("""
				insert into marketing.listing (region_id, sku_id, group_price_fen, stock_cap, sold, per_resident_limit,
				    opens_at, cutoff_at, pickup_date, status, created_at, withdrawn_at)
				values (?, ?, 990, ?, ?, 5, ?, ?, ?, ?, ?, ?)""")
			.params(region, sku, cap, sold, at(cutoffDay, 10, 0), at(cutoffDay, 22, 0), cutoffDay.plusDays(1),
					withdrawn ? "WITHDRAWN" : "ACTIVE", at(cutoffDay, 9, 0), withdrawn ? at(cutoffDay, 12, 0) : null)
			.update();
	}

	// Stock of the central warehouse. B1 (SKU 901, 2 yuan): +100 on D1-1, sold 30 and 5 expired on D1, sold 20 on D2:
	// 45 left. B2 (SKU 902, 1 yuan): +50 on D1, 10 damaged on D2: 40 left. Value now 45*200 + 40*100 = 13000.
	private void stock() {
		long b1 = batch(901, 100, 45, 200, D1.minusDays(1));
		long b2 = batch(902, 50, 40, 100, D1);
		movement(b1, 901, "RECEIPT", 100, null, at(D1.minusDays(1), 10, 0));
		movement(b1, 901, "SALE", -30, null, at(D1, 6, 0));
		movement(b1, 901, "DAMAGE", -5, "过期", at(D1, 18, 0));
		movement(b2, 902, "RECEIPT", 50, null, at(D1, 3, 0));
		movement(b1, 901, "SALE", -20, null, at(D2, 6, 0));
		movement(b2, 902, "DAMAGE", -10, "破损", at(D2, 7, 0));
	}

	private long batch(long sku, long received, long remaining, long unitCost, LocalDate day) {
		return jdbc.sql("""
				insert into inventory.batch (warehouse_id, sku_id, batch_no, received, remaining, received_at, unit_cost_fen)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(central, sku, "OPS" + next(), received, remaining, at(day, 10, 0), unitCost)
			.query(Long.class).single();
	}

	private void movement(long batch, long sku, String kind, long quantity, String reason, Timestamp at) {
		jdbc.sql("""
				insert into inventory.movement (warehouse_id, sku_id, batch_id, kind, quantity, reason, created_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(central, sku, batch, kind, quantity, reason, at)
			.update();
	}

	// Purchase orders for pickup on D1. PO1 on time (01:30, expected 02:00): SKU 901 100 ordered at 2 yuan, 90
	// accepted, 10 rejected; SKU 902 50 at 1 yuan, all accepted. PO2 late (03:00): SKU 903 40 at 3 yuan, 30 accepted,
	// 5 rejected. PO3 cancelled (SKU 901 at 9.99 yuan): counts nowhere, not even in the unit cost.
	private void purchaseOrders() {
		long supplier = jdbc.sql("""
				insert into supply.supplier (name, contact_name, contact_phone, address, created_at)
				values (?, '张三', '13800000000', '测试路1号', ?) returning id""")
			.params("运营测试供应商" + next(), at(D1, 0, 0)).query(Long.class).single();
		long po1 = po(supplier, "DELIVERED", at(D1, 1, 30));
		line(po1, 901, 200, 100, 90, 10);
		line(po1, 902, 100, 50, 50, 0);
		long po2 = po(supplier, "DELIVERED", at(D1, 3, 0));
		line(po2, 903, 300, 40, 30, 5);
		long po3 = po(supplier, "CANCELLED", null);
		line(po3, 901, 999, 100, null, null);
	}

	private long po(long supplier, String status, Timestamp deliveredAt) {
		boolean delivered = deliveredAt != null;
		return jdbc.sql("""
				insert into supply.purchase_order (po_no, supplier_id, region_id, warehouse_id, pickup_date, status,
				    expected_at, created_at, sent_at, confirmed_at, delivered_at, cancelled_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params("OPS" + next(), supplier, region, central, D1, status, at(D1, 2, 0), at(D1.minusDays(1), 23, 0),
					at(D1.minusDays(1), 23, 5), delivered ? at(D1.minusDays(1), 23, 10) : null, deliveredAt,
					delivered ? null : at(D1.minusDays(1), 23, 20))
			.query(Long.class).single();
	}

	private void line(long po, long sku, long price, int ordered, Integer accepted, Integer rejected) {
		jdbc.sql("""
				insert into supply.purchase_order_line (po_id, sku_id, sku_name, unit, price_fen, ordered_qty,
				    accepted_qty, rejected_qty, reject_reason, received_at)
				values (?, ?, ?, '件', ?, ?, ?, ?, ?, ?)""")
			.params(po, sku, "商品" + sku, price, ordered, accepted, rejected,
					rejected != null && rejected > 0 ? "QUALITY" : null, accepted == null ? null : at(D1, 2, 0))
			.update();
	}

	// Delivery on D1: one ready plan; route 1 left (cost 12 yuan, 10 ambient + 2 chilled crates) with a stop on time,
	// one late, one skipped and one not reached yet; route 2 only planned (cost 99.99 yuan) counts nowhere.
	private void routes() {
		long vehicle = jdbc.sql("""
				insert into logistics.vehicle (region_id, grid_warehouse_id, plate, name, ambient_crates, chilled_crates,
				    frozen_crates, max_kg, cost_per_km_fen, cost_per_hour_fen, fixed_cost_fen)
				values (?, ?, ?, '运营测试车', 20, 5, 0, 800, 100, 1000, 1000) returning id""")
			.params(region, central, "测O" + (next() % 100000)).query(Long.class).single();
		long vehicle2 = jdbc.sql("""
				insert into logistics.vehicle (region_id, grid_warehouse_id, plate, name, ambient_crates, chilled_crates,
				    frozen_crates, max_kg, cost_per_km_fen, cost_per_hour_fen, fixed_cost_fen)
				values (?, ?, ?, '运营测试车二', 20, 5, 0, 800, 100, 1000, 1000) returning id""")
			.params(region, central, "测P" + (next() % 100000)).query(Long.class).single();
		long plan = jdbc.sql("""
				insert into logistics.route_plan (run_id, region_id, grid_warehouse_id, pickup_date, status, time_limit_ms,
				    created_at) values (?, ?, ?, ?, 'READY', 1000, ?) returning id""")
			.params(next(), region, central, D1, at(D1, 0, 0)).query(Long.class).single();
		long route = route(plan, 1, vehicle, "DISPATCHED", 1200, 10, 2);
		stop(route, plan, 1, "HANDED_OVER", at(D1, 6, 50)); // window ends 07:00: on time
		stop(route, plan, 2, "HANDED_OVER", at(D1, 7, 20)); // late
		stop(route, plan, 3, "SKIPPED", null);
		stop(route, plan, 4, "PENDING", null); // not reached: counts in neither
		long planned = route(plan, 2, vehicle2, "PLANNED", 9999, 5, 0);
		stop(planned, plan, 1, "PENDING", null);
	}

	private long route(long plan, int no, long vehicle, String status, long cost, int ambient, int chilled) {
		return jdbc.sql("""
				insert into logistics.route (plan_id, route_no, vehicle_id, status, depart_at, return_at, km, cost_fen,
				    ambient_crates, chilled_crates, departed_at) values (?, ?, ?, ?, ?, ?, 30, ?, ?, ?, ?) returning id""")
			.params(plan, no, vehicle, status, at(D1, 5, 0), at(D1, 9, 0), cost, ambient, chilled,
					"DISPATCHED".equals(status) ? at(D1, 5, 0) : null)
			.query(Long.class).single();
	}

	private void stop(long route, long plan, int seq, String status, Timestamp arrived) {
		jdbc.sql("""
				insert into logistics.route_stop (route_id, plan_id, seq, pickup_point_id, pickup_point_name, address,
				    latitude, longitude, window_start, window_end, service_minutes, planned_arrival, status, arrived_at,
				    handed_over_at, skip_reason)
				values (?, ?, ?, ?, '测试点', '测试路', 30.5, 114.3, ?, ?, 5, ?, ?, ?, ?, ?)""")
			.params(route, plan, seq, next(), at(D1, 6, 0), at(D1, 7, 0), at(D1, 6, 30), status, arrived, arrived,
					"SKIPPED".equals(status) ? "关门" : null)
			.update();
	}

	// Complaints: on D1 one resolved in time and one resolved late; on D2 one still open past its due (decided: not
	// in time). Reviews on D1: 5, 4 and 3 stars.
	private void service() {
		complaint(D1, "RESOLVED", at(D1, 12, 0));
		complaint(D1, "RESOLVED", at(D1.plusDays(3), 12, 0));
		complaint(D2, "OPEN", null);
		for (int stars : new int[] { 5, 4, 3 }) {
			jdbc.sql("""
					insert into aftersales.review (resident_id, author_name, order_id, line_id, sku_id, sku_name, product_id,
					    pickup_point_id, region_id, product_stars, created_at)
					values (?, '测*', ?, ?, 901, '商品901', 1, ?, ?, ?, ?)""")
				.params(next(), next(), next(), pickupPoint, region, stars, at(D1, 20, 0))
				.update();
		}
	}

	private void complaint(LocalDate day, String status, Timestamp resolvedAt) {
		jdbc.sql("""
				insert into aftersales.complaint (complaint_no, resident_id, region_id, subject, text, status, filed_at,
				    first_response_due, resolution_due, resolved_at, resolution_summary, submit_key)
				values (?, ?, ?, 'PRODUCT', '不新鲜', ?, ?, ?, ?, ?, ?, ?)""")
			.params("OPS" + next(), next(), region, status, at(day, 9, 0), at(day, 10, 0), at(day.plusDays(1), 9, 0),
					resolvedAt, resolvedAt == null ? null : "已处理", "k" + next())
			.update();
	}

	/** An order for pickup on D1; lines as {sku, quantity, unit price fen, short units}. */
	private long order(String status, long total, long refunded, boolean cancelled, long[][] lines) {
		boolean paid = !"PENDING_PAYMENT".equals(status);
		long id = jdbc.sql("""
				insert into ordering.orders (order_no, resident_id, idempotency_key, recipient_name, recipient_phone,
				    region_id, pickup_point_id, pickup_date, status, total_fen, paid_fen, refunded_fen, pickup_code,
				    created_at, expires_at, cutoff_at, paid_at, cancelled_at)
				values (?, ?, ?, '测试', '13800000000', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params("OPS" + next(), next(), "k" + next(), region, pickupPoint, D1, status, total, paid ? total : 0,
					refunded, cancelled ? null : String.format("%06d", next() % 1_000_000), at(D1.minusDays(1), 12, 0), at(D1.minusDays(1), 12, 30),
					at(D1.minusDays(1), 23, 0), paid ? at(D1, 0, 5) : null,
					cancelled ? at(D1, 1, 0) : null)
			.query(Long.class).single();
		for (long[] l : lines) {
			jdbc.sql("""
					insert into ordering.order_line (order_id, listing_id, sku_id, category_id, sku_name, spec, unit,
					    unit_price_fen, quantity, amount_fen, refunded_quantity, refunded_fen, short_quantity)
					values (?, ?, ?, 1, ?, '份', '件', ?, ?, ?, ?, ?, ?)""")
				.params(id, next(), l[0], "商品" + l[0], l[2], l[1], l[1] * l[2], l[3], l[3] * l[2], l[3])
				.update();
		}
		return id;
	}

	// Commission: accrual 5 yuan on O1, accrual 3 yuan on O2 and a reversal of 0.5 yuan on O2, all on D1: net 7.5 yuan
	// (O1: 500, O2: 250).
	private void commission() {
		long leader = jdbc.sql("""
				insert into leader.leader (account_id, name, phone, pickup_point_id, region_id, status, since,
				    status_changed_at, created_at)
				values (?, '测试团长', ?, ?, ?, 'ACTIVE', ?, ?, ?) returning id""")
			.params(next(), Api.newPhone(), pickupPoint, region, D1.minusDays(30), at(D1, 0, 0), at(D1, 0, 0))
			.query(Long.class).single();
		entry(leader, "ACCRUAL", o1, 500, null);
		long accrual = entry(leader, "ACCRUAL", o2, 300, null);
		entry(leader, "REVERSAL", o2, -50, accrual);
	}

	private long entry(long leader, String kind, long order, long amount, Long accrual) {
		boolean reversal = "REVERSAL".equals(kind);
		return jdbc.sql("""
				insert into leader.commission_entry (leader_id, kind, order_id, order_no, order_line_id, quantity, base_fen,
				    rate_bp, rate_source, month_sales_fen, sales_month, month, amount_fen, balance_after_fen,
				    refund_reference, accrual_id, occurred_at, recorded_at)
				values (?, ?, ?, 'OPS', ?, 1, 1000, 500, 'BAND', ?, ?, ?, ?, 0, ?, ?, ?, ?) returning id""")
			.params(leader, kind, order, next(), reversal ? null : 1000L, D1.withDayOfMonth(1), D1.withDayOfMonth(1), amount,
					reversal ? "refund:" + next() : null, accrual, at(D1, 15, 0), at(D1, 15, 0))
			.query(Long.class).single();
	}
}
