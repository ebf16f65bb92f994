package com.linli.analytics.internal.cohorts;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import com.linli.analytics.internal.cohorts.CohortTriangle.Cohort;
import com.linli.identity.Actor;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.ordering.ResidentOrderFigures;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Text;

import org.springframework.stereotype.Service;

/**
 * The cohort triangle of a region: the last {@code weeks} first-order weeks up to the week holding {@code until}
 * (default today in the region's zone), each followed for at most {@code weeks} weeks. One grouped query (ordering's
 * {@link ResidentOrderFigures#activeWeeks}).
 */
@Service
public class CohortManagement {

	public static final int MAX_WEEKS = 26;

	private final ResidentOrderFigures figures;

	private final RegionManagement regions;

	private final Clock clock;

	CohortManagement(ResidentOrderFigures figures, RegionManagement regions, Clock clock) {
		this.figures = figures;
		this.regions = regions;
		this.clock = clock;
	}

	public record Triangle(long regionId, LocalDate lastWeek, int weeks, List<Cohort> cohorts) {
	}

	public Triangle triangle(Actor actor, RegionId region, int weeks, LocalDate until) {
		actor.checkRegion(region.value());
		if (weeks < 1 || weeks > MAX_WEEKS) {
			throw new InvalidInputException("weeks", Text.of("analytics.cohorts.problem.weeks", MAX_WEEKS));
		}
		LocalDate day = until != null ? until : LocalDate.now(clock.withZone(regions.getRegion(region).zone()));
		LocalDate lastWeek = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		LocalDate firstWeek = lastWeek.minusWeeks(weeks - 1L);
		var active = figures.activeWeeks(region, firstWeek, day);
		return new Triangle(region.value(), lastWeek, weeks, CohortTriangle.of(active, lastWeek, weeks));
	}
}
