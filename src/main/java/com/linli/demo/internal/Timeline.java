package com.linli.demo.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.function.Consumer;

import com.linli.shared.PlatformClock;

/**
 * Simulated events in time order. Running them sets the platform clock to each event's instant before
 * it happens (never backwards: the clock ticks on in real time between events, and an event due at an
 * instant already passed happens at once). Events may schedule later events.
 */
public final class Timeline {

	private record Event(Instant at, long sequence, Runnable action) {
	}

	private final PriorityQueue<Event> events = new PriorityQueue<>(
			Comparator.comparing(Event::at).thenComparingLong(Event::sequence));

	private long sequence;

	public void at(Instant at, Runnable action) {
		events.add(new Event(at, sequence++, action));
	}

	public boolean isEmpty() {
		return events.isEmpty();
	}

	/** The instant of the next event, or null when there is none. */
	public Instant next() {
		return events.isEmpty() ? null : events.peek().at();
	}

	/**
	 * Runs the events due before {@code until} (all of them when null), in time order. {@code before}
	 * hears each event's instant before the clock moves there, so waiting work can settle first.
	 * Returns how many events ran.
	 */
	public int run(PlatformClock clock, Instant until, Consumer<Instant> before) {
		int ran = 0;
		boolean travelled = false;
		while (!events.isEmpty() && (until == null || events.peek().at().isBefore(until))) {
			before.accept(events.peek().at());
			// settling may have scheduled something earlier (a cancellation after a payment): that comes first
			Event event = events.poll();
			if (!travelled || clock.instant().isBefore(event.at())) {
				clock.travelTo(event.at());
				travelled = true;
			}
			event.action().run();
			ran++;
		}
		return ran;
	}
}
