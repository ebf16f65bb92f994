package com.linli.logistics.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class TimeWindowSegmentTests {

	@Test
	void theTimeWarpOfConcatenatedSegmentsIsTheTimeWarpOfDrivingTheRoute() {
		Random random = new Random(13);
		for (int trial = 0; trial < 2_000; trial++) {
			int n = 1 + random.nextInt(12);
			Windows w = Windows.random(random, n);
			int[] route = w.shuffledCustomers(random);

			TimeWindowSegment whole = TimeWindowSegment.visit(0, w.ready[0], w.due[0], 0);
			for (int c : route) {
				whole = whole.then(w.visit(c), w.duration);
			}
			whole = whole.then(TimeWindowSegment.visit(0, w.ready[0], w.due[0], 0), w.duration);

			assertThat(whole.timeWarp()).as("trial %d", trial).isCloseTo(w.simulatedTimeWarp(route), within(1e-6));
			assertThat(whole.duration()).as("trial %d", trial).isCloseTo(w.leastSimulatedDuration(route) + whole.timeWarp(), within(1e-6));
		}
	}

	@Test
	void concatenationIsAssociativeSoPrefixesAndSuffixesCanBeCached() {
		Random random = new Random(17);
		for (int trial = 0; trial < 2_000; trial++) {
			int n = 2 + random.nextInt(10);
			Windows w = Windows.random(random, n);
			int[] route = w.shuffledCustomers(random);
			int cut = 1 + random.nextInt(n - 1);

			TimeWindowSegment prefix = TimeWindowSegment.visit(0, w.ready[0], w.due[0], 0);
			for (int k = 0; k < cut; k++) {
				prefix = prefix.then(w.visit(route[k]), w.duration);
			}
			TimeWindowSegment suffix = TimeWindowSegment.visit(0, w.ready[0], w.due[0], 0);
			for (int k = n - 1; k >= cut; k--) {
				suffix = w.visit(route[k]).then(suffix, w.duration);
			}
			TimeWindowSegment joined = prefix.then(suffix, w.duration);

			assertThat(joined.timeWarp()).isCloseTo(w.simulatedTimeWarp(route), within(1e-6));
			assertThat(joined.duration()).isCloseTo(w.leastSimulatedDuration(route) + joined.timeWarp(), within(1e-6));
		}
	}

	/** Random windows over random points; integer data, so the simulation's start times can be enumerated. */
	private record Windows(double[] ready, double[] due, double[] service, double[][] duration) {

		static Windows random(Random random, int n) {
			double[] x = new double[n + 1];
			double[] y = new double[n + 1];
			double[] ready = new double[n + 1];
			double[] due = new double[n + 1];
			double[] service = new double[n + 1];
			for (int i = 0; i <= n; i++) {
				x[i] = random.nextInt(50);
				y[i] = random.nextInt(50);
				ready[i] = i == 0 ? 0 : random.nextInt(200);
				due[i] = i == 0 ? 150 + random.nextInt(200) : ready[i] + random.nextInt(60);
				service[i] = i == 0 ? 0 : random.nextInt(10);
			}
			double[][] duration = new double[n + 1][n + 1];
			for (int i = 0; i <= n; i++) {
				for (int j = 0; j <= n; j++) {
					duration[i][j] = Math.round(Math.hypot(x[i] - x[j], y[i] - y[j]));
				}
			}
			return new Windows(ready, due, service, duration);
		}

		TimeWindowSegment visit(int c) {
			return TimeWindowSegment.visit(c, ready[c], due[c], service[c]);
		}

		int[] shuffledCustomers(Random random) {
			int n = ready.length - 1;
			int[] route = new int[n];
			for (int i = 0; i < n; i++) {
				route[i] = i + 1;
			}
			for (int i = n - 1; i > 0; i--) {
				int j = random.nextInt(i + 1);
				int t = route[i];
				route[i] = route[j];
				route[j] = t;
			}
			return route;
		}

		/** Leave the depot at {@code start}; wait when early; when late, travel back in time to the window's end. */
		double[] drive(int[] route, double start) {
			double time = start;
			double warp = 0;
			int at = 0;
			for (int k = 0; k <= route.length; k++) {
				int c = k < route.length ? route[k] : 0;
				time = Math.max(time + duration[at][c], ready[c]);
				if (time > due[c]) {
					warp += time - due[c];
					time = due[c];
				}
				time += k < route.length ? service[c] : 0;
				at = c;
			}
			return new double[] { warp, time - start };
		}

		double simulatedTimeWarp(int[] route) {
			return drive(route, ready[0])[0];
		}

		/** The least duration among departures that keep the least time warp (integer departures suffice here). */
		double leastSimulatedDuration(int[] route) {
			double warp = simulatedTimeWarp(route);
			double best = Double.MAX_VALUE;
			for (int start = (int) ready[0]; start <= due[0]; start++) {
				double[] result = drive(route, start);
				if (result[0] <= warp + 1e-9) {
					best = Math.min(best, result[1]);
				}
			}
			return best;
		}
	}
}
