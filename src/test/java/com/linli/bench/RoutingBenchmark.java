package com.linli.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.linli.bench.timefold.TimefoldSolver;
import com.linli.logistics.solver.CvrpLib;
import com.linli.logistics.solver.HybridGeneticSearch;
import com.linli.logistics.solver.Instance;
import com.linli.logistics.solver.Limits;
import com.linli.logistics.solver.NearestNeighbourSolver;
import com.linli.logistics.solver.Problem;
import com.linli.logistics.solver.ProgressListener;
import com.linli.logistics.solver.Solution;
import com.linli.logistics.solver.SolutionChecker;
import com.linli.logistics.solver.Solver;

/**
 * The routing benchmark: solves every {@code .vrp} instance under a directory (its subdirectories too;
 * CVRPLIB format, CVRP or VRPTW in the Solomon/Homberger convention) with each solver on one thread and
 * a time limit, checks every solution with the independent {@link SolutionChecker}, and prints per
 * instance the cost, the best known cost (its {@code .sol}) and the gap in percent, solvers side by side
 * (Linli's hybrid genetic search, the Timefold baseline, the nearest-neighbour floor), then the mean gap
 * per solver, CVRP and VRPTW apart. An invalid solution is shown as such and counts in no mean. A last
 * row solves a {@link CityMorning} (60 pickup points, two zones, eight vehicles of two types, windows
 * 05:00–08:00) with a limit of at most 5 s and shows its cost, late stops and solve time.
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat target/cp.txt) com.linli.bench.RoutingBenchmark ../shared/data/vrp 30 hgs,timefold,floor</pre>
 * Arguments: the directory, seconds per instance (30), the solvers ({@code hgs,timefold,floor}; all by
 * default). {@code -Dbench.only=regex} keeps matching instance names, {@code -Dbench.seed} (1) seeds the
 * runs, {@code -Dbench.city=false} skips the city morning.
 */
public final class RoutingBenchmark {

	private static final Map<String, String> LABELS = Map.of("hgs", "Linli", "timefold", "Timefold", "floor", "floor");

	public static void main(String[] args) throws Exception {
		// Timefold logs each phase at INFO through logback: keep the table readable.
		((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("ai.timefold")).setLevel(ch.qos.logback.classic.Level.WARN);
		Path directory = Path.of(args.length > 0 ? args[0] : "../shared/data/vrp");
		if (!Files.isDirectory(directory) && !directory.isAbsolute() && Files.isDirectory(Path.of("..").resolve(directory))) {
			// From a work tree one level deeper than the main checkout (wt/<name>), ../shared is one more level up.
			directory = Path.of("..").resolve(directory);
		}
		int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
		List<String> names = List.of((args.length > 2 ? args[2] : "hgs,timefold,floor").split(","));
		String only = System.getProperty("bench.only", ".*");
		long seed = Long.getLong("bench.seed", 1);
		Map<String, Solver> solvers = new LinkedHashMap<>();
		for (String name : names) {
			switch (name) {
				case "hgs" -> solvers.put(name, new HybridGeneticSearch());
				case "floor" -> solvers.put(name, new NearestNeighbourSolver());
				case "timefold" -> solvers.put(name, new TimefoldSolver());
				default -> throw new IllegalArgumentException("unknown solver " + name + " (hgs, timefold, floor)");
			}
		}
		List<Path> files;
		try (Stream<Path> listing = Files.walk(directory)) {
			files = listing.filter(p -> p.toString().endsWith(".vrp"))
				.filter(p -> p.getFileName().toString().replace(".vrp", "").matches(only))
				.sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
				.toList();
		}
		System.out.printf("Routing benchmark: %d instances in %s, %d s per instance and solver, one thread, seed %d%n", files.size(),
				directory, seconds, seed);
		StringBuilder header = new StringBuilder(String.format("%-14s %5s %11s", "instance", "n", "best known"));
		for (String name : solvers.keySet()) {
			header.append(String.format(" | %-8s %11s %7s", LABELS.get(name), "cost", "gap %"));
		}
		System.out.println(header);
		Map<String, List<Double>> cvrpGaps = new LinkedHashMap<>();
		Map<String, List<Double>> vrptwGaps = new LinkedHashMap<>();
		solvers.keySet().forEach(name -> {
			cvrpGaps.put(name, new ArrayList<>());
			vrptwGaps.put(name, new ArrayList<>());
		});
		int cvrp = 0;
		int vrptw = 0;
		int linliBeatsTimefold = 0;
		int compared = 0;
		for (Path file : files) {
			Instance instance = CvrpLib.readInstance(file);
			Path solFile = file.resolveSibling(file.getFileName().toString().replace(".vrp", ".sol"));
			double bestKnown = Files.exists(solFile) ? CvrpLib.readSolution(solFile).cost() : Double.NaN;
			boolean windows = instance.hasTimeWindows();
			if (windows) {
				vrptw++;
			}
			else {
				cvrp++;
			}
			StringBuilder row = new StringBuilder(String.format("%-14s %5d %11.1f", instance.name(), instance.customers(), bestKnown));
			Map<String, Double> costs = new LinkedHashMap<>();
			for (var entry : solvers.entrySet()) {
				Solution solution = entry.getValue().solve(instance.toProblem(), new Limits(Duration.ofSeconds(seconds), seed),
						ProgressListener.NONE);
				SolutionChecker.Report report = SolutionChecker.check(instance, solution.routes());
				if (!report.valid()) {
					row.append(String.format(" | %-8s %11.1f %7s", "", report.cost(), "INVALID"));
					System.err.printf("%s %s: %d violations, first: %s%n", instance.name(), entry.getKey(), report.violations().size(),
							report.violations().get(0));
					continue;
				}
				double gap = 100 * (report.cost() - bestKnown) / bestKnown;
				(windows ? vrptwGaps : cvrpGaps).get(entry.getKey()).add(gap);
				costs.put(entry.getKey(), report.cost());
				row.append(String.format(" | %-8s %11.1f %7.2f", "", report.cost(), gap));
			}
			if (costs.containsKey("hgs") && costs.containsKey("timefold")) {
				compared++;
				if (costs.get("hgs") < costs.get("timefold")) {
					linliBeatsTimefold++;
				}
			}
			else if (solvers.containsKey("hgs") && solvers.containsKey("timefold")) {
				compared++;
				if (costs.containsKey("hgs")) {
					linliBeatsTimefold++;
				}
			}
			System.out.println(row);
		}
		System.out.println("Mean gap to the best known (valid solutions only):");
		for (String name : solvers.keySet()) {
			System.out.printf("  %-8s CVRP %s   VRPTW %s%n", LABELS.get(name), mean(cvrpGaps.get(name), cvrp), mean(vrptwGaps.get(name), vrptw));
		}
		if (compared > 0) {
			System.out.printf("Linli below Timefold on %d of %d instances%n", linliBeatsTimefold, compared);
		}
		if (Boolean.parseBoolean(System.getProperty("bench.city", "true"))) {
			cityMorning(solvers, Math.min(seconds, 5), seed);
		}
	}

	private static String mean(List<Double> gaps, int of) {
		if (of == 0) {
			return "(no instances)";
		}
		return String.format("%6.2f %% over %d of %d", gaps.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN), gaps.size(), of);
	}

	/** The city morning: each solver with a limit of {@code seconds}; its cost, late stops, violations and solve time. */
	private static void cityMorning(Map<String, Solver> solvers, int seconds, long seed) {
		Problem problem = CityMorning.generate(seed, 60);
		System.out.printf("City morning (60 pickup points, 2 zones, 8 vehicles of 2 types, windows 05:00-08:00), %d s limit:%n", seconds);
		for (var entry : solvers.entrySet()) {
			if (entry.getKey().equals("floor")) {
				continue; // the floor plans one zone without windows: not a planner for this problem
			}
			long started = System.nanoTime();
			long[] lastImprovement = { 0 };
			Solution solution = entry.getValue().solve(problem, new Limits(Duration.ofSeconds(seconds), seed),
					(cost, millis) -> lastImprovement[0] = millis);
			long elapsed = (System.nanoTime() - started) / 1_000_000;
			SolutionChecker.Report report = SolutionChecker.check(problem, solution);
			long late = report.violations().stream().filter(v -> v.contains("after")).count();
			System.out.printf("  %-8s cost %9.1f  routes %d  late stops %d  violations %d  best found at %5d ms  run %5d ms%n",
					LABELS.get(entry.getKey()), report.cost(), solution.routes().size(), late, report.violations().size(),
					lastImprovement[0], elapsed);
			if (!report.valid()) {
				System.out.println("    first violation: " + report.violations().get(0));
			}
		}
	}
}
