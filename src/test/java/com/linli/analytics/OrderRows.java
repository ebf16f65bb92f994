package com.linli.analytics;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Orders of a past day as ordering stores them once picked up (or cancelled), written straight into ordering's table:
 * analytics' tests need months of history on chosen pickup dates, which the storefront can only make for the days
 * still open. Test data only; the code under test reads them through ordering's API.
 */
final class OrderRows {

	private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000_000L);

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final JdbcClient jdbc;

	OrderRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A paid order picked up on its pickup date. */
	void pickedUp(long region, long point, long resident, LocalDate day, long fen) {
		insert(region, point, resident, day, fen, "PICKED_UP");
	}

	/** An order paid, then cancelled (with its full refund): it counts nowhere. */
	void cancelled(long region, long point, long resident, LocalDate day, long fen) {
		insert(region, point, resident, day, fen, "CANCELLED");
	}

	private void insert(long region, long point, long resident, LocalDate day, long fen, String status) {
		long n = SEQ.incrementAndGet();
		var created = Timestamp.from(day.minusDays(1).atTime(12, 0).atZone(ZONE).toInstant());
		var cutoff = Timestamp.from(day.minusDays(1).atTime(23, 0).atZone(ZONE).toInstant());
		var picked = Timestamp.from(day.atTime(18, 0).atZone(ZONE).toInstant());
		boolean cancelled = status.equals("CANCELLED");
		jdbc.sql("""
				insert into ordering.orders (order_no, resident_id, idempotency_key, recipient_name, recipient_phone,
				    region_id, pickup_point_id, pickup_date, status, total_fen, paid_fen, refunded_fen, pickup_code,
				    created_at, expires_at, cutoff_at, paid_at, picked_up_at, cancelled_at, cancel_reason)
				values (?, ?, ?, '测试', '13800000000', ?, ?, ?, ?, ?, ?, ?, '000000', ?, ?, ?, ?, ?, ?, ?)""")
			.params("T" + n, resident, "rows-" + n, region, point, day, status, fen, fen, cancelled ? fen : 0,
					created, created, cutoff, created, cancelled ? null : picked, cancelled ? created : null,
					cancelled ? "RESIDENT" : null)
			.update();
	}
}
