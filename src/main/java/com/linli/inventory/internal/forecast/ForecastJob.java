package com.linli.inventory.internal.forecast;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import com.linli.catalog.SkuId;
import com.linli.inventory.DailyDemand;
import com.linli.inventory.ForecastJobStatus;
import com.linli.marketing.Listing;
import com.linli.marketing.ListingManagement;
import com.linli.marketing.ListingStatus;
import com.linli.network.Region;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The forecasting job: for every region with recent demand, forecasts the next {@value #HORIZON} pickup
 * days of each SKU sold in the last {@value #ACTIVE_DAYS} days from its history up to today (in the
 * region's zone; today's pickup date is known once its cutoff ran the evening before), stores Linli's
 * and seasonal-naive forecasts, and scores the days whose demand is now known. Nightly at 00:30
 * ({@code linli.inventory.forecast.schedule}, "-" switches it off; under a database lock, so one node of several
 * runs it) and from the console. One run at a time on a node; every step is an upsert, so a rerun the same day
 * (or a run on another node) replaces that day's forecasts.
 */
@Component
public class ForecastJob {

	private static final Logger log = LoggerFactory.getLogger(ForecastJob.class);

	public static final int HORIZON = 7;

	/** A SKU is forecast when it sold in this many days back. */
	static final int ACTIVE_DAYS = 120;

	/** History read for each forecast: a year and a level window, for the yearly season. */
	static final int HISTORY_DAYS = 420;

	private final DailyDemands demands;

	private final Forecasts forecasts;

	private final RegionManagement network;

	private final ListingManagement listings;

	private final Clock clock;

	/** For the nightly run's database lock (one node runs it). */
	private final javax.sql.DataSource dataSource;

	/** Lazily: replenishment reads the forecasts this job makes (and ForecastManagement, which holds this job). */
	private final org.springframework.beans.factory.ObjectProvider<com.linli.inventory.ReplenishmentManagement> replenishment;

	private final int promotionPercent;

	/** Linli's forecasting method, for the region series and the pickup points' direct series alike. */
	private final DemandModel model = new LinliModel();

	/** The baselines forecast and scored beside it, by the name stored with their forecasts. */
	private final Map<String, DemandModel> baselines = BaselineModels.defaults();

	private final PointDemands pointDemands;

	private final PointForecasts pointForecasts;

	private final AtomicBoolean running = new AtomicBoolean();

	private final AtomicReference<ForecastJobStatus> status = new AtomicReference<>(
			new ForecastJobStatus(false, 0, null, null, 0, 0, null));

	ForecastJob(DailyDemands demands, Forecasts forecasts, PointDemands pointDemands, PointForecasts pointForecasts,
			RegionManagement network, ListingManagement listings, Clock clock,
			org.springframework.beans.factory.ObjectProvider<com.linli.inventory.ReplenishmentManagement> replenishment,
			javax.sql.DataSource dataSource,
			@Value("${linli.inventory.forecast.promotion-discount-percent:30}") int promotionPercent) {
		this.replenishment = replenishment;
		this.dataSource = dataSource;
		this.pointDemands = pointDemands;
		this.pointForecasts = pointForecasts;
		this.demands = demands;
		this.forecasts = forecasts;
		this.network = network;
		this.listings = listings;
		this.clock = clock;
		this.promotionPercent = promotionPercent;
	}

	@Scheduled(cron = "${linli.inventory.forecast.schedule:0 30 0 * * *}", zone = "${linli.zone:Asia/Shanghai}")
	void nightly() {
		// one node forecasts the night: the others find the database lock taken and skip (a run is idempotent)
		var lock = com.linli.shared.JobLock.tryAcquire(dataSource, "linli.inventory.forecast");
		if (lock.isEmpty()) {
			log.info("Nightly forecast skipped: another node runs it");
			return;
		}
		try (var held = lock.get()) {
			if (!run()) {
				log.info("Nightly forecast skipped: a run is already at work");
			}
		}
	}

	public ForecastJobStatus status() {
		return status.get();
	}

	/** Starts a run of every region in the background unless one is at work; returns whether it started. */
	public boolean start() {
		return start(null);
	}

	/**
	 * Starts a run in the background unless one is at work, of the given regions only (null: every
	 * region with recent demand); returns whether it started.
	 */
	public boolean start(Set<RegionId> only) {
		if (!running.compareAndSet(false, true)) {
			return false;
		}
		// running from now on, so that whoever asks right after sees it (and polls), not the last run
		status.set(new ForecastJobStatus(true, 0, clock.instant(), null, 0, 0, null));
		Thread thread = new Thread(() -> runHeld(only), "forecast-job");
		thread.setDaemon(true);
		thread.start();
		return true;
	}

	/** Runs now in this thread unless a run is at work; returns whether it ran. */
	public boolean run() {
		return run(null);
	}

	/** Runs now in this thread, of the given regions only (null: every region), unless a run is at work; returns whether it ran. */
	public boolean run(Set<RegionId> only) {
		if (!running.compareAndSet(false, true)) {
			return false;
		}
		runHeld(only);
		return true;
	}

	private void runHeld(Set<RegionId> only) {
		Instant started = clock.instant();
		status.set(new ForecastJobStatus(true, 0, started, null, 0, 0, null));
		int regionsDone = 0;
		int seriesDone = 0;
		String error = null;
		try {
			Map<RegionId, Region> regions = new HashMap<>();
			network.regions().forEach(r -> regions.put(r.id(), r));
			LocalDate earliest = LocalDate.now(clock).minusDays(ACTIVE_DAYS + 1);
			List<Region> work = demands.regionsSince(earliest).stream().map(regions::get)
				.filter(r -> r != null && r.active() && (only == null || only.contains(r.id()))).toList();
			int total = 0;
			Map<RegionId, List<DailyDemands.SkuTotal>> skus = new HashMap<>();
			for (Region r : work) {
				var list = demands.skusSince(r.id(), today(r).minusDays(ACTIVE_DAYS - 1));
				skus.put(r.id(), list);
				total += list.size() + pointDemands.seriesSince(r.id(), today(r).minusDays(PointLevel.HISTORY_DAYS - 1));
			}
			progressTotal = total;
			for (Region r : work) {
				progressBase = seriesDone;
				progressRegions = regionsDone;
				seriesDone += forecastRegion(r, today(r), skus.get(r.id()));
				stockoutWarnings(r);
				regionsDone++;
				int percent = total == 0 ? 100 : seriesDone * 100 / total;
				status.set(new ForecastJobStatus(true, Math.min(percent, 99), started, null, regionsDone, seriesDone, null));
				log.info("Forecast: region {} done, {}% of {} series", r.name(), percent, total);
			}
		}
		catch (RuntimeException e) {
			log.error("Forecast run failed", e);
			error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
		}
		finally {
			status.set(new ForecastJobStatus(false, error == null ? 100 : status.get().percent(), started, clock.instant(),
					regionsDone, seriesDone, error));
			running.set(false);
		}
	}

	/** The run's series in all and done before the region at work (for progress within a large region). */
	private volatile int progressTotal;

	private volatile int progressBase;

	private volatile int progressRegions;

	/** Within a region: its region SKUs are done, {@code done} series in all; shown and logged while a run is at work. */
	private void progress(Region region, int done) {
		ForecastJobStatus now = status.get();
		if (!running.get() || !now.running() || progressTotal == 0) {
			return;
		}
		int percent = Math.min(99, (progressBase + done) * 100 / progressTotal);
		status.set(new ForecastJobStatus(true, percent, now.startedAt(), null, progressRegions, progressBase + done, null));
		log.info("Forecast: region {}, region series done, {}% of {} series", region.name(), percent, progressTotal);
	}

	/**
	 * With the region's new forecasts, its stock-out warnings (replenishment) are raised or resolved; a failure
	 * there is logged and does not fail the forecasts, which are stored already.
	 */
	private void stockoutWarnings(Region r) {
		try {
			var w = replenishment.getObject().raiseStockoutWarnings(r.id());
			log.info("Forecast: region {}: {} SKUs checked for stock-outs ahead, {} warnings open ({} new, {} resolved)",
					r.name(), w.checked(), w.open(), w.raised(), w.resolved());
		}
		catch (RuntimeException e) {
			log.error("Forecast: region {}: stock-out warnings could not be raised", r.name(), e);
		}
	}

	private LocalDate today(Region r) {
		return LocalDate.now(clock.withZone(r.zone()));
	}

	/**
	 * Forecasts a region as the job would have on {@code asOf} (from the history up to that day only)
	 * and scores the days up to it; returns the series forecast. Used by the job and to rebuild
	 * forecasts of past days after history was imported.
	 */
	public int forecastAsOf(RegionId regionId, LocalDate asOf) {
		Region region = network.regions().stream().filter(r -> r.id().equals(regionId)).findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown region " + regionId));
		return forecastRegion(region, asOf, demands.skusSince(region.id(), asOf.minusDays(ACTIVE_DAYS - 1)));
	}

	/**
	 * Forecasts one region's SKUs after {@code today} (Linli's model and every baseline), then its pickup point ×
	 * SKU series reconciled with them, and scores what can be scored; returns the series done (region and point).
	 */
	int forecastRegion(Region region, LocalDate today, List<DailyDemands.SkuTotal> skus) {
		Instant now = clock.instant();
		long t0 = System.nanoTime();
		LocalDate from = today.minusDays(HISTORY_DAYS - 1);
		Set<LocalDate> open = demands.openDays(region.id(), from, today);
		int done = 0;
		if (!skus.isEmpty() && !open.isEmpty()) {
			List<DailyDemand> rows = demands.between(region.id(), from, today);
			LocalDate start = open.stream().min(LocalDate::compareTo).orElseThrow();
			int days = (int) (today.toEpochDay() - start.toEpochDay()) + 1;
			boolean[] closed = new boolean[days];
			for (int t = 0; t < days; t++) {
				closed[t] = !open.contains(start.plusDays(t));
			}
			Map<SkuId, double[]> units = new HashMap<>();
			Map<SkuId, boolean[]> promoted = new HashMap<>();
			for (var s : skus) {
				units.put(s.skuId(), new double[days]);
				promoted.put(s.skuId(), new boolean[days]);
			}
			for (DailyDemand d : rows) {
				int t = (int) (d.date().toEpochDay() - start.toEpochDay());
				if (t >= 0 && units.containsKey(d.skuId())) {
					units.get(d.skuId())[t] = d.units();
					promoted.get(d.skuId())[t] = d.promoted();
				}
			}
			Map<SkuId, boolean[]> ahead = promotionsAhead(region.id(), today);
			List<DemandSeries> group = new ArrayList<>();
			List<SkuId> ids = new ArrayList<>();
			for (var s : skus) {
				ids.add(s.skuId());
				group.add(new DemandSeries(s.skuId().toString(), units.get(s.skuId()), promoted.get(s.skuId()),
						ahead.getOrDefault(s.skuId(), new boolean[HORIZON])));
			}
			var calendar = ForecastCalendar.fromClosedDays(start, closed, Set.of());
			List<Prediction> predictions = model.predict(group, calendar, HORIZON);
			Map<String, List<double[]>> baselineForecasts = new LinkedHashMap<>();
			baselines.forEach((name, baseline) -> baselineForecasts.put(name,
					baseline.predict(group, calendar, HORIZON).stream().map(Prediction::p50).toList()));
			List<double[]> naive = baselineForecasts.containsKey(BaselineModels.SEASONAL_NAIVE)
					? baselineForecasts.get(BaselineModels.SEASONAL_NAIVE)
					: group.stream().map(g -> Forecaster.seasonalNaive(g, HORIZON)).toList();
			List<Forecasts.RegionForecast> regionForecasts = new ArrayList<>(group.size());
			Map<Long, Prediction> bySku = new HashMap<>();
			for (int i = 0; i < group.size(); i++) {
				regionForecasts.add(new Forecasts.RegionForecast(ids.get(i), predictions.get(i), naive.get(i)));
				bySku.put(ids.get(i).value(), predictions.get(i));
			}
			forecasts.saveAll(region.id(), today, regionForecasts, now);
			forecasts.saveBaselines(region.id(), today, ids, baselineForecasts);
			done += group.size();
			progress(region, done);
			long t1 = System.nanoTime();

			// the pickup points: the last PointLevel.HISTORY_DAYS days of the same calendar
			int pointDays = Math.min(days, PointLevel.HISTORY_DAYS);
			LocalDate pointStart = today.minusDays(pointDays - 1);
			PointLevel points = new PointLevel(pointStart, java.util.Arrays.copyOfRange(closed, days - pointDays, days));
			pointDemands.between(region.id(), pointStart, today,
					r -> points.add(r.pickupPointId().value(), r.skuId().value(), r.date(), r.units(), r.promoted()));
			Map<Long, boolean[]> aheadById = new HashMap<>();
			ahead.forEach((sku, flags) -> aheadById.put(sku.value(), flags));
			long t2 = System.nanoTime();
			PointLevel.Result result = points.forecast(model, bySku, aheadById, HORIZON);
			long t3 = System.nanoTime();
			pointForecasts.replace(region.id(), today, result.forecasts(), now);
			done += points.series();
			log.info("Forecast: region {}: {} SKUs ({} ms), {} point series read ({} ms), {} forecast directly, {} point "
					+ "forecasts ({} ms model, {} ms stored)", region.name(), group.size(), (t1 - t0) / 1_000_000,
					points.series(), (t2 - t1) / 1_000_000, result.direct(), result.forecasts().size(),
					(t3 - t2) / 1_000_000, (System.nanoTime() - t3) / 1_000_000);
		}
		for (LocalDate day : forecasts.unscored(region.id(), today)) {
			forecasts.score(region.id(), day, now);
			forecasts.scoreBaselines(region.id(), day, now);
		}
		return done;
	}

	/** SKUs listed at a promotion price on the coming pickup days. */
	private Map<SkuId, boolean[]> promotionsAhead(RegionId region, LocalDate today) {
		Map<SkuId, boolean[]> ahead = new HashMap<>();
		for (int h = 0; h < HORIZON; h++) {
			for (SkuId sku : promotedSkus(region, today.plusDays(h + 1))) {
				ahead.computeIfAbsent(sku, k -> new boolean[HORIZON])[h] = true;
			}
		}
		return ahead;
	}

	/** The SKUs whose active listing of the day is at least the promotion discount off the list price. */
	public Set<SkuId> promotedSkus(RegionId region, LocalDate pickupDate) {
		Set<SkuId> promoted = new HashSet<>();
		for (Listing l : listings.listingsFor(region, pickupDate)) {
			if (l.status() == ListingStatus.ACTIVE && l.listPrice() != null && l.listPrice().fen() > 0
					&& (l.listPrice().fen() - l.groupPrice().fen()) * 100 >= (long) promotionPercent * l.listPrice().fen()) {
				promoted.add(l.skuId());
			}
		}
		return promoted;
	}
}
