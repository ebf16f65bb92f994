package com.linli.analytics.internal.facts.web;

import java.time.LocalDate;

import com.linli.analytics.internal.facts.FactsRebuild;
import com.linli.analytics.internal.facts.RebuildResult;
import com.linli.identity.Actor;
import com.linli.network.RegionId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The analytics read models rebuilt from the orders for a range of days (an operator of the region, an admin). */
@RestController
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
@Tag(name = "analytics", description = "Dashboards, metrics and their read models (数据分析)")
class FactsRestController {

	private final FactsRebuild rebuild;

	FactsRestController(FactsRebuild rebuild) {
		this.rebuild = rebuild;
	}

	record RebuildRequest(@NotNull Long regionId, @NotNull LocalDate from, @NotNull LocalDate to) {
	}

	record RebuildView(long regionId, LocalDate from, LocalDate to, long rows, long elapsedMillis) {

		static RebuildView of(RebuildResult r) {
			return new RebuildView(r.regionId(), r.from(), r.toInclusive(), r.rows(), r.elapsedMillis());
		}
	}

	@PostMapping("/api/analytics/rebuild")
	@Operation(summary = "Rebuild the analytics aggregates of a region for a range of days (inclusive) from the orders; idempotent")
	RebuildView rebuild(Actor actor, @Valid @RequestBody RebuildRequest request) {
		return RebuildView.of(rebuild.rebuild(actor, new RegionId(request.regionId()), request.from(), request.to()));
	}
}
