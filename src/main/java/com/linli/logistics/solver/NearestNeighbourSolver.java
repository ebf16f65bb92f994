package com.linli.logistics.solver;

import java.util.ArrayList;
import java.util.List;

/**
 * The floor: routes built by nearest neighbour (the closest unserved customer that still fits, a new
 * route when none fits), then improved by 2-opt within routes and relocation of one customer between
 * routes, first improvement, until neither improves or time runs out. Capacity only: one zone, vehicles
 * of the problem's capacity; time windows and fleets are not considered.
 */
public final class NearestNeighbourSolver implements Solver {

	@Override
	public String name() {
		return "floor (NN + 2-opt)";
	}

	@Override
	public Solution solve(Problem problem, Limits limits, ProgressListener progress) {
		long started = System.nanoTime();
		long deadline = started + limits.timeLimit().toNanos();
		double[][] d = problem.distance();
		int n = problem.customers();
		List<List<Integer>> routes = construct(problem);
		int[] loads = new int[routes.size()];
		for (int r = 0; r < routes.size(); r++) {
			for (int c : routes.get(r)) {
				loads[r] += problem.demand()[c];
			}
		}
		boolean improved = true;
		while (improved && System.nanoTime() < deadline) {
			improved = false;
			for (List<Integer> route : routes) {
				improved |= twoOpt(route, d);
			}
			for (int c = 1; c <= n && System.nanoTime() < deadline; c++) {
				improved |= relocate(c, routes, loads, problem);
			}
		}
		routes.removeIf(List::isEmpty);
		List<int[]> result = new ArrayList<>();
		for (List<Integer> route : routes) {
			result.add(route.stream().mapToInt(Integer::intValue).toArray());
		}
		Solution solution = Solution.of(problem, result);
		progress.improved(solution.cost(), (System.nanoTime() - started) / 1_000_000);
		return solution;
	}

	/** One route per customer: the answer when there is nothing to optimise. */
	static Solution trivial(Problem problem) {
		List<int[]> routes = new ArrayList<>();
		for (int c = 1; c <= problem.customers(); c++) {
			routes.add(new int[] { c });
		}
		return Solution.of(problem, routes);
	}

	private static List<List<Integer>> construct(Problem problem) {
		double[][] d = problem.distance();
		int n = problem.customers();
		boolean[] served = new boolean[n + 1];
		List<List<Integer>> routes = new ArrayList<>();
		int left = n;
		while (left > 0) {
			List<Integer> route = new ArrayList<>();
			int load = 0;
			int at = 0;
			while (true) {
				int next = -1;
				for (int c = 1; c <= n; c++) {
					if (!served[c] && load + problem.demand()[c] <= problem.capacity() && (next < 0 || d[at][c] < d[at][next])) {
						next = c;
					}
				}
				if (next < 0) {
					break;
				}
				served[next] = true;
				left--;
				load += problem.demand()[next];
				route.add(next);
				at = next;
			}
			routes.add(route);
		}
		return routes;
	}

	private static boolean twoOpt(List<Integer> route, double[][] d) {
		boolean any = false;
		boolean improved = true;
		while (improved) {
			improved = false;
			int size = route.size();
			for (int i = 0; i < size - 1; i++) {
				int a = i == 0 ? 0 : route.get(i - 1);
				int b = route.get(i);
				for (int j = i + 1; j < size; j++) {
					int c = route.get(j);
					int e = j == size - 1 ? 0 : route.get(j + 1);
					if (d[a][c] + d[b][e] - d[a][b] - d[c][e] < -1e-9) {
						java.util.Collections.reverse(route.subList(i, j + 1));
						improved = true;
						any = true;
						b = route.get(i);
					}
				}
			}
		}
		return any;
	}

	private static boolean relocate(int customer, List<List<Integer>> routes, int[] loads, Problem problem) {
		double[][] d = problem.distance();
		int from = -1;
		int position = -1;
		for (int r = 0; r < routes.size() && from < 0; r++) {
			int p = routes.get(r).indexOf(customer);
			if (p >= 0) {
				from = r;
				position = p;
			}
		}
		List<Integer> source = routes.get(from);
		int before = position == 0 ? 0 : source.get(position - 1);
		int after = position == source.size() - 1 ? 0 : source.get(position + 1);
		double removal = d[before][after] - d[before][customer] - d[customer][after];
		double bestDelta = -1e-9;
		int bestRoute = -1;
		int bestPosition = -1;
		for (int r = 0; r < routes.size(); r++) {
			if (r == from || loads[r] + problem.demand()[customer] > problem.capacity()) {
				continue;
			}
			List<Integer> target = routes.get(r);
			for (int p = 0; p <= target.size(); p++) {
				int a = p == 0 ? 0 : target.get(p - 1);
				int b = p == target.size() ? 0 : target.get(p);
				double delta = removal + d[a][customer] + d[customer][b] - d[a][b];
				if (delta < bestDelta) {
					bestDelta = delta;
					bestRoute = r;
					bestPosition = p;
				}
			}
		}
		if (bestRoute < 0) {
			return false;
		}
		source.remove(position);
		routes.get(bestRoute).add(bestPosition, customer);
		loads[from] -= problem.demand()[customer];
		loads[bestRoute] += problem.demand()[customer];
		return true;
	}
}
