package com.linli.analytics.internal.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.linli.analytics.internal.metrics.Metric;
import com.linli.analytics.internal.metrics.Metrics;
import com.linli.analytics.internal.metrics.Period;
import com.linli.analytics.internal.metrics.PeriodKind;
import com.linli.identity.Actor;
import com.linli.network.Region;
import com.linli.network.RegionManagement;
import com.linli.shared.InvalidInputException;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;

import org.springframework.stereotype.Component;

/**
 * What the dashboard's pages and API share about their inputs: the actor's regions (an admin's: every active
 * one), the region asked for (checked against the actor first, so another region's id is a 403 whatever else is
 * wrong), the period from {@code kind} and {@code date} (400 naming the field), and the metric (404 if unknown).
 */
@Component
class DashboardRequests {

	static final PeriodKind DEFAULT_KIND = PeriodKind.WEEK;

	private final RegionManagement regions;

	private final Metrics metrics;

	private final Clock clock;

	DashboardRequests(RegionManagement regions, Metrics metrics, Clock clock) {
		this.regions = regions;
		this.metrics = metrics;
		this.clock = clock;
	}

	List<Region> regionsOf(Actor actor) {
		return regions.regions().stream().filter(r -> r.active() && actor.worksIn(r.id().value()))
			.sorted(Comparator.comparing(r -> r.id().value())).toList();
	}

	/** The region asked for (403 outside the actor's), else the actor's first; {@code null} if they have none. */
	Region region(Actor actor, Long regionId) {
		if (regionId == null) {
			return regionsOf(actor).stream().findFirst().orElse(null);
		}
		actor.checkRegion(regionId);
		return regions.regions().stream().filter(r -> r.id().value() == regionId).findFirst()
			.orElseThrow(() -> new NotFoundException("region", regionId));
	}

	/** The region a REST call names: required. */
	Region requiredRegion(Actor actor, Long regionId) {
		if (regionId == null) {
			throw new InvalidInputException("regionId", Text.of("analytics.problem.regionRequired"));
		}
		return region(actor, regionId);
	}

	PeriodKind kind(String kind) {
		if (kind == null || kind.isBlank()) {
			return DEFAULT_KIND;
		}
		try {
			return PeriodKind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("kind", Text.of("analytics.problem.kind", kind));
		}
	}

	LocalDate date(String date) {
		if (date == null || date.isBlank()) {
			return LocalDate.now(clock);
		}
		try {
			LocalDate day = LocalDate.parse(date.trim());
			if (day.getYear() < 2000 || day.isAfter(LocalDate.now(clock).plusYears(1))) {
				throw new InvalidInputException("date", Text.of("analytics.problem.date", date));
			}
			return day;
		}
		catch (DateTimeParseException e) {
			throw new InvalidInputException("date", Text.of("analytics.problem.date", date));
		}
	}

	Period period(String kind, String date) {
		return Period.containing(kind(kind), date(date));
	}

	Metric metric(String key) {
		if (key == null || key.isBlank()) {
			throw new InvalidInputException("metric", Text.of("analytics.problem.metricRequired"));
		}
		return metrics.metric(key.trim()).orElseThrow(() -> new NotFoundException("analytics.metric", key));
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}
}
