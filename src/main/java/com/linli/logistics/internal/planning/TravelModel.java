package com.linli.logistics.internal.planning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.linli.shared.InvalidInputException;
import com.linli.shared.Text;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Road distances and driving times between a grid warehouse (node 0) and its pickup points (node = the
 * point's id): an imported leg of logistics.travel_leg when there is one, otherwise the great-circle
 * (haversine) distance times a road factor ({@code linli.logistics.road-factor}, 1.3) driven at an average
 * speed ({@code linli.logistics.speed-kmh}, 30).
 */
@Component
public class TravelModel {

	static final double EARTH_RADIUS_M = 6_371_000;

	private final JdbcClient jdbc;

	private final double roadFactor;

	private final double speedKmh;

	TravelModel(JdbcClient jdbc, @Value("${linli.logistics.road-factor:1.3}") double roadFactor,
			@Value("${linli.logistics.speed-kmh:30}") double speedKmh) {
		this.jdbc = jdbc;
		this.roadFactor = roadFactor;
		this.speedKmh = speedKmh;
	}

	/** A place of the matrix: node 0 the warehouse, else a pickup point id, with its position. */
	public record Place(long node, double latitude, double longitude) {
	}

	/** Metres and seconds between every pair of places (index order of the list). */
	public record Matrix(double[][] metres, double[][] seconds) {

		public double minutes(int from, int to) {
			return seconds[from][to] / 60.0;
		}

		public double km(int from, int to) {
			return metres[from][to] / 1000.0;
		}
	}

	public Matrix matrix(long gridWarehouseId, List<Place> places) {
		Map<Long, int[]> legs = legs(gridWarehouseId);
		int n = places.size();
		double[][] metres = new double[n][n];
		double[][] seconds = new double[n][n];
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < n; j++) {
				if (i == j) {
					continue;
				}
				Place a = places.get(i);
				Place b = places.get(j);
				int[] leg = legs.get(key(a.node(), b.node()));
				if (leg != null) {
					metres[i][j] = leg[0];
					seconds[i][j] = leg[1];
				}
				else {
					double m = haversine(a.latitude(), a.longitude(), b.latitude(), b.longitude()) * roadFactor;
					metres[i][j] = m;
					seconds[i][j] = m / (speedKmh / 3.6);
				}
			}
		}
		return new Matrix(metres, seconds);
	}

	private Map<Long, int[]> legs(long gridWarehouseId) {
		Map<Long, int[]> legs = new HashMap<>();
		jdbc.sql("select from_node, to_node, metres, seconds from logistics.travel_leg where grid_warehouse_id = ?")
			.param(gridWarehouseId)
			.query(rs -> {
				legs.put(key(rs.getLong(1), rs.getLong(2)), new int[] { rs.getInt(3), rs.getInt(4) });
			});
		return legs;
	}

	private static long key(long from, long to) {
		return from * 1_000_003L + to;
	}

	public static double haversine(double lat1, double lon1, double lat2, double lon2) {
		double dLat = Math.toRadians(lat2 - lat1);
		double dLon = Math.toRadians(lon2 - lon1);
		double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
				* Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
		return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
	}

	/**
	 * Imports legs from CSV ({@code from,to,metres,seconds}, an optional header line): every row is checked
	 * first (a bad row, an unknown node or a negative figure is a 400 naming the row), then all are stored,
	 * replacing the same pairs; nothing is stored when a row is bad. Answers the number of legs.
	 */
	@Transactional
	public int importLegs(long gridWarehouseId, Set<Long> knownPoints, String csv) {
		if (csv == null || csv.isBlank()) {
			throw new InvalidInputException("csv", Text.of("logistics.problem.planningCsvEmpty"));
		}
		List<long[]> rows = new ArrayList<>();
		Set<Long> seen = new HashSet<>();
		String[] lines = csv.split("\\r?\\n");
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			int rowNo = i + 1;
			if (line.isEmpty() || (i == 0 && line.toLowerCase().startsWith("from"))) {
				continue;
			}
			String[] cells = line.split(",", -1);
			if (cells.length != 4) {
				throw new InvalidInputException("csv", Text.of("logistics.problem.planningCsvBadRow", rowNo, line));
			}
			long[] row = new long[4];
			for (int c = 0; c < 4; c++) {
				try {
					row[c] = Long.parseLong(cells[c].strip());
				}
				catch (NumberFormatException e) {
					throw new InvalidInputException("csv", Text.of("logistics.problem.planningCsvBadRow", rowNo, line));
				}
			}
			for (int c = 0; c < 2; c++) {
				if (row[c] != 0 && !knownPoints.contains(row[c])) {
					throw new InvalidInputException("csv", Text.of("logistics.problem.planningCsvUnknownNode", rowNo, row[c]));
				}
			}
			if (row[2] < 0 || row[3] < 0 || row[2] > Integer.MAX_VALUE || row[3] > Integer.MAX_VALUE) {
				throw new InvalidInputException("csv", Text.of("logistics.problem.planningCsvNegative", rowNo, line));
			}
			if (row[0] == row[1]) {
				throw new InvalidInputException("csv", Text.of("logistics.problem.planningCsvBadRow", rowNo, line));
			}
			if (!seen.add(key(row[0], row[1]))) {
				throw new InvalidInputException("csv", Text.of("logistics.problem.planningCsvDuplicate", rowNo, line));
			}
			rows.add(row);
		}
		if (rows.isEmpty()) {
			throw new InvalidInputException("csv", Text.of("logistics.problem.planningCsvEmpty"));
		}
		for (long[] row : rows) {
			jdbc.sql("""
					insert into logistics.travel_leg (grid_warehouse_id, from_node, to_node, metres, seconds)
					values (?, ?, ?, ?, ?)
					on conflict (grid_warehouse_id, from_node, to_node) do update set metres = excluded.metres,
					  seconds = excluded.seconds""")
				.params(gridWarehouseId, row[0], row[1], (int) row[2], (int) row[3]).update();
		}
		return rows.size();
	}
}
