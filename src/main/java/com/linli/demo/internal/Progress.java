package com.linli.demo.internal;

import org.slf4j.Logger;

/** Logs how far a long job is, once per ten percent, so a user at the console sees it move. */
public final class Progress {

	private final Logger log;

	private final long total;

	private long done;

	private int lastLogged = -10;

	public Progress(Logger log, long total) {
		this.log = log;
		this.total = Math.max(total, 1);
	}

	public void advance(long units, String what) {
		done = Math.min(total, done + units);
		int percent = percent();
		if (percent / 10 > lastLogged / 10) {
			lastLogged = percent;
			log.info("Demo city: {}% ({})", percent, what);
		}
	}

	/** Says what comes next, whatever the percentage: for one long step. */
	public void announce(String what) {
		log.info("Demo city: {}% ({})", percent(), what);
	}

	private int percent() {
		return (int) (done * 100 / total);
	}
}
