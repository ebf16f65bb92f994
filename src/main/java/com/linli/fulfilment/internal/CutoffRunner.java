package com.linli.fulfilment.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.linli.fulfilment.CutoffCompleted;
import com.linli.fulfilment.CutoffRun;
import com.linli.fulfilment.CutoffRunId;
import com.linli.fulfilment.internal.CutoffRuns.Claimed;
import com.linli.fulfilment.internal.CutoffRuns.Totals;
import com.linli.identity.AccountId;
import com.linli.identity.Actor;
import com.linli.network.PickupPoint;
import com.linli.network.PickupPointId;
import com.linli.network.PickupPointManagement;
import com.linli.network.RegionId;
import com.linli.ordering.OrderCutoffManagement;
import com.linli.shared.JobLock;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a cutoff in four steps: (1) the paid orders of the region and pickup date are confirmed,
 * (2) their lines are streamed into the sorting lines, committed pickup point by pickup point,
 * (3) the totals, the pick-by-product list and the demand per SKU are recomputed, (4) the run is
 * completed and {@link CutoffCompleted} published. Started again after a crash, it resumes after the
 * last committed pickup point; started again once completed, it picks up newly confirmed orders and
 * leaves the lines already written alone.
 */
@Component
public class CutoffRunner {

	private static final Logger log = LoggerFactory.getLogger(CutoffRunner.class);

	/** Share of the progress bar for step 1 and, after step 2, for step 3. */
	private static final int CONFIRMED_PERCENT = 5;

	private static final int STREAMED_PERCENT = 90;

	/** So many new lines change the table enough for its statistics to be refreshed before aggregating. */
	private static final long ANALYZE_AFTER_LINES = 50_000;

	private final DataSource dataSource;

	private final OrderCutoffManagement orders;

	private final CutoffRuns runs;

	private final CutoffAggregates aggregates;

	private final CutoffInterruption interruption;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final TransactionTemplate readOnly;

	private final PickupPointManagement network;

	private final String streamWorkMem;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final int chunkLines;

	private final ExecutorService background;

	CutoffRunner(DataSource dataSource, OrderCutoffManagement orders, CutoffRuns runs, CutoffAggregates aggregates,
			CutoffInterruption interruption, JdbcClient jdbc, TransactionTemplate tx, PickupPointManagement network,
			ApplicationEventPublisher events, Clock clock,
			@Value("${linli.fulfilment.cutoff.chunk-lines:20000}") int chunkLines,
			@Value("${linli.fulfilment.cutoff.stream-work-mem:256MB}") String streamWorkMem) {
		this.dataSource = dataSource;
		this.orders = orders;
		this.runs = runs;
		this.aggregates = aggregates;
		this.interruption = interruption;
		this.jdbc = jdbc;
		this.tx = tx;
		this.readOnly = new TransactionTemplate(tx.getTransactionManager());
		this.readOnly.setReadOnly(true);
		this.network = network;
		if (!streamWorkMem.matches("\\d{1,5}(kB|MB|GB)")) {
			throw new IllegalArgumentException("linli.fulfilment.cutoff.stream-work-mem must look like 256MB: " + streamWorkMem);
		}
		this.streamWorkMem = streamWorkMem;
		this.events = events;
		this.clock = clock;
		this.chunkLines = chunkLines;
		AtomicInteger threads = new AtomicInteger();
		this.background = Executors.newFixedThreadPool(2, r -> {
			Thread t = new Thread(r, "cutoff-" + threads.incrementAndGet());
			t.setDaemon(true);
			return t;
		});
	}

	@PreDestroy
	void stop() {
		background.shutdownNow();
	}

	/**
	 * Runs or resumes the cutoff in the calling thread (the actor recorded as having started it) and returns the run as it ended. Empty when
	 * another attempt is working on the same region and pickup date right now.
	 */
	public Optional<CutoffRun> run(RegionId region, LocalDate pickupDate, Actor actor) {
		AccountId startedBy = actor.accountId().orElse(null);
		var lock = JobLock.tryAcquire(dataSource, cutoffLockName(region, pickupDate));
		if (lock.isEmpty()) {
			return Optional.empty();
		}
		try (var held = lock.get()) {
			Claimed claimed = tx.execute(s -> runs.prepare(region, pickupDate, startedBy, clock.instant()));
			return Optional.of(execute(claimed));
		}
	}

	/**
	 * Claims the run (creating it if need be) and works on it in the background; returns it as it is
	 * when the work starts, for a progress bar to follow. Empty when another attempt is already at it.
	 */
	public Optional<CutoffRun> start(RegionId region, LocalDate pickupDate, Actor actor) {
		AccountId startedBy = actor.accountId().orElse(null);
		var lock = JobLock.tryAcquire(dataSource, cutoffLockName(region, pickupDate));
		if (lock.isEmpty()) {
			return Optional.empty();
		}
		Claimed claimed;
		try {
			claimed = tx.execute(s -> runs.prepare(region, pickupDate, startedBy, clock.instant()));
		}
		catch (RuntimeException e) {
			lock.get().close();
			throw e;
		}
		background.execute(() -> {
			try (var held = lock.get()) {
				execute(claimed);
			}
			catch (RuntimeException e) {
				// already recorded on the run and logged by execute
			}
		});
		return Optional.of(claimed.run());
	}

	private CutoffRun execute(Claimed claimed) {
		CutoffRun run = claimed.run();
		CutoffRunId id = run.id();
		long started = System.nanoTime();
		try {
			log.info("Cutoff run {} for region {} pickup {}: {} (attempt {})", id, run.regionId(), run.pickupDate(),
					claimed.resumed() ? "resuming after pickup point " + run.lastPickupPointId()
							: claimed.mergeLines() ? "rerun" : "starting",
					run.attempts());

			// (1) freeze the orders
			long step = System.nanoTime();
			int confirmed = orders.confirmForCutoff(run.regionId(), run.pickupDate());
			PickupPointId after = claimed.resumed() ? run.lastPickupPointId() : null;
			boolean merge = claimed.mergeLines();
			// a resumed run that confirmed more orders cannot know where they sort: it starts over, merging
			boolean restart = after != null && confirmed > 0;
			if (restart) {
				after = null;
				merge = true;
			}
			var progress = new ProgressLog(run, network.pickupPoints(run.regionId()));
			runs.confirmed(id, confirmed, progress.expected(), restart, CONFIRMED_PERCENT, clock.instant());
			log.info("Cutoff run {}: {} order(s) confirmed in {} s; {} pickup point(s) to sort", id, confirmed,
					seconds(step), progress.expected());

			// (2) the sorting lines
			step = System.nanoTime();
			long inserted = writeLines(run, after, merge, progress);
			log.info("Cutoff run {}: {} sorting line(s) written in {} s", id, inserted, seconds(step));
			if (inserted >= ANALYZE_AFTER_LINES) {
				// fresh statistics, or the planner may join a million new lines as if there were none
				jdbc.sql("analyze fulfilment.sorting_line").update();
			}

			// (3) and (4): aggregates, completion and the event, in one transaction
			step = System.nanoTime();
			runs.progress(id, STREAMED_PERCENT, clock.instant());
			CutoffRun completed = tx.execute(s -> complete(id, run));
			log.info("Cutoff run {}: totals, pick lists and demand in {} s", id, seconds(step));
			log.info("Cutoff run {} completed in {} s: {} order(s), {} line(s) ({} new), {} unit(s), {} pickup point(s)",
					id, seconds(started), completed.orders(), completed.lines(), inserted, completed.units(),
					completed.pickupPoints());
			return completed;
		}
		catch (RuntimeException e) {
			log.warn("Cutoff run {} stopped after {} s: {}", id, seconds(started), e.toString());
			try {
				runs.stopped(id, e.getMessage() == null ? e.toString() : e.getMessage(), clock.instant());
			}
			catch (RuntimeException nested) {
				e.addSuppressed(nested);
			}
			throw e;
		}
	}

	private long writeLines(CutoffRun run, PickupPointId after, boolean merge, ProgressLog progress) {
		try (Connection connection = dataSource.getConnection()) {
			var writer = new SortingLineWriter(connection, run.id(), merge, chunkLines, clock, new SortingLineWriter.Progress() {

				@Override
				public SortingLineWriter.Step step(PickupPointId lastCommitted) {
					return progress.step(lastCommitted);
				}

				@Override
				public void committed(int pickupPoints, SortingLineWriter.Step step) {
					progress.log(step);
					interruption.check(run.regionId(), pickupPoints);
				}
			});
			try {
				// the stream joins this read-only transaction, whose sort of a million lines fits in memory
				readOnly.executeWithoutResult(s -> {
					jdbc.sql("set local work_mem = '" + streamWorkMem + "'").update();
					orders.forEachConfirmedLine(run.regionId(), run.pickupDate(), after, writer);
				});
				writer.finish();
				return writer.inserted();
			}
			catch (RuntimeException e) {
				writer.abort();
				throw e;
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not write the sorting lines of cutoff run " + run.id(), e);
		}
	}

	private CutoffRun complete(CutoffRunId id, CutoffRun before) {
		CutoffRun current = runs.get(id);
		Totals totals = aggregates.recompute(current);
		runs.completed(current, totals, clock.instant());
		CutoffRun completed = runs.get(id);
		// published at the first completion, and again only when a rerun changed the totals
		boolean changed = before.finishedAt() == null || before.orders() != totals.orders() || before.lines() != totals.lines() || before.units() != totals.units();
		if (changed) {
			events.publishEvent(new CutoffCompleted(id, completed.regionId(), completed.pickupDate(), totals.orders(),
					totals.lines(), totals.units()));
		}
		return completed;
	}

	private static String seconds(long startedNanos) {
		return String.format("%.2f", Duration.ofNanos(System.nanoTime() - startedNanos).toMillis() / 1000.0);
	}

	/**
	 * The run's progress for its row: the pickup points of the region (their ids in order, as the lines
	 * stream) up to the last one committed, as a share of the progress bar; logged about every 10%.
	 */
	private final class ProgressLog {

		private final CutoffRun run;

		private final long[] points;

		private int nextLog = 10;

		ProgressLog(CutoffRun run, List<PickupPoint> regionPoints) {
			this.run = run;
			this.points = regionPoints.stream().mapToLong(p -> p.id().value()).sorted().toArray();
		}

		int expected() {
			return points.length;
		}

		SortingLineWriter.Step step(PickupPointId lastCommitted) {
			int at = Arrays.binarySearch(points, lastCommitted.value());
			// a pickup point closed since its orders were placed is not among the region's open ones
			int done = at >= 0 ? at + 1 : -at - 1;
			int ofStream = points.length == 0 ? 100 : done * 100 / points.length;
			return new SortingLineWriter.Step(done, CONFIRMED_PERCENT + (STREAMED_PERCENT - CONFIRMED_PERCENT) * ofStream / 100);
		}

		void log(SortingLineWriter.Step step) {
			int ofStream = points.length == 0 ? 100 : step.pointsDone() * 100 / points.length;
			if (ofStream >= nextLog) {
				log.info("Cutoff run {}: {}% sorted ({} of {} pickup points)", run.id(), ofStream, step.pointsDone(),
						points.length);
				nextLog = (ofStream / 10 + 1) * 10;
			}
		}
	}

	/** One cutoff attempt per region and pickup date, on this node or any other. */
	private static String cutoffLockName(RegionId region, LocalDate pickupDate) {
		return "linli.cutoff:" + region.value() + ":" + pickupDate;
	}
}
