package com.linli.analytics.internal.tracking;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.linli.shared.TrackedEvent;
import com.linli.shared.Tracking;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The storefront's {@link Tracking}: the request thread only offers the event to a bounded queue (never waits);
 * a background writer drains it every {@code flush-millis} (200 ms) or as soon as {@code batch} (500) events wait,
 * and writes them in one batch. A full queue drops the event and counts it ({@code linli.tracking.dropped}).
 */
@Component
class TrackingRecorder implements Tracking, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(TrackingRecorder.class);

	private final BlockingQueue<TrackedEvent> queue;

	private final TrackingEvents events;

	private final int batch;

	private final long flushMillis;

	private final AtomicLong dropped = new AtomicLong();

	private final AtomicLong written = new AtomicLong();

	private final Counter droppedCounter;

	private final Object idle = new Object();

	private volatile Thread writer;

	private volatile boolean running;

	/** Events taken from the queue but not yet written (so {@link #flush} waits for them too). */
	private volatile int inFlight;

	TrackingRecorder(TrackingEvents events, MeterRegistry meters,
			@Value("${linli.analytics.tracking.buffer:20000}") int capacity,
			@Value("${linli.analytics.tracking.batch:500}") int batch,
			@Value("${linli.analytics.tracking.flush-millis:200}") long flushMillis) {
		this.events = events;
		this.queue = new ArrayBlockingQueue<>(capacity);
		this.batch = batch;
		this.flushMillis = flushMillis;
		this.droppedCounter = Counter.builder("linli.tracking.dropped")
			.description("Tracking events dropped because the buffer was full").register(meters);
		Gauge.builder("linli.tracking.queued", queue, BlockingQueue::size).register(meters);
	}

	@Override
	public void record(TrackedEvent event) {
		if (event == null) {
			return;
		}
		if (!queue.offer(event)) {
			dropped.incrementAndGet();
			droppedCounter.increment();
		}
	}

	/** Events dropped since start because the buffer was full. */
	long dropped() {
		return dropped.get();
	}

	/** Events written since start. */
	long written() {
		return written.get();
	}

	/** Waits until everything queued before the call is written (tests, the demo); at most {@code timeoutMillis}. */
	boolean flush(long timeoutMillis) {
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
		while (!queue.isEmpty() || inFlight > 0) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			synchronized (idle) {
				try {
					idle.wait(20);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return false;
				}
			}
		}
		return true;
	}

	private void run() {
		List<TrackedEvent> chunk = new ArrayList<>(batch);
		while (running || !queue.isEmpty()) {
			try {
				var first = queue.poll(flushMillis, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				chunk.add(first);
				inFlight = 1;
				long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(flushMillis);
				while (chunk.size() < batch) {
					queue.drainTo(chunk, batch - chunk.size());
					inFlight = chunk.size();
					if (chunk.size() >= batch || System.nanoTime() >= until || !running) {
						break;
					}
					var next = queue.poll(Math.max(1, until - System.nanoTime()), TimeUnit.NANOSECONDS);
					if (next != null) {
						chunk.add(next);
					}
				}
				write(chunk);
			}
			catch (InterruptedException e) {
				if (!running) {
					Thread.currentThread().interrupt();
				}
			}
			finally {
				chunk.clear();
				inFlight = 0;
				synchronized (idle) {
					idle.notifyAll();
				}
			}
		}
	}

	private void write(List<TrackedEvent> chunk) {
		try {
			events.insert(chunk);
			written.addAndGet(chunk.size());
		}
		catch (RuntimeException e) {
			// tracking must never take the storefront down: the batch is lost, and said so
			dropped.addAndGet(chunk.size());
			droppedCounter.increment(chunk.size());
			log.warn("Tracking: could not write {} event(s): {}", chunk.size(), e.toString());
		}
	}

	@Override
	public void start() {
		running = true;
		var thread = new Thread(this::run, "tracking-writer");
		thread.setDaemon(true);
		writer = thread;
		thread.start();
	}

	@Override
	public void stop() {
		running = false;
		var thread = writer;
		if (thread != null) {
			try {
				thread.join(5000);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Stops after the web server (the last requests still record) and before the DataSource. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 4096;
	}
}
