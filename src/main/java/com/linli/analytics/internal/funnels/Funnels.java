package com.linli.analytics.internal.funnels;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;

import com.linli.catalog.CategoryId;
import com.linli.catalog.CategoryManagement;
import com.linli.identity.Actor;
import com.linli.network.RegionId;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Text;

import org.springframework.stereotype.Service;

/** The funnel of a region for a period, optionally of one SKU, one category (with its subcategories) or one pickup point. */
@Service
public class Funnels {

	/** The longest period a funnel covers. */
	static final int MAX_DAYS = 400;

	private final FunnelQueries queries;

	private final CategoryManagement categories;

	Funnels(FunnelQueries queries, CategoryManagement categories) {
		this.queries = queries;
		this.categories = categories;
	}

	public Funnel funnel(Actor actor, RegionId region, LocalDate from, LocalDate to, Long skuId, Long categoryId,
			Long pickupPointId) {
		actor.checkRegion(region.value());
		checkPeriod(from, to);
		var counts = queries.residentsPerStep(region, from, to, skuId,
				categoryId == null ? null : withDescendants(categoryId), pickupPointId);
		return Funnel.of(from, to, counts);
	}

	/** A period of whole days, from before to, at most {@link #MAX_DAYS}. */
	public static void checkPeriod(LocalDate from, LocalDate to) {
		if (from == null) {
			throw new InvalidInputException("from", Text.of("analytics.track.problem.dateRequired"));
		}
		if (to == null) {
			throw new InvalidInputException("to", Text.of("analytics.track.problem.dateRequired"));
		}
		if (to.isBefore(from)) {
			throw new InvalidInputException("to", Text.of("analytics.track.problem.toBeforeFrom", from, to));
		}
		if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
			throw new InvalidInputException("to", Text.of("analytics.track.problem.periodTooLong", MAX_DAYS));
		}
	}

	private Set<Long> withDescendants(long categoryId) {
		var all = categories.categories();
		Set<Long> ids = new HashSet<>(Set.of(categoryId));
		boolean grew = true;
		while (grew) {
			grew = false;
			for (var c : all) {
				CategoryId parent = c.parentId();
				if (parent != null && ids.contains(parent.value()) && ids.add(c.id().value())) {
					grew = true;
				}
			}
		}
		return ids;
	}
}
