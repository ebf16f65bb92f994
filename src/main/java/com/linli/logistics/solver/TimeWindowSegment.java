package com.linli.logistics.solver;

/**
 * The time-window data of a sequence of visits (Vidal et al. 2013, "A hybrid genetic algorithm with
 * adaptive diversity management for a large class of vehicle routing problems with time-windows"):
 * its time warp (time travelled back to reach late customers within their windows), its duration
 * (travel, service and waiting, the time warp counted in: the least elapsed time is duration − time
 * warp), and the earliest and latest start of service at its first visit. Two sequences concatenate in
 * constant time, so a move's time warp comes from the cached data of the route pieces it joins. The
 * fields are mutable and {@link #concatenate} writes into a target, so an evaluation allocates nothing.
 */
public final class TimeWindowSegment {

	int first;

	int last;

	double duration;

	double timeWarp;

	double earliest;

	double latest;

	/** The segment of one visit: its service time, its window. */
	public static TimeWindowSegment visit(int node, double ready, double due, double service) {
		TimeWindowSegment s = new TimeWindowSegment();
		s.set(node, ready, due, service);
		return s;
	}

	void set(int node, double ready, double due, double service) {
		first = node;
		last = node;
		duration = service;
		timeWarp = 0;
		earliest = ready;
		latest = due;
	}

	/** Writes a followed by b (reached from a's last visit in {@code travel}) into target, which may be a or b. */
	static void concatenate(TimeWindowSegment a, TimeWindowSegment b, double travel, TimeWindowSegment target) {
		double delta = a.duration - a.timeWarp + travel;
		double waiting = Math.max(b.earliest - delta - a.latest, 0);
		double warp = Math.max(a.earliest + delta - b.latest, 0);
		double duration = a.duration + b.duration + travel + waiting;
		double timeWarp = a.timeWarp + b.timeWarp + warp;
		double earliest = Math.max(b.earliest - delta, a.earliest) - waiting;
		double latest = Math.min(b.latest - delta, a.latest) + warp;
		int first = a.first;
		target.first = first;
		target.last = b.last;
		target.duration = duration;
		target.timeWarp = timeWarp;
		target.earliest = earliest;
		target.latest = latest;
	}

	/** A followed by b, as a new segment. */
	public TimeWindowSegment then(TimeWindowSegment b, double[][] durations) {
		TimeWindowSegment result = new TimeWindowSegment();
		concatenate(this, b, durations[last][b.first], result);
		return result;
	}

	public double duration() {
		return duration;
	}

	public double timeWarp() {
		return timeWarp;
	}

	public double earliest() {
		return earliest;
	}

	public double latest() {
		return latest;
	}
}
