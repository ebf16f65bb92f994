package com.linli.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * A closed-loop HTTP load generator on loopback: {@code connections} threads, each with its own
 * keep-alive connection ({@link RawHttpConnection}), sending its next request as soon as the previous one answered, for a warm-up and then a measured period. Reports
 * throughput and latency percentiles of the measured period.
 */
final class LoadGenerator {

	/** One request to send: path, JSON body and headers. */
	record Call(String path, String body, String[] headers) {
	}

	record Result(String name, long requests, long errors, double seconds, long p50, long p95, long p99, long max) {

		double perSecond() {
			return requests / seconds;
		}

		@Override
		public String toString() {
			return String.format("%-28s %9.0f req/s  p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  max %7.2f ms  (%d requests, %d errors)",
					name, perSecond(), p50 / 1e6, p95 / 1e6, p99 / 1e6, max / 1e6, requests, errors);
		}
	}

	private final String base;

	private final int connections;

	LoadGenerator(String base, int connections) {
		this.base = base;
		this.connections = connections;
	}

	/** Runs {@code calls.apply(threadIndex)} in a loop; only 2xx answers count as requests. */
	Result run(String name, Duration warmup, Duration measure, IntFunction<Call> calls) throws InterruptedException {
		long start = System.nanoTime();
		long measureFrom = start + warmup.toNanos();
		long end = measureFrom + measure.toNanos();
		var latencies = new ArrayList<long[]>();
		var counts = new long[connections];
		var errors = new AtomicLong();
		var done = new CountDownLatch(connections);
		var lastError = new java.util.concurrent.atomic.AtomicReference<String>();
		for (int t = 0; t < connections; t++) {
			int thread = t;
			long[] mine = new long[4_000_000 / connections];
			latencies.add(mine);
			startDaemon(() -> {
				var connection = RawHttpConnection.to(base);
				try {
					int n = 0;
					while (true) {
						long before = System.nanoTime();
						if (before >= end) {
							break;
						}
						Call call = calls.apply(thread);
						int status;
						String body;
						try {
							var response = connection.post(call.path(), call.body(), call.headers());
							status = response.status();
							body = response.body();
						}
						catch (java.io.IOException e) {
							connection.close();
							status = -1;
							body = e.toString();
						}
						long after = System.nanoTime();
						if (before >= measureFrom && after <= end) {
							if (status / 100 == 2) {
								if (n < mine.length) {
									mine[n++] = after - before;
								}
							}
							else {
								errors.incrementAndGet();
								lastError.set(status + " " + body);
							}
						}
					}
					counts[thread] = n;
				}
				finally {
					connection.close();
					done.countDown();
				}
			});
		}
		done.await();
		long total = Arrays.stream(counts).sum();
		long[] all = new long[(int) total];
		int at = 0;
		for (int t = 0; t < connections; t++) {
			System.arraycopy(latencies.get(t), 0, all, at, (int) counts[t]);
			at += counts[t];
		}
		Arrays.sort(all);
		if (lastError.get() != null) {
			System.out.println("  last error: " + lastError.get().substring(0, Math.min(300, lastError.get().length())));
		}
		return new Result(name, total, errors.get(), measure.toNanos() / 1e9, pct(all, 50), pct(all, 95), pct(all, 99),
				all.length == 0 ? 0 : all[all.length - 1]);
	}

	private static long pct(long[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)];
	}

	static int random(int bound) {
		return ThreadLocalRandom.current().nextInt(bound);
	}

	private static final AtomicLong THREADS = new AtomicLong();

	private static void startDaemon(Runnable r) {
		var thread = new Thread(r, "load-" + THREADS.incrementAndGet());
		thread.setDaemon(true);
		thread.start();
	}

	static List<String> lines(Result... results) {
		return Arrays.stream(results).map(Result::toString).toList();
	}
}
