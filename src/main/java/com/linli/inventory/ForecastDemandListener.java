package com.linli.inventory;

import java.util.Set;

import com.linli.catalog.SkuId;
import com.linli.fulfilment.CutoffCompleted;
import com.linli.fulfilment.CutoffManagement;
import com.linli.fulfilment.SkuDemand;
import com.linli.identity.Actor;
import com.linli.inventory.internal.forecast.DailyDemands;
import com.linli.inventory.internal.forecast.ForecastJob;
import com.linli.inventory.internal.forecast.PointDemands;

import java.time.Clock;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the daily demand history: each completed cutoff's units per SKU become the region's demand
 * for the pickup date, and its units per pickup point and SKU the points' demand (for the forecasts per
 * pickup point), marked promoted where the day's listing was a promotion. Runs after
 * fulfilment's transaction, in its own; the event publication registry redelivers after a crash,
 * and a run applied twice (or a rerun with changed totals) replaces the day, so nothing counts twice.
 */
@Component
class ForecastDemandListener {

	private final CutoffManagement cutoffs;

	private final DailyDemands demands;

	private final ForecastJob job;

	private final PointDemands points;

	private final Clock clock;

	ForecastDemandListener(CutoffManagement cutoffs, DailyDemands demands, PointDemands points, ForecastJob job,
			Clock clock) {
		this.points = points;
		this.cutoffs = cutoffs;
		this.demands = demands;
		this.job = job;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(CutoffCompleted event) {
		Set<SkuId> promoted = job.promotedSkus(event.regionId(), event.pickupDate());
		var rows = cutoffs.demand(event.runId(), Actor.system("forecast-listener")).stream().map((SkuDemand d) -> new DailyDemand(event.regionId(),
				d.skuId(), d.skuName() + " " + d.spec(), event.pickupDate(), d.units(), promoted.contains(d.skuId())))
			.toList();
		demands.replaceDay(event.regionId(), event.pickupDate(), event.runId().value(), rows, clock.instant());
		var perPoint = cutoffs.pointDemand(event.runId(), Actor.system("forecast-listener")).stream()
			.map(d -> new PointDemands.Row(d.pickupPointId(), d.skuId(), event.pickupDate(), d.units(),
					promoted.contains(d.skuId())))
			.toList();
		points.replaceDay(event.regionId(), event.pickupDate(), event.runId().value(), perPoint, clock.instant());
	}
}
