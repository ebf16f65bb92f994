package com.linli.demo.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.linli.demo.SimulatedDay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs how far the simulated timeline has come, once per ten percent, and notices each new calendar day. */
public final class DayProgress {

	private static final Logger log = LoggerFactory.getLogger(DayProgress.class);

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final String region;

	private final ZoneId zone;

	private final Instant start;

	private final long span;

	private int lastLogged = -1;

	private LocalDate day;

	private final SimulationStatus status;

	public DayProgress(String region, ZoneId zone, Instant start, Instant end, SimulationStatus status) {
		this.region = region;
		this.status = status;
		this.zone = zone;
		this.start = start;
		this.span = Math.max(1, Duration.between(start, end).toSeconds());
	}

	/** True when {@code at} falls on a later calendar day (region time) than the instant before. */
	public boolean crossesMidnight(Instant at) {
		LocalDate date = at.atZone(zone).toLocalDate();
		boolean crossed = day != null && date.isAfter(day);
		day = date;
		return crossed;
	}

	/** The simulation is over (or failed): the console stops showing it. */
	public void done() {
		status.finished();
	}

	public void at(Instant at, List<DayRun> days) {
		int percent = (int) Math.max(0, Math.min(99, Duration.between(start, at).toSeconds() * 100 / span));
		if (percent != status.percent().orElse(-1)) {
			status.update(region, percent, at, days.stream().mapToInt(d -> d.result().ordersPlaced()).sum());
		}
		if (percent / 10 > lastLogged / 10 || lastLogged < 0) {
			lastLogged = percent;
			var results = days.stream().map(DayRun::result).toList();
			log.info("Day simulator {}: {}% (simulated {}, {} orders, {} picked up)", region, percent,
					WHEN.format(at.atZone(zone)), results.stream().mapToInt(SimulatedDay::ordersPlaced).sum(),
					results.stream().mapToInt(SimulatedDay::pickedUp).sum());
		}
	}
}
