package com.linli;

import java.time.Duration;

/**
 * How long a test waits for something asynchronous (an event listener, a background job), measured on the
 * JVM's monotonic clock: never the wall clock, so a change of the system time or the hour cannot end a wait
 * early or stretch it.
 */
public final class Deadline {

	private final long endNanos;

	private Deadline(Duration wait) {
		this.endNanos = System.nanoTime() + wait.toNanos();
	}

	/** A deadline this many milliseconds from now. */
	public static Deadline inMillis(long millis) {
		return new Deadline(Duration.ofMillis(millis));
	}

	/** Whether the wait is over. */
	public boolean passed() {
		return System.nanoTime() - endNanos > 0;
	}
}
