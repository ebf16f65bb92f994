package com.linli.fulfilment.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.function.Consumer;

import com.linli.fulfilment.CutoffRunId;
import com.linli.network.PickupPointId;
import com.linli.ordering.CutoffLine;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes the streamed order lines of a cutoff into {@code fulfilment.sorting_line} with COPY, on a
 * connection of its own. Lines arrive ordered by pickup point; a transaction is committed only at the
 * end of a pickup point, once it holds at least {@code chunkLines} lines, together with the run's last
 * completed pickup point, so an interrupted run resumes exactly after the last committed one.
 * <p>
 * In merge mode (a rerun, where earlier lines exist) the lines go to a temporary table first and are
 * inserted with {@code on conflict do nothing}: the primary key (run, order line) keeps each line once.
 */
final class SortingLineWriter implements Consumer<CutoffLine> {

	/** The run's progress, kept in its row with each commit. */
	interface Progress {

		/** The percent to record once {@code linesStreamed} lines of this attempt are committed. */
		int percent(long linesStreamed);

		/** Called after each commit with the pickup points and lines committed so far in this attempt. */
		void committed(int pickupPoints, long linesStreamed, int percent);
	}

	private static final int BUFFER_CHARS = 64 * 1024;

	private final Connection connection;

	private final CutoffRunId runId;

	private final boolean merge;

	private final int chunkLines;

	private final Clock clock;

	private final Progress progress;

	private final StringBuilder buffer = new StringBuilder(BUFFER_CHARS + 1024);

	private CopyIn copy;

	private PickupPointId current;

	private int linesInChunk;

	private long linesStreamed;

	private int pointsCommitted;

	private int pointsInChunk;

	private long inserted;

	SortingLineWriter(Connection connection, CutoffRunId runId, boolean merge, int chunkLines, Clock clock,
			Progress progress) throws SQLException {
		this.connection = connection;
		this.runId = runId;
		this.merge = merge;
		this.chunkLines = Math.max(1, chunkLines);
		this.clock = clock;
		this.progress = progress;
		connection.setAutoCommit(false);
		if (merge) {
			try (var s = connection.createStatement()) {
				s.execute("create temp table if not exists cutoff_stage (like fulfilment.sorting_line) on commit delete rows");
			}
			connection.commit();
		}
	}

	@Override
	public void accept(CutoffLine line) {
		try {
			if (current != null && !current.equals(line.pickupPointId())) {
				pointsInChunk++;
				if (linesInChunk >= chunkLines) {
					commit(current);
				}
			}
			current = line.pickupPointId();
			append(line);
			linesInChunk++;
			linesStreamed++;
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not write the sorting lines of cutoff run " + runId, e);
		}
	}

	/** Commits what is left after the last line. */
	void finish() throws SQLException {
		if (current != null && linesInChunk > 0) {
			pointsInChunk++;
			commit(current);
		}
	}

	/** Sorting lines inserted by this attempt (lines already there in merge mode are not counted). */
	long inserted() {
		return inserted;
	}

	void rollback() {
		try {
			if (copy != null && copy.isActive()) {
				copy.cancelCopy();
			}
			connection.rollback();
		}
		catch (SQLException ignored) {
			// the connection is closed next, which ends the transaction anyway
		}
	}

	private void append(CutoffLine l) throws SQLException {
		if (copy == null) {
			String table = merge ? "pg_temp.cutoff_stage" : "fulfilment.sorting_line";
			copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table
					+ " (run_id, order_line_id, order_id, order_no, pickup_code, recipient_name, phone_tail, pickup_point_id,"
					+ " sku_id, sku_name, spec, unit, quantity) from stdin");
		}
		StringBuilder b = buffer;
		b.append(runId.value()).append('\t').append(l.lineId().value()).append('\t').append(l.orderId().value()).append('\t');
		text(b, l.orderNo()).append('\t');
		text(b, l.pickupCode()).append('\t');
		text(b, l.recipientName()).append('\t');
		text(b, phoneTail(l.recipientPhone())).append('\t');
		b.append(l.pickupPointId().value()).append('\t').append(l.skuId().value()).append('\t');
		text(b, l.skuName()).append('\t');
		text(b, l.spec()).append('\t');
		text(b, l.unit()).append('\t');
		b.append(l.quantity()).append('\n');
		if (b.length() >= BUFFER_CHARS) {
			drain();
		}
	}

	private void drain() throws SQLException {
		if (buffer.isEmpty()) {
			return;
		}
		byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
		copy.writeToCopy(bytes, 0, bytes.length);
		buffer.setLength(0);
	}

	private void commit(PickupPointId lastPoint) throws SQLException {
		long rows = 0;
		int percent = progress.percent(linesStreamed);
		if (copy != null) {
			drain();
			rows = copy.endCopy();
			copy = null;
		}
		if (merge) {
			try (var s = connection.createStatement()) {
				rows = s.executeUpdate("insert into fulfilment.sorting_line select * from pg_temp.cutoff_stage"
						+ " on conflict (run_id, order_line_id) do nothing");
			}
		}
		try (var ps = connection.prepareStatement("""
				update fulfilment.cutoff_run set last_pickup_point_id = ?, lines = lines + ?, progress_percent = ?,
				       updated_at = ? where id = ? and status = 'RUNNING'""")) {
			ps.setLong(1, lastPoint.value());
			ps.setLong(2, rows);
			ps.setInt(3, percent);
			ps.setTimestamp(4, Timestamp.from(clock.instant()));
			ps.setLong(5, runId.value());
			if (ps.executeUpdate() != 1) {
				throw new IllegalStateException("cutoff run " + runId + " is no longer running");
			}
		}
		connection.commit();
		inserted += rows;
		pointsCommitted += pointsInChunk;
		pointsInChunk = 0;
		linesInChunk = 0;
		progress.committed(pointsCommitted, linesStreamed, percent);
	}

	/** The last four digits of a phone number: enough for the leader to tell two residents apart. */
	static String phoneTail(String phone) {
		if (phone == null) {
			return "";
		}
		String digits = phone.replaceAll("\\D", "");
		return digits.length() <= 4 ? digits : digits.substring(digits.length() - 4);
	}

	/** A value in COPY's text format: backslash, tab and line breaks escaped. */
	private static StringBuilder text(StringBuilder b, String value) {
		if (value == null) {
			return b.append("\\N");
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> b.append("\\\\");
				case '\t' -> b.append("\\t");
				case '\n' -> b.append("\\n");
				case '\r' -> b.append("\\r");
				default -> b.append(c);
			}
		}
		return b;
	}
}
