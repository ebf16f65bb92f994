package com.linli.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.linli.logistics.solver.CvrpLib;
import com.linli.logistics.solver.HybridGeneticSearch;
import com.linli.logistics.solver.Instance;
import com.linli.logistics.solver.Limits;
import com.linli.logistics.solver.NearestNeighbourSolver;
import com.linli.logistics.solver.ProgressListener;
import com.linli.logistics.solver.Solution;
import com.linli.logistics.solver.SolutionChecker;
import com.linli.logistics.solver.Solver;

/**
 * The routing benchmark: solves every {@code .vrp} instance of a directory (CVRPLIB format, CVRP or VRPTW)
 * with each solver on one thread and a time limit, checks every solution with the independent
 * {@link SolutionChecker}, and prints per instance the cost, the best known cost (its {@code .sol}) and the
 * gap in percent, solvers side by side, then the mean gap per solver. An invalid solution is shown as such
 * and counts in no mean.
 *
 * <pre>java -cp target/test-classes:target/classes com.linli.bench.RoutingBenchmark ../shared/data/vrp/cvrp 30 hgs,floor</pre>
 * Arguments: the directory, seconds per instance (30), the solvers ({@code hgs,floor,timefold}; all by
 * default). {@code -Dbench.only=regex} keeps matching instance names, {@code -Dbench.seed} (1) seeds the runs.
 * Timefold, the baseline, is not on the class path yet: its column says so.
 */
public final class RoutingBenchmark {

	public static void main(String[] args) throws Exception {
		Path directory = Path.of(args.length > 0 ? args[0] : "../shared/data/vrp/cvrp");
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
				case "timefold" -> solvers.put(name, null);
				default -> throw new IllegalArgumentException("unknown solver " + name + " (hgs, timefold, floor)");
			}
		}
		List<Path> files;
		try (Stream<Path> listing = Files.list(directory)) {
			files = listing.filter(p -> p.toString().endsWith(".vrp"))
				.filter(p -> p.getFileName().toString().replace(".vrp", "").matches(only)).sorted().toList();
		}
		System.out.printf("Routing benchmark: %d instances in %s, %d s per instance and solver, one thread, seed %d%n", files.size(),
				directory, seconds, seed);
		StringBuilder header = new StringBuilder(String.format("%-14s %5s %11s", "instance", "n", "best known"));
		for (String name : solvers.keySet()) {
			header.append(String.format(" | %-10s %11s %7s", name, "cost", "gap %"));
		}
		System.out.println(header);
		Map<String, List<Double>> gaps = new LinkedHashMap<>();
		solvers.keySet().forEach(name -> gaps.put(name, new ArrayList<>()));
		for (Path file : files) {
			Instance instance = CvrpLib.readInstance(file);
			Path solFile = file.resolveSibling(file.getFileName().toString().replace(".vrp", ".sol"));
			double bestKnown = Files.exists(solFile) ? CvrpLib.readSolution(solFile).cost() : Double.NaN;
			StringBuilder row = new StringBuilder(String.format("%-14s %5d %11.1f", instance.name(), instance.customers(), bestKnown));
			for (var entry : solvers.entrySet()) {
				Solver solver = entry.getValue();
				if (solver == null) {
					row.append(String.format(" | %-10s %11s %7s", "", "not run", "-"));
					continue;
				}
				Solution solution = solver.solve(instance.toProblem(), new Limits(Duration.ofSeconds(seconds), seed),
						ProgressListener.NONE);
				SolutionChecker.Report report = SolutionChecker.check(instance, solution.routes());
				if (!report.valid()) {
					row.append(String.format(" | %-10s %11.1f %7s", "", report.cost(), "INVALID"));
					System.err.printf("%s %s: %d violations, first: %s%n", instance.name(), entry.getKey(), report.violations().size(),
							report.violations().get(0));
					continue;
				}
				double gap = 100 * (report.cost() - bestKnown) / bestKnown;
				gaps.get(entry.getKey()).add(gap);
				row.append(String.format(" | %-10s %11.1f %7.2f", "", report.cost(), gap));
			}
			System.out.println(row);
		}
		System.out.println("Mean gap to the best known (valid solutions only):");
		for (var entry : gaps.entrySet()) {
			if (solvers.get(entry.getKey()) == null) {
				System.out.printf("  %-10s not run: Timefold Solver is not a dependency yet (slot kept for the baseline)%n", entry.getKey());
				continue;
			}
			List<Double> list = entry.getValue();
			System.out.printf("  %-10s %6.2f %% over %d of %d instances%n", entry.getKey(),
					list.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN), list.size(), files.size());
		}
	}
}
