package com.linli.fulfilment.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import com.linli.fulfilment.CutoffRunId;
import com.linli.network.PickupPointId;
import com.linli.ordering.CutoffLine;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes the streamed order lines of a cutoff into {@code fulfilment.sorting_line} with COPY, on a
 * connection of its own. Lines arrive ordered by pickup point; a chunk is committed only at the end of
 * a pickup point, once it holds at least {@code chunkLines} lines, together with the run's last
 * completed pickup point, so an interrupted run resumes exactly after the last committed one.
 * <p>
 * The calling thread reads and formats lines while a writer thread copies and commits the previous
 * chunk (one chunk waits between them at most): reading and writing overlap, and chunks are committed
 * strictly in order. A failure on either side stops both; nothing after the last commit is kept.
 * <p>
 * In merge mode (a rerun, where earlier lines exist) the lines go to a temporary table first and are
 * inserted with {@code on conflict do nothing}: the primary key (run, order line) keeps each line once.
 */
final class SortingLineWriter implements Consumer<CutoffLine> {

	/** The run's progress, kept in its row with each commit. */
	interface Progress {

		/** What to record once the lines up to {@code lastCommitted} (in pickup point order) are committed. */
		Step step(PickupPointId lastCommitted);

		/** Called after each commit with the pickup points committed so far in this attempt. */
		void committed(int pickupPoints, Step step);
	}

	/** Pickup points of the region done, and the run's percent. */
	record Step(int pointsDone, int percent) {
	}

	/** Lines of whole pickup points in COPY's text format, up to and including {@code lastPoint}. */
	private record Chunk(byte[] data, int pickupPoints, PickupPointId lastPoint) {
	}

	private static final Chunk END = new Chunk(new byte[0], 0, null);

	private final Connection connection;

	private final CutoffRunId runId;

	private final boolean merge;

	private final int chunkLines;

	private final Clock clock;

	private final Progress progress;

	private final CopyManager copyManager;

	private final String copySql;

	private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(1);

	private final AtomicReference<Throwable> failure = new AtomicReference<>();

	private final Thread writer;

	private StringBuilder buffer = new StringBuilder(1 << 20);

	private PickupPointId current;

	private int linesInChunk;

	private int pointsInChunk;

	private int pointsCommitted;

	private long inserted;

	private volatile boolean stopped;

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
				s.execute("create temp table if not exists cutoff_stage (like fulfilment.sorting_line including defaults) on commit delete rows");
			}
			connection.commit();
		}
		this.copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
		this.copySql = "copy " + (merge ? "pg_temp.cutoff_stage" : "fulfilment.sorting_line")
				+ " (run_id, order_line_id, order_id, order_no, pickup_code, recipient_name, phone_tail, pickup_point_id,"
				+ " sku_id, sku_name, spec, unit, quantity) from stdin";
		this.writer = new Thread(this::writeChunks, "cutoff-writer-" + runId);
		this.writer.setDaemon(true);
		this.writer.start();
	}

	@Override
	public void accept(CutoffLine line) {
		if (current != null && !current.equals(line.pickupPointId())) {
			pointsInChunk++;
			if (linesInChunk >= chunkLines) {
				handOff(current);
			}
		}
		current = line.pickupPointId();
		append(line);
		linesInChunk++;
	}

	/** Commits what is left after the last line and waits for every commit; rethrows a failure of the writer. */
	void finish() {
		if (current != null && linesInChunk > 0) {
			pointsInChunk++;
			handOff(current);
		}
		put(END);
		join();
		rethrow();
	}

	/** Sorting lines inserted by this attempt (lines already there in merge mode are not counted). */
	long inserted() {
		return inserted;
	}

	/** Stops the writer thread and rolls back what it had not committed. */
	void abort() {
		stopped = true;
		queue.clear();
		writer.interrupt();
		join();
		try {
			connection.rollback();
		}
		catch (SQLException ignored) {
			// the connection is closed next, which ends the transaction anyway
		}
	}

	private void handOff(PickupPointId lastPoint) {
		put(new Chunk(buffer.toString().getBytes(StandardCharsets.UTF_8), pointsInChunk, lastPoint));
		buffer = new StringBuilder(Math.max(1 << 20, buffer.capacity()));
		linesInChunk = 0;
		pointsInChunk = 0;
	}

	private void put(Chunk chunk) {
		try {
			while (!queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
				rethrow();
				if (!writer.isAlive()) {
					throw new IllegalStateException("the sorting line writer of cutoff run " + runId + " stopped");
				}
			}
			rethrow();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while writing cutoff run " + runId, e);
		}
	}

	private void rethrow() {
		Throwable t = failure.get();
		if (t instanceof RuntimeException e) {
			throw e;
		}
		if (t instanceof Error e) {
			throw e;
		}
		if (t != null) {
			throw new IllegalStateException("Could not write the sorting lines of cutoff run " + runId, t);
		}
	}

	private void join() {
		try {
			writer.join();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** The writer thread: copies and commits chunks in order until the end, a failure or a stop. */
	private void writeChunks() {
		try {
			while (!stopped) {
				Chunk chunk = queue.take();
				if (chunk == END) {
					return;
				}
				commit(chunk);
			}
		}
		catch (InterruptedException e) {
			// stopped by abort()
		}
		catch (Throwable t) {
			failure.set(t);
		}
	}

	private void commit(Chunk chunk) throws SQLException {
		Step step = progress.step(chunk.lastPoint());
		try (var s = connection.createStatement()) {
			// a chunk and the run's last pickup point commit together: losing the latest commits in a
			// server crash only makes the run resume a little earlier, so the commit need not wait for disk
			s.execute("set local synchronous_commit = off");
		}
		var copy = copyManager.copyIn(copySql);
		try {
			copy.writeToCopy(chunk.data(), 0, chunk.data().length);
			long rows = copy.endCopy();
			if (merge) {
				try (var s = connection.createStatement()) {
					rows = s.executeUpdate("insert into fulfilment.sorting_line select * from pg_temp.cutoff_stage"
							+ " on conflict (run_id, order_line_id) do nothing");
				}
			}
			try (var ps = connection.prepareStatement("""
					update fulfilment.cutoff_run set last_pickup_point_id = ?, lines = lines + ?, points_done = ?,
					       progress_percent = ?, updated_at = ? where id = ? and status = 'RUNNING'""")) {
				ps.setLong(1, chunk.lastPoint().value());
				ps.setLong(2, rows);
				ps.setInt(3, step.pointsDone());
				ps.setInt(4, step.percent());
				ps.setTimestamp(5, Timestamp.from(clock.instant()));
				ps.setLong(6, runId.value());
				if (ps.executeUpdate() != 1) {
					throw new IllegalStateException("cutoff run " + runId + " is no longer running");
				}
			}
			connection.commit();
			inserted += rows;
		}
		finally {
			if (copy.isActive()) {
				copy.cancelCopy();
			}
		}
		pointsCommitted += chunk.pickupPoints();
		progress.committed(pointsCommitted, step);
	}

	private void append(CutoffLine l) {
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
