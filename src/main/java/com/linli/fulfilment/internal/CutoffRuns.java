package com.linli.fulfilment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.linli.fulfilment.CutoffRun;
import com.linli.fulfilment.CutoffRunId;
import com.linli.fulfilment.CutoffRunSearch;
import com.linli.fulfilment.CutoffStatus;
import com.linli.identity.AccountId;
import com.linli.identity.RegionScope;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Page;
import com.linli.shared.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The cutoff_run rows: one per region and pickup date, with the progress of the run. */
@Repository
public class CutoffRuns {

	private static final String COLUMNS = """
			id, region_id, pickup_date, status, started_by, started_at, updated_at, finished_at, attempts,
			orders_confirmed, points_expected, points_done, orders, lines, units, pickup_points, grid_warehouses, progress_percent,
			last_pickup_point_id, last_error, merge_lines""";

	private final JdbcClient jdbc;

	CutoffRuns(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A run claimed for an attempt: {@code resumed} when an interrupted attempt is continued after its
	 * last pickup point, {@code mergeLines} when lines may already exist where the stream starts.
	 * A rerun keeps {@code finishedAt} of its previous completion until it completes again.
	 */
	record Claimed(CutoffRun run, boolean resumed, boolean mergeLines) {
	}

	/**
	 * Creates the run, or prepares an existing one for another attempt: an interrupted run resumes after
	 * its last pickup point; a completed one starts over from the first, its lines merged with those
	 * already written. Called only while holding the run's lock.
	 */
	Claimed prepare(RegionId region, LocalDate pickupDate, AccountId startedBy, Instant now) {
		var previous = find(region, pickupDate);
		if (previous.isEmpty()) {
			long id = jdbc.sql("""
					insert into fulfilment.cutoff_run (region_id, pickup_date, status, started_by, started_at, updated_at)
					values (?, ?, ?, ?, ?, ?) returning id""")
				.params(region.value(), pickupDate, CutoffStatus.RUNNING.name(),
						startedBy == null ? null : startedBy.value(), ts(now), ts(now))
				.query(Long.class).single();
			return new Claimed(get(new CutoffRunId(id)), false, false);
		}
		CutoffRun run = previous.get();
		if (run.status() == CutoffStatus.COMPLETED) {
			CutoffStatus running = run.status().to(CutoffStatus.RUNNING);
			checkSaved(run, jdbc.sql("""
					update fulfilment.cutoff_run set status = ?, started_by = ?, started_at = ?, updated_at = ?,
					       attempts = attempts + 1, progress_percent = 0, last_pickup_point_id = null, points_done = 0,
					       merge_lines = true, last_error = null where id = ? and status = ?""")
				.params(running.name(), startedBy == null ? null : startedBy.value(), ts(now), ts(now), run.id().value(),
						run.status().name())
				.update());
			return new Claimed(get(run.id()), false, true);
		}
		// resuming a RUNNING run is no move of its status, but it must still be running
		checkSaved(run, jdbc.sql("""
				update fulfilment.cutoff_run set attempts = attempts + 1, updated_at = ?, last_error = null
				 where id = ? and status = ?""")
			.params(ts(now), run.id().value(), run.status().name()).update());
		boolean merge = jdbc.sql("select merge_lines from fulfilment.cutoff_run where id = ?").param(run.id().value())
			.query(Boolean.class).single();
		return new Claimed(get(run.id()), true, merge);
	}

	/** Step 1 done: orders confirmed, pickup points to expect; a resume that confirmed new orders starts over. */
	void confirmed(CutoffRunId id, int ordersConfirmed, int pointsExpected, boolean restart, int progress, Instant now) {
		jdbc.sql("""
				update fulfilment.cutoff_run set orders_confirmed = orders_confirmed + ?, points_expected = ?,
				       last_pickup_point_id = case when ? then null else last_pickup_point_id end,
				       points_done = case when ? then 0 else points_done end,
				       merge_lines = merge_lines or ?, progress_percent = greatest(progress_percent, ?), updated_at = ?
				 where id = ?""")
			.params(ordersConfirmed, pointsExpected, restart, restart, restart, progress, ts(now), id.value()).update();
	}

	/**
	 * Records why an attempt stopped. No move of the status: a run that completed meanwhile keeps no error
	 * (0 rows is then deliberately no failure: the error is no longer true).
	 */
	void stopped(CutoffRunId id, String error, Instant now) {
		String message = error == null ? "stopped" : error.length() > 500 ? error.substring(0, 500) : error;
		jdbc.sql("update fulfilment.cutoff_run set last_error = ?, updated_at = ? where id = ? and status = ?")
			.params(message, ts(now), id.value(), CutoffStatus.RUNNING.name()).update();
	}

	void progress(CutoffRunId id, int percent, Instant now) {
		jdbc.sql("update fulfilment.cutoff_run set progress_percent = ?, updated_at = ? where id = ?")
			.params(percent, ts(now), id.value()).update();
	}

	/**
	 * The run (as read in this transaction) completes with its totals: RUNNING to COMPLETED, saved with a
	 * compare-and-set on the status; a run no longer RUNNING is refused.
	 */
	void completed(CutoffRun run, Totals totals, Instant now) {
		CutoffStatus completed = run.status().to(CutoffStatus.COMPLETED);
		checkSaved(run, jdbc.sql("""
				update fulfilment.cutoff_run set status = ?, finished_at = ?, updated_at = ?, progress_percent = 100,
				       points_done = greatest(points_done, points_expected), orders = ?, lines = ?, units = ?,
				       pickup_points = ?, grid_warehouses = ?, merge_lines = false,
				       last_error = null where id = ? and status = ?""")
			.params(completed.name(), ts(now), ts(now), totals.orders(), totals.lines(), totals.units(),
					totals.pickupPoints(), totals.gridWarehouses(), run.id().value(), run.status().name())
			.update());
	}

	/** A compare-and-set that changed no row lost to another writer: the run is not in the status it was read in. */
	private static void checkSaved(CutoffRun run, int rows) {
		if (rows == 0) {
			throw new BusinessRuleException("cutoff-changed-concurrently", "status",
					Text.of("fulfilment.problem.cutoffChangedConcurrently", run.id(), run.status()));
		}
	}

	/** What a completed run counts. */
	record Totals(int orders, long lines, long units, int pickupPoints, int gridWarehouses) {
	}

	public Optional<CutoffRun> find(CutoffRunId id) {
		return jdbc.sql("select " + COLUMNS + " from fulfilment.cutoff_run where id = ?").param(id.value())
			.query(CutoffRuns::run).optional();
	}

	public CutoffRun get(CutoffRunId id) {
		return find(id).orElseThrow();
	}

	public Optional<CutoffRun> find(RegionId region, LocalDate pickupDate) {
		return jdbc.sql("select " + COLUMNS + " from fulfilment.cutoff_run where region_id = ? and pickup_date = ?")
			.params(region.value(), pickupDate).query(CutoffRuns::run).optional();
	}

	/** Runs left RUNNING with nobody working on them can be resumed; the caller's lock tells which are idle. */
	public List<CutoffRun> running() {
		return jdbc.sql("select " + COLUMNS + " from fulfilment.cutoff_run where status = ? order by id")
			.param(CutoffStatus.RUNNING.name()).query(CutoffRuns::run).list();
	}

	public Page<CutoffRun> search(CutoffRunSearch search, RegionScope regionScope, int page, int size) {
		StringBuilder where = new StringBuilder(" where true");
		List<Object> params = new ArrayList<>();
		if (search.regionId() != null) {
			where.append(" and region_id = ?");
			params.add(search.regionId().value());
		}
		if (search.from() != null) {
			where.append(" and pickup_date >= ?");
			params.add(search.from());
		}
		if (search.to() != null) {
			where.append(" and pickup_date <= ?");
			params.add(search.to());
		}
		if (search.status() != null) {
			where.append(" and status = ?");
			params.add(search.status().name());
		}
		if (!regionScope.isAll()) {
			where.append(" and region_id = any(?)");
			params.add(regionScope.idsOrNull().toArray(Long[]::new));
		}
		long total = jdbc.sql("select count(*) from fulfilment.cutoff_run" + where).params(params).query(Long.class)
			.single();
		List<Object> paged = new ArrayList<>(params);
		paged.add(size);
		paged.add((long) page * size);
		var items = jdbc.sql("select " + COLUMNS + " from fulfilment.cutoff_run" + where
				+ " order by pickup_date desc, id desc limit ? offset ?")
			.params(paged).query(CutoffRuns::run).list();
		return new Page<>(items, total, page, size);
	}

	static CutoffRun run(ResultSet rs, int row) throws SQLException {
		long startedBy = rs.getLong("started_by");
		AccountId by = rs.wasNull() ? null : new AccountId(startedBy);
		long last = rs.getLong("last_pickup_point_id");
		PickupPointId lastPoint = rs.wasNull() ? null : new PickupPointId(last);
		return new CutoffRun(new CutoffRunId(rs.getLong("id")), new RegionId(rs.getLong("region_id")),
				rs.getObject("pickup_date", LocalDate.class), CutoffStatus.valueOf(rs.getString("status")), by,
				instant(rs, "started_at"), instant(rs, "updated_at"), instant(rs, "finished_at"), rs.getInt("attempts"),
				rs.getInt("orders_confirmed"), rs.getInt("points_expected"), rs.getInt("points_done"), rs.getInt("orders"), rs.getLong("lines"),
				rs.getLong("units"), rs.getInt("pickup_points"), rs.getInt("grid_warehouses"),
				rs.getInt("progress_percent"), lastPoint, rs.getString("last_error"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp ts = rs.getTimestamp(column);
		return ts == null ? null : ts.toInstant();
	}

	static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}
}
