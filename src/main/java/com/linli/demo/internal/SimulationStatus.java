package com.linli.demo.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.linli.shared.ConsoleFigures;

import org.springframework.stereotype.Component;

/**
 * How far the day simulator has come, for the console: while a simulation (the demo's history
 * replay at first start) runs, the console home shows its percentage and simulated time.
 */
@Component
public class SimulationStatus implements ConsoleFigures {

	private record Snapshot(String region, int percent, Instant simulatedAt, int orders) {
	}

	private volatile Snapshot current;

	public void update(String region, int percent, Instant simulatedAt, int orders) {
		current = new Snapshot(region, percent, simulatedAt, orders);
	}

	public void finished() {
		current = null;
	}

	public boolean running() {
		return current != null;
	}

	/** The percentage done, if a simulation is running. */
	public Optional<Integer> percent() {
		var now = current;
		return now == null ? Optional.empty() : Optional.of(now.percent());
	}

	@Override
	public List<Figure> figures(Optional<Set<Long>> regionScope) {
		var now = current;
		if (now == null) {
			return List.of();
		}
		return List.of(new Figure(0, "demo.figure.simulating",
				now.region() + " " + now.percent() + "% · " + now.orders(), null));
	}
}
