package com.linli.logistics.solver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads CVRPLIB files: instances in the TSPLIB-like {@code .vrp} format (CVRP, and VRPTW with
 * {@code TIME_WINDOW_SECTION} and {@code SERVICE_TIME}) and solutions in the {@code .sol} format
 * ({@code Route #k: c1 c2 ...} lines, then {@code Cost N}). The depot must be node 1; customer k of a
 * solution is node k + 1 of the instance, index k here.
 */
public final class CvrpLib {

	/** A solution file: its routes of customer indices and its stated cost. */
	public record KnownSolution(List<int[]> routes, double cost) {
	}

	private CvrpLib() {
	}

	public static Instance readInstance(Path file) throws IOException {
		List<String> lines = Files.readAllLines(file);
		String name = file.getFileName().toString().replaceFirst("\\.vrp$", "");
		String type = "CVRP";
		int dimension = -1;
		int capacity = -1;
		int vehicles = 0;
		double serviceTime = 0;
		String edgeWeightType = "EUC_2D";
		double[] x = null;
		double[] y = null;
		int[] demand = null;
		double[] ready = null;
		double[] due = null;
		double[] service = null;
		String section = null;
		for (String raw : lines) {
			String line = raw.strip();
			if (line.isEmpty() || line.equals("EOF")) {
				continue;
			}
			if (line.endsWith("SECTION")) {
				section = line;
				if (dimension < 0) {
					throw new IOException(file + ": a section before DIMENSION");
				}
				continue;
			}
			int colon = line.indexOf(':');
			if (colon > 0 && Character.isLetter(line.charAt(0))) {
				String key = line.substring(0, colon).strip();
				String value = line.substring(colon + 1).strip().replace("\"", "");
				switch (key) {
					case "NAME" -> name = value;
					case "TYPE" -> type = value;
					case "DIMENSION" -> {
						dimension = Integer.parseInt(value);
						x = new double[dimension];
						y = new double[dimension];
						demand = new int[dimension];
					}
					case "CAPACITY" -> capacity = Integer.parseInt(value);
					case "VEHICLES" -> vehicles = Integer.parseInt(value);
					case "SERVICE_TIME" -> serviceTime = Double.parseDouble(value);
					case "EDGE_WEIGHT_TYPE" -> edgeWeightType = value;
					default -> {
					}
				}
				section = null;
				continue;
			}
			String[] f = line.split("\\s+");
			if (section == null) {
				throw new IOException(file + ": unexpected line '" + line + "'");
			}
			switch (section) {
				case "NODE_COORD_SECTION" -> {
					int node = Integer.parseInt(f[0]) - 1;
					x[node] = Double.parseDouble(f[1]);
					y[node] = Double.parseDouble(f[2]);
				}
				case "DEMAND_SECTION" -> demand[Integer.parseInt(f[0]) - 1] = Integer.parseInt(f[1]);
				case "TIME_WINDOW_SECTION" -> {
					if (ready == null) {
						ready = new double[dimension];
						due = new double[dimension];
					}
					int node = Integer.parseInt(f[0]) - 1;
					ready[node] = Double.parseDouble(f[1]);
					due[node] = Double.parseDouble(f[2]);
				}
				case "SERVICE_TIME_SECTION" -> {
					if (service == null) {
						service = new double[dimension];
					}
					service[Integer.parseInt(f[0]) - 1] = Double.parseDouble(f[1]);
				}
				case "DEPOT_SECTION" -> {
					int depot = Integer.parseInt(f[0]);
					if (depot != 1 && depot != -1) {
						throw new IOException(file + ": the depot must be node 1, was " + depot);
					}
				}
				default -> {
				}
			}
		}
		if (dimension < 2 || capacity <= 0) {
			throw new IOException(file + ": DIMENSION and CAPACITY are required");
		}
		if (!edgeWeightType.equals("EUC_2D")) {
			throw new IOException(file + ": only EUC_2D distances are read, not " + edgeWeightType);
		}
		if (ready != null && service == null) {
			service = new double[dimension];
			Arrays.fill(service, 1, dimension, serviceTime);
		}
		Instance.Convention convention = type.contains("TW") ? Instance.Convention.TRUNCATED_ONE_DECIMAL : Instance.Convention.ROUNDED;
		return new Instance(name, x, y, demand, capacity, vehicles, ready, due, service, convention);
	}

	public static KnownSolution readSolution(Path file) throws IOException {
		List<int[]> routes = new ArrayList<>();
		double cost = Double.NaN;
		for (String raw : Files.readAllLines(file)) {
			String line = raw.strip();
			if (line.startsWith("Route")) {
				String customers = line.substring(line.indexOf(':') + 1).strip();
				routes.add(customers.isEmpty() ? new int[0] : Arrays.stream(customers.split("\\s+")).mapToInt(Integer::parseInt).toArray());
			}
			else if (line.startsWith("Cost")) {
				cost = Double.parseDouble(line.substring(4).strip());
			}
		}
		if (Double.isNaN(cost)) {
			throw new IOException(file + ": no 'Cost' line");
		}
		return new KnownSolution(routes, cost);
	}
}
