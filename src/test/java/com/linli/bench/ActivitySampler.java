package com.linli.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Samples what PostgreSQL's backends are doing ({@code pg_stat_activity}) every 50 ms while a benchmark
 * runs, and prints the share of each state and wait event: where the database spends its time (CPU,
 * lock waits, WAL flushes).
 */
final class ActivitySampler {

	private final Map<String, Integer> counts = new TreeMap<>();

	private final AtomicBoolean running = new AtomicBoolean(true);

	private final Thread thread;

	private int samples;

	private ActivitySampler(JdbcClient jdbc) {
		this.thread = new Thread(() -> {
			while (running.get()) {
				var rows = jdbc.sql("""
						select coalesce(wait_event_type || ':' || wait_event, 'CPU') || ' ' || left(regexp_replace(query, '\\s+', ' ', 'g'), 70)
						  from pg_stat_activity
						 where state = 'active' and pid <> pg_backend_pid() and backend_type = 'client backend'""")
					.query(String.class).list();
				synchronized (counts) {
					samples++;
					rows.forEach(r -> counts.merge(r, 1, Integer::sum));
				}
				try {
					Thread.sleep(50);
				}
				catch (InterruptedException e) {
					return;
				}
			}
		}, "activity-sampler");
		thread.setDaemon(true);
		thread.start();
	}

	static ActivitySampler start(JdbcClient jdbc) {
		return new ActivitySampler(jdbc);
	}

	void stopAndPrint() throws InterruptedException {
		running.set(false);
		thread.join();
		synchronized (counts) {
			System.out.printf("Active backends per sample (%d samples):%n", samples);
			counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(25)
				.forEach(e -> System.out.printf("  %6.2f  %s%n", e.getValue() / (double) samples, e.getKey()));
		}
	}
}
