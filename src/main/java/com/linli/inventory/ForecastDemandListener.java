package com.linli.inventory;

import java.util.Set;

import com.linli.catalog.SkuId;
import com.linli.fulfilment.CutoffCompleted;
import com.linli.fulfilment.CutoffManagement;
import com.linli.fulfilment.SkuDemand;
import com.linli.identity.Actor;
import com.linli.inventory.internal.forecast.DailyDemands;
import com.linli.inventory.internal.forecast.ForecastJob;

import java.time.Clock;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the daily demand history: each completed cutoff's units per SKU become the region's demand
 * for the pickup date, marked promoted where the day's listing was a promotion. Runs after
 * fulfilment's transaction, in its own; the event publication registry redelivers after a crash,
 * and a run applied twice (or a rerun with changed totals) replaces the day, so nothing counts twice.
 */
@Component
class ForecastDemandListener {

	private final CutoffManagement cutoffs;

	private final DailyDemands demands;

	private final ForecastJob job;

	private final Clock clock;

	ForecastDemandListener(CutoffManagement cutoffs, DailyDemands demands, ForecastJob job, Clock clock) {
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
	}
}
