package com.linli.analytics.internal.cohorts;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.linli.ordering.ResidentOrderFigures.ActiveWeek;

/**
 * Retention by first-order week: a cohort is the residents whose first order (in the region) falls in one ISO week;
 * its cell {@code +k} is the share of them who ordered in the k-th week after it. Only weeks up to {@code lastWeek}
 * are filled, so later cohorts have fewer cells (the triangle). Plain Java.
 */
public final class CohortTriangle {

	private CohortTriangle() {
	}

	/** One cohort: its week, its size, and {@code retained.get(k - 1)} residents ordering in week +k. */
	public record Cohort(LocalDate week, int residents, List<Integer> retained) {

		/** The share ordering in week +k (k from 1). */
		public double share(int k) {
			return residents == 0 ? 0 : (double) retained.get(k - 1) / residents;
		}
	}

	public static List<Cohort> of(List<ActiveWeek> weeks, LocalDate lastWeek, int maxOffset) {
		Map<LocalDate, Set<Long>> members = new TreeMap<>();
		Map<LocalDate, Map<Integer, Set<Long>>> active = new TreeMap<>();
		for (ActiveWeek w : weeks) {
			members.computeIfAbsent(w.firstWeek(), k -> new HashSet<>()).add(w.residentId());
			int offset = (int) ChronoUnit.WEEKS.between(w.firstWeek(), w.weekStart());
			if (offset >= 1 && offset <= maxOffset) {
				active.computeIfAbsent(w.firstWeek(), k -> new TreeMap<>())
					.computeIfAbsent(offset, k -> new HashSet<>())
					.add(w.residentId());
			}
		}
		List<Cohort> cohorts = new ArrayList<>();
		members.forEach((week, residents) -> {
			if (week.isAfter(lastWeek)) {
				return;
			}
			int cells = (int) Math.min(maxOffset, ChronoUnit.WEEKS.between(week, lastWeek));
			List<Integer> retained = new ArrayList<>();
			for (int k = 1; k <= cells; k++) {
				retained.add(active.getOrDefault(week, Map.of()).getOrDefault(k, Set.of()).size());
			}
			cohorts.add(new Cohort(week, residents.size(), retained));
		});
		return cohorts;
	}
}
