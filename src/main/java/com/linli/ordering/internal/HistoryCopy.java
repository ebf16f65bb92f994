package com.linli.ordering.internal;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.sql.DataSource;

import com.linli.network.RegionId;
import com.linli.ordering.OrderHistoryImport.HistoricLine;
import com.linli.ordering.OrderHistoryImport.HistoricOrder;
import com.linli.ordering.OrderHistoryImport.Imported;
import com.linli.ordering.OrderHistoryImport.Outcome;
import com.linli.ordering.Order;
import org.postgresql.PGConnection;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The COPY behind {@code OrderHistoryImport}: order and line ids are taken from their identity sequences first
 * (so that lines and refunds can name their order), then orders, lines and refunds are each streamed in one COPY
 * on the transaction's connection, and the batch's marker row is written last. The marker's primary key makes a
 * concurrent second import of the same batch fail rather than write twice.
 */
@Component
public class HistoryCopy {

	private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	HistoryCopy(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	public boolean imported(String batch) {
		return jdbc.sql("select exists(select 1 from ordering.history_import where batch = ?)").param(batch)
			.query(Boolean.class).single();
	}

	public List<String> batches(String prefix) {
		return jdbc.sql("select batch from ordering.history_import where starts_with(batch, ?) order by batch")
			.param(prefix).query(String.class).list();
	}

	public Imported write(String batch, RegionId region, List<HistoricOrder> orders) {
		// the lock makes a concurrent import of the same batch wait, then see the marker
		jdbc.sql("select pg_advisory_xact_lock(hashtext('ordering.history_import'), hashtext(?))").param(batch)
			.query(Object.class).single();
		if (imported(batch)) {
			return new Imported(batch, 0, 0, 0, true);
		}
		int lineCount = orders.stream().mapToInt(o -> o.lines().size()).sum();
		long[] orderIds = reserve("orders", orders.size());
		long[] lineIds = reserve("order_line", lineCount);
		var orderRows = new StringBuilder(orders.size() * 260);
		var lineRows = new StringBuilder(lineCount * 120);
		var refundRows = new StringBuilder();
		int refunds = 0;
		int l = 0;
		for (int i = 0; i < orders.size(); i++) {
			HistoricOrder o = orders.get(i);
			long id = orderIds[i];
			boolean picked = o.outcome() == Outcome.PICKED_UP;
			long total = o.total().fen();
			long refunded = 0;
			Instant refundAt = o.endedAt().plus(Duration.ofHours(2));
			for (int n = 0; n < o.lines().size(); n++, l++) {
				HistoricLine line = o.lines().get(n);
				long lineRefund = line.refunded().fen();
				refunded += lineRefund;
				row(lineRows, lineIds[l], id, line.listingId().value(), line.skuId().value(), line.categoryId().value(),
						line.skuName(), line.spec(), line.unit(), line.unitPrice().fen(), line.quantity(),
						line.amount().fen(), line.refundedAfterPickup(), lineRefund,
						picked ? line.quantity() - line.refundedAfterPickup() : 0, line.coupon().fen());
				if (line.refundedAfterPickup() > 0) {
					refunds++;
					// a refund of 0 fen is only allowed for a line paid nothing: such a line gets no refund row
					if (lineRefund > 0) {
						row(refundRows, id, lineIds[l], "history:" + lineIds[l], line.refundedAfterPickup(), lineRefund,
								"ordering.refund.history", "SUCCEEDED", refundAt, refundAt.plusSeconds(60));
					}
				}
			}
			Instant placed = o.placedAt();
			Instant paidAt = picked ? placed.plusSeconds(40 + id % 200) : null;
			Instant ready = picked ? earlier(o.cutoffAt().plus(Duration.ofHours(10)), o.endedAt()) : null;
			row(orderRows, id, "H" + YYMMDD.format(o.pickupDate()) + id, o.resident().value(), "history:" + id,
					o.recipientName(), o.recipientPhone(), region.value(), o.pickupPoint().value(), o.pickupDate(),
					picked ? "PICKED_UP" : "CANCELLED", total, picked ? total : 0, refunded,
					picked ? String.format("%06d", id % 1_000_000) : null,
					picked ? null : (id % 3 == 0 ? Order.RESIDENT : Order.EXPIRED), placed, placed.plusSeconds(900),
					o.cutoffAt(), paidAt, picked ? o.cutoffAt() : null,
					picked ? earlier(o.cutoffAt().plus(Duration.ofHours(7)), o.endedAt()) : null, ready,
					picked ? o.endedAt() : null, picked ? null : o.endedAt());
		}
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			var copier = connection.unwrap(PGConnection.class).getCopyAPI();
			copier.copyIn("""
					copy ordering.orders (id, order_no, resident_id, idempotency_key, recipient_name, recipient_phone,
					    region_id, pickup_point_id, pickup_date, status, total_fen, paid_fen, refunded_fen, pickup_code,
					    cancel_reason, created_at, expires_at, cutoff_at, paid_at, confirmed_at, shipped_at, ready_at,
					    picked_up_at, cancelled_at) from stdin""", new StringReader(orderRows.toString()));
			copier.copyIn("""
					copy ordering.order_line (id, order_id, listing_id, sku_id, category_id, sku_name, spec, unit,
					    unit_price_fen, quantity, amount_fen, refunded_quantity, refunded_fen, picked_up_quantity,
					    coupon_fen) from stdin""", new StringReader(lineRows.toString()));
			if (refundRows.length() > 0) {
				copier.copyIn("""
						copy ordering.order_refund (order_id, line_id, reference, quantity, amount_fen, reason, status,
						    requested_at, completed_at) from stdin""", new StringReader(refundRows.toString()));
			}
		}
		catch (SQLException | IOException e) {
			throw new IllegalStateException("the history batch " + batch + " could not be copied: " + e.getMessage(), e);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
		jdbc.sql("insert into ordering.history_import (batch, orders, lines, imported_at) values (?, ?, ?, ?)")
			.params(batch, orders.size(), lineCount, java.sql.Timestamp.from(latest(orders)))
			.update();
		return new Imported(batch, orders.size(), lineCount, refunds, false);
	}

	private long[] reserve(String table, int count) {
		if (count == 0) {
			return new long[0];
		}
		return jdbc.sql("select nextval(pg_get_serial_sequence('ordering.' || ?, 'id')) from generate_series(1, ?)")
			.params(table, count).query(Long.class).list().stream().mapToLong(Long::longValue).toArray();
	}

	/** When the batch's last order ended: the marker's time, from the data rather than a clock. */
	private static Instant latest(List<HistoricOrder> orders) {
		return orders.stream().map(HistoricOrder::endedAt).max(Instant::compareTo).orElse(Instant.EPOCH);
	}

	private static Instant earlier(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	/** One row of COPY's text format: tab-separated, \N for null, backslash, tab and newlines escaped. */
	private static void row(StringBuilder out, Object... values) {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				out.append('\t');
			}
			Object v = values[i];
			if (v == null) {
				out.append("\\N");
			}
			else if (v instanceof String s) {
				for (int c = 0; c < s.length(); c++) {
					char ch = s.charAt(c);
					switch (ch) {
						case '\\' -> out.append("\\\\");
						case '\t' -> out.append("\\t");
						case '\n' -> out.append("\\n");
						case '\r' -> out.append("\\r");
						default -> out.append(ch);
					}
				}
			}
			else {
				out.append(v);
			}
		}
		out.append('\n');
	}
}
