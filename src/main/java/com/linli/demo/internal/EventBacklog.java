package com.linli.demo.internal;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The work other modules still owe for events already published (messages, commissions, ...): the
 * event publications of Spring Modulith's registry not completed yet. The simulator lets this backlog
 * drain before it moves the clock far, so that listeners stamp their records with about the simulated
 * time they reacted to, not with a later one.
 */
@Component
public class EventBacklog {

	private static final Logger log = LoggerFactory.getLogger(EventBacklog.class);

	/** Give up waiting when the backlog has not shrunk for this long (a listener failing over and over). */
	static final Duration STUCK = Duration.ofSeconds(2);

	static final Duration MOST = Duration.ofSeconds(60);

	private final JdbcClient jdbc;

	EventBacklog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Incomplete event publications right now. */
	public long size() {
		return jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class).single();
	}

	/**
	 * Waits until no more than {@code baseline} publications are incomplete (those failing before the
	 * simulation began), or the backlog stops shrinking, or a minute passed. True when it drained.
	 */
	public boolean drain(long baseline) {
		long started = System.nanoTime();
		long lastProgress = started;
		long last = size();
		while (last > baseline) {
			sleep();
			long now = System.nanoTime();
			long current = size();
			if (current < last) {
				lastProgress = now;
			}
			last = current;
			if (now - lastProgress > STUCK.toNanos() || now - started > MOST.toNanos()) {
				log.warn("Day simulator: {} event publication(s) still incomplete; going on without them", last - baseline);
				return false;
			}
		}
		return true;
	}

	private static void sleep() {
		try {
			Thread.sleep(15);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", e);
		}
	}
}
