package com.linli.inventory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.linli.catalog.Sku;
import com.linli.catalog.SkuId;
import com.linli.catalog.SkuManagement;
import com.linli.identity.Actor;
import com.linli.inventory.internal.forecast.DailyDemands;
import com.linli.inventory.internal.forecast.ForecastJob;
import com.linli.inventory.internal.forecast.Forecasts;
import com.linli.inventory.internal.forecast.PointForecasts;
import com.linli.network.PickupPointManagement;
import com.linli.network.Region;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.network.WarehouseManagement;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Text;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demand forecasts per SKU and region (DESIGN.md section 6): the daily demand history (from the
 * cutoffs, or recorded here), Linli's 7-day forecast beside seasonal-naive, the listing cap and
 * purchase suggestions drawn from it, and the daily accuracy {@code 1 − WAPE} of both.
 */
@Service
@Transactional(readOnly = true)
public class ForecastManagement {

	/** Days of history a forecast view shows. */
	public static final int HISTORY_SHOWN = 56;

	static final long MAX_UNITS = 10_000_000;

	private final DailyDemands demands;

	private final Forecasts forecasts;

	private final ForecastJob job;

	private final RegionManagement network;

	private final WarehouseManagement warehouses;

	private final SkuManagement catalog;

	private final Clock clock;

	private final double buffer;

	private final StockManagement stock;

	private final PointForecasts pointForecasts;

	private final PickupPointManagement pickupPoints;

	ForecastManagement(DailyDemands demands, Forecasts forecasts, ForecastJob job, RegionManagement network,
			WarehouseManagement warehouses,
			SkuManagement catalog, StockManagement stock, Clock clock,
			@Value("${linli.inventory.forecast.cap-buffer:1.2}") double buffer, PointForecasts pointForecasts,
			PickupPointManagement pickupPoints) {
		this.pointForecasts = pointForecasts;
		this.pickupPoints = pickupPoints;
		this.stock = stock;
		this.demands = demands;
		this.forecasts = forecasts;
		this.job = job;
		this.network = network;
		this.warehouses = warehouses;
		this.catalog = catalog;
		this.clock = clock;
		if (!(buffer >= 1 && buffer <= 5)) {
			throw new IllegalArgumentException("linli.inventory.forecast.cap-buffer must be between 1 and 5");
		}
		this.buffer = buffer;
	}

	/**
	 * Records (or corrects) the units of a SKU ordered in a region for a past or today's pickup date,
	 * e.g. history from before Linli; the date becomes a selling day of the region.
	 */
	@Transactional
	public DailyDemand recordDemand(RegionId regionId, SkuId skuId, LocalDate date, Long units, boolean promoted, Actor actor) {
		Region region = region(regionId, actor);
		if (skuId == null) {
			throw new InvalidInputException("skuId", Text.of("inventory.problem.chooseSku"));
		}
		Sku sku = catalog.skus(List.of(skuId)).get(skuId);
		if (sku == null) {
			throw new InvalidInputException("skuId", Text.of("inventory.problem.unknownSku", skuId));
		}
		if (date == null) {
			throw new InvalidInputException("date", Text.of("inventory.problem.enterDate"));
		}
		LocalDate today = today(region);
		if (date.isAfter(today) || date.isBefore(today.minusDays(3 * 365))) {
			throw new InvalidInputException("date", Text.of("inventory.problem.dateMustTodayWithinThreeYears"));
		}
		if (units == null || units < 0 || units > MAX_UNITS) {
			throw new InvalidInputException("units", Text.of("inventory.problem.unitsRange", MAX_UNITS));
		}
		var demand = new DailyDemand(region.id(), skuId, sku.displayName(), date, units, promoted);
		demands.record(demand, clock.instant());
		return demand;
	}

	/** The SKU's recent demand with the forecasts made for it, the coming week's forecast and suggestions. */
	public ForecastView forecast(RegionId regionId, SkuId skuId, Actor actor) {
		Region region = region(regionId, actor);
		if (skuId == null) {
			throw new InvalidInputException("skuId", Text.of("inventory.problem.chooseSku"));
		}
		LocalDate today = today(region);
		LocalDate from = today.minusDays(HISTORY_SHOWN - 1);
		Map<LocalDate, DailyDemand> actual = demands.of(region.id(), skuId, from, today).stream()
			.collect(Collectors.toMap(DailyDemand::date, d -> d));
		Set<LocalDate> open = demands.openDays(region.id(), from, today);
		var made = forecasts.of(region.id(), skuId, from, today.plusDays(ForecastJob.HORIZON));
		String name = actual.values().stream().map(DailyDemand::skuName).findFirst().orElseGet(() -> {
			Sku sku = catalog.skus(List.of(skuId)).get(skuId);
			return sku == null ? null : sku.displayName();
		});
		if (name == null) {
			throw new InvalidInputException("skuId", Text.of("inventory.problem.unknownSku", skuId));
		}
		List<ForecastPoint> history = new ArrayList<>();
		for (LocalDate d = from; !d.isAfter(today); d = d.plusDays(1)) {
			var f = made.get(d);
			DailyDemand a = actual.get(d);
			Long units = a != null ? Long.valueOf(a.units()) : open.contains(d) ? Long.valueOf(0) : null;
			history.add(new ForecastPoint(d, units, f == null ? null : f.units(), f == null ? null : f.mean(),
					f == null ? null : f.naive(), a != null && a.promoted()));
		}
		List<ForecastPoint> ahead = new ArrayList<>();
		LocalDate issuedOn = null;
		double week = 0;
		double first = 0;
		for (int h = 1; h <= ForecastJob.HORIZON; h++) {
			LocalDate d = today.plusDays(h);
			var f = made.get(d);
			if (f != null) {
				issuedOn = issuedOn == null || f.issuedOn().isAfter(issuedOn) ? f.issuedOn() : issuedOn;
				double units = Math.max(f.units(), f.mean());
				week += units;
				first = h == 1 ? units : first;
			}
			ahead.add(new ForecastPoint(d, null, f == null ? null : f.units(), f == null ? null : f.mean(),
					f == null ? null : f.naive(), false));
		}
		long cap = com.linli.inventory.internal.replenish.ListingCap.units(forecasts.outlooks(region.id(), List.of(skuId), today.plusDays(1), today.plusDays(1)).values().stream().findFirst().map(o -> o.days().get(0).p80()).orElse(null));
		long purchase = (long) Math.ceil(week * buffer - 1e-9);
		long available = centralAvailable(region, skuId);
		return new ForecastView(region.id(), skuId, name, issuedOn, history, ahead, buffer, cap, purchase, available,
				Math.max(0, purchase - available));
	}

	/**
	 * What the region's central warehouse has available of the SKU (on hand less reserved), the stock a
	 * purchase is netted of; 0 without a central warehouse. The first active one, as purchase orders choose it.
	 */
	private long centralAvailable(Region region, SkuId skuId) {
		return warehouses.purchasingCentral(region.id())
			.map(w -> stock.available(w.id(), List.of(skuId)).getOrDefault(skuId, 0L))
			.orElse(0L);
	}

	/**
	 * The latest forecasts of the SKUs in the region for the next {@code days} days after the region's
	 * today (expected units and quantiles per day): what replenishment, pricing and VMI read.
	 */
	public Map<SkuId, DemandOutlook> outlook(RegionId regionId, java.util.Collection<SkuId> skuIds, int days, Actor actor) {
		Region region = region(regionId, actor);
		if (skuIds == null || skuIds.isEmpty()) {
			return Map.of();
		}
		if (days < 1 || days > 28) {
			throw new InvalidInputException("days", Text.of("inventory.problem.outlookDays"));
		}
		LocalDate today = today(region);
		return forecasts.outlooks(region.id(), skuIds, today.plusDays(1), today.plusDays(days));
	}

	/**
	 * The latest forecasts of the SKU at each pickup point of the region for the next {@code days} days (1–28)
	 * after the region's today, reconciled with the region's forecast; points by id.
	 */
	public List<PointOutlook> pointOutlook(RegionId regionId, SkuId skuId, int days, Actor actor) {
		Region region = region(regionId, actor);
		if (skuId == null) {
			throw new InvalidInputException("skuId", Text.of("inventory.problem.chooseSku"));
		}
		if (days < 1 || days > 28) {
			throw new InvalidInputException("days", Text.of("inventory.problem.outlookDays"));
		}
		LocalDate today = today(region);
		var found = pointForecasts.of(region.id(), skuId, today.plusDays(1), today.plusDays(days));
		var names = pickupPoints.pickupPoints(found.stream().map(PointForecasts.PointDays::pickupPointId).toList());
		return found.stream()
			.map(p -> new PointOutlook(p.pickupPointId(),
					names.containsKey(p.pickupPointId()) ? names.get(p.pickupPointId()).name() : p.pickupPointId().toString(),
					skuId, p.issuedOn(), p.method(), p.days()))
			.toList();
	}

	/**
	 * The accuracy of Linli's forecasts and of every baseline in the region over the last {@code days} days
	 * (1–366) up to today, on the same scored days: Linli first, then the baselines by name.
	 */
	public List<MethodAccuracy> methodAccuracy(RegionId regionId, int days, Actor actor) {
		Region region = region(regionId, actor);
		if (days < 1 || days > 366) {
			throw new InvalidInputException("days", Text.of("inventory.problem.accuracyDays"));
		}
		LocalDate today = today(region);
		return forecasts.methodTotals(region.id(), today.minusDays(days - 1), today).stream()
			.map(t -> new MethodAccuracy(t.method(), t.days(), t.actualUnits(),
					t.actualUnits() == 0 ? null : 1 - t.error() / t.actualUnits()))
			.toList();
	}

	/** The suggested listing cap for the SKU's next pickup date: its 0.8 quantile, rounded up (ListingCap). */
	public long suggestedCap(RegionId regionId, SkuId skuId, Actor actor) {
		return forecast(regionId, skuId, actor).suggestedCap();
	}

	/** The region's daily accuracy of Linli's forecasts and of seasonal-naive, oldest first. */
	public List<ForecastAccuracy> accuracy(RegionId regionId, LocalDate from, LocalDate to, Actor actor) {
		Region region = region(regionId, actor);
		LocalDate today = today(region);
		LocalDate end = to == null ? today : to;
		LocalDate start = from == null ? end.minusDays(HISTORY_SHOWN - 1) : from;
		if (start.isAfter(end)) {
			throw new InvalidInputException("from", Text.of("inventory.problem.fromAfter"));
		}
		if (start.isBefore(end.minusDays(3 * 366))) {
			throw new InvalidInputException("from", Text.of("inventory.problem.atMostThreeYears"));
		}
		return forecasts.scores(region.id(), start, end);
	}

	/** SKUs of the region with demand in the last {@link #HISTORY_SHOWN} days, best sellers first. */
	public List<ForecastSku> skus(RegionId regionId, Actor actor) {
		Region region = region(regionId, actor);
		return demands.skusSince(region.id(), today(region).minusDays(HISTORY_SHOWN - 1)).stream()
			.map(s -> new ForecastSku(s.skuId(), s.skuName(), s.units()))
			.toList();
	}

	public ForecastJobStatus jobStatus() {
		return job.status();
	}

	/**
	 * Starts the forecasting job in the background (the nightly one, now) for one region, or for every
	 * region the caller manages when {@code regionId} is null; refused while one runs.
	 */
	public ForecastJobStatus startJob(RegionId regionId, Actor actor) {
		java.util.Set<RegionId> only = regionId != null ? java.util.Set.of(region(regionId, actor).id())
				: actor.regions().asFilter()
					.map(scope -> scope.stream().map(RegionId::new).collect(java.util.stream.Collectors.toSet()))
					.orElse(null);
		if (!job.start(only)) {
			throw new BusinessRuleException("forecast-running", Text.of("inventory.problem.forecastRunAlreadyAtWork"));
		}
		return job.status();
	}

	/**
	 * Runs the forecasting job now, in the caller's thread, for the given regions: the platform's own
	 * call once a demand history was loaded (the demo), so that forecasts are there before the first
	 * night. False when a run is already at work.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
	public boolean runJob(java.util.Set<RegionId> regionIds) {
		return job.run(java.util.Set.copyOf(regionIds));
	}

	/**
	 * The demand history of the caller's regions as CSV {@code date,store,item,quantity} (store
	 * R&lt;region&gt;, item SKU&lt;id&gt;).
	 */
	public void exportHistory(Consumer<String> line, Actor actor) {
		demands.exportCsv(actor.regions().idsOrNull(), line);
	}

	/** The region, once the actor is known to work in it (the platform itself works in every region). */
	private Region region(RegionId regionId, Actor actor) {
		if (regionId == null) {
			throw new InvalidInputException("regionId", Text.of("inventory.problem.chooseRegion"));
		}
		Region region = network.regions().stream().filter(r -> r.id().equals(regionId)).findFirst()
			.orElseThrow(() -> new InvalidInputException("regionId", Text.of("inventory.problem.unknownRegion", regionId)));
		actor.checkRegion(region.id().value());
		return region;
	}

	/** The regions the caller manages (all for an admin or the platform itself). */
	public List<Region> regions(Actor actor) {
		var scope = actor.regions().asFilter();
		return network.regions().stream().filter(r -> scope.map(s -> s.contains(r.id().value())).orElse(true)).toList();
	}

	private LocalDate today(Region region) {
		return LocalDate.now(clock.withZone(region.zone()));
	}
}
