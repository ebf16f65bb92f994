package com.linli.bench;

import java.util.List;
import java.util.Random;

import com.linli.logistics.solver.Problem;
import com.linli.logistics.solver.VehicleType;

/**
 * A city morning as the application plans it: a grid warehouse (node 0) and {@code points} pickup points
 * within about 15 km, two temperature zones (ambient and chilled crates), eight vehicles of two types
 * (four vans: 30 + 12 crates, 60 fixed, 1.8 per km; four trucks: 60 + 25 crates, 120 fixed, 3.0 per km and
 * 0.2 per minute), drop windows 05:00–08:00 (minutes from midnight) with 10 minutes of service, the
 * warehouse open 04:30–10:00; distances in km (straight line × road factor 1.3), travel times at 30 km/h.
 */
public final class CityMorning {

	public static final double ROAD_FACTOR = 1.3;

	public static final double KMH = 30;

	private CityMorning() {
	}

	public static Problem generate(long seed, int points) {
		Random random = new Random(seed);
		int size = points + 1;
		double[] x = new double[size];
		double[] y = new double[size];
		for (int i = 1; i < size; i++) {
			// Clustered neighbourhoods: a third around three centres, the rest spread within 15 km.
			double radius = random.nextInt(3) == 0 ? 2 + 2 * random.nextDouble() : 15 * Math.sqrt(random.nextDouble());
			double angle = 2 * Math.PI * random.nextDouble();
			x[i] = radius * Math.cos(angle);
			y[i] = radius * Math.sin(angle);
		}
		double[][] distance = new double[size][size];
		double[][] duration = new double[size][size];
		for (int i = 0; i < size; i++) {
			for (int j = 0; j < size; j++) {
				distance[i][j] = Math.hypot(x[i] - x[j], y[i] - y[j]) * ROAD_FACTOR;
				duration[i][j] = distance[i][j] / KMH * 60;
			}
		}
		int[][] zoneDemand = new int[2][size];
		double[] ready = new double[size];
		double[] due = new double[size];
		double[] service = new double[size];
		ready[0] = 4 * 60 + 30;
		due[0] = 10 * 60;
		for (int i = 1; i < size; i++) {
			zoneDemand[0][i] = 1 + random.nextInt(6);
			zoneDemand[1][i] = random.nextInt(4);
			ready[i] = 5 * 60;
			due[i] = 8 * 60;
			service[i] = 10;
		}
		List<VehicleType> fleet = List.of(new VehicleType("van", new int[] { 30, 12 }, 60, 4, 1.8, 0),
				new VehicleType("truck", new int[] { 60, 25 }, 120, 4, 3.0, 0.2));
		return Problem.withFleet("city-morning-" + points, x, y, zoneDemand, fleet, distance, duration, ready, due, service);
	}
}
