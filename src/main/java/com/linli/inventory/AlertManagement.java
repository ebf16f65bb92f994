package com.linli.inventory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.linli.catalog.SkuId;
import com.linli.identity.Actor;
import com.linli.inventory.internal.Alerts;
import com.linli.network.RegionId;
import com.linli.network.Warehouse;
import com.linli.network.WarehouseId;
import com.linli.network.WarehouseKind;
import com.linli.network.WarehouseManagement;
import com.linli.shared.AdminChange;
import com.linli.shared.InvalidInputException;
import com.linli.shared.NotFoundException;
import com.linli.shared.Page;
import com.linli.shared.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Safety stock and alerts (DESIGN.md section 6). A recomputation looks at every stock row: the average
 * daily sales over the last N days (SALE movements; a central warehouse serves its whole region, so its
 * sales are the region's), the safety stock, the days of cover; and at every batch with an expiry.
 * STOCK_OUT_RISK is raised for central warehouses (grid warehouses cross-dock the day's orders and keep
 * no safety stock), OVERSTOCK and NEAR_EXPIRY for any warehouse. New alerts publish {@link StockLow} or
 * {@link StockExpiring}; overstock and near-expiry alerts get a clearance suggestion; alerts whose
 * condition is gone are resolved.
 */
@Service
@Transactional(readOnly = true)
public class AlertManagement {

	private final Alerts alerts;

	private final ClearanceManagement clearances;

	private final WarehouseManagement network;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AlertManagement(Alerts alerts, ClearanceManagement clearances, WarehouseManagement network,
			ApplicationEventPublisher events, Clock clock) {
		this.alerts = alerts;
		this.clearances = clearances;
		this.network = network;
		this.events = events;
		this.clock = clock;
	}

	/** What a recomputation found: alerts open now, how many of them are new, how many were resolved. */
	public record Recomputed(int open, int raised, int resolved) {
	}

	/** Recomputes every alert; staff asking for it is an audited change, the nightly schedule is not. */
	@Transactional
	public Recomputed recompute(Actor actor) {
		alerts.lockRecompute();
		InventorySettings settings = alerts.settings();
		Instant now = clock.instant();
		LocalDate today = LocalDate.now(clock);
		Instant since = now.minus(Duration.ofDays(settings.salesWindowDays()));
		BigDecimal seasonal = settings.seasonalFactor(today.getMonthValue());
		var sales = alerts.sales(since);
		Map<WarehouseId, Warehouse> warehouses = new HashMap<>();
		Map<RegionId, List<Warehouse>> regions = new HashMap<>();
		Set<Long> open = new HashSet<>();
		int raised = 0;
		for (var row : alerts.stockRows()) {
			Warehouse w = warehouse(warehouses, row.warehouseId());
			if (w == null) {
				continue;
			}
			long sold = w.kind() == WarehouseKind.CENTRAL
					? regions.computeIfAbsent(w.regionId(), network::warehouses).stream()
						.mapToLong(x -> sales.getOrDefault(x.id(), Map.of()).getOrDefault(row.skuId(), 0L)).sum()
					: sales.getOrDefault(w.id(), Map.of()).getOrDefault(row.skuId(), 0L);
			long available = row.available();
			var safety = SafetyStock.of(sold, settings.salesWindowDays(), available, settings.safetyDays(), seasonal);
			if (w.kind() == WarehouseKind.CENTRAL && safety.stockOutRisk(available)) {
				raised += raise(new Alerts.Computed(AlertKind.STOCK_OUT_RISK, w.id(), w.regionId(), row.skuId(), null,
						available, safety.safetyStock(), safety.averageDailySales(), safety.daysOfCover(), null,
						safety.safetyStock() - available), open, now);
			}
			boolean idle = row.oldestBatch() != null && row.oldestBatch().isBefore(since);
			if (safety.overstock(available, settings.overstockDays(), idle)) {
				long keep = safety.averageDailySales().multiply(settings.overstockDays())
					.setScale(0, RoundingMode.CEILING).longValueExact();
				raised += raise(new Alerts.Computed(AlertKind.OVERSTOCK, w.id(), w.regionId(), row.skuId(), null,
						available, safety.safetyStock(), safety.averageDailySales(), safety.daysOfCover(), null,
						Math.max(available - keep, 1)), open, now);
			}
		}
		for (StockBatch b : alerts.expiringBatches()) {
			if (!SafetyStock.nearExpiry(today, b.productionDate(), b.expiresOn(), settings.nearExpiryDays())) {
				continue;
			}
			Warehouse w = warehouse(warehouses, b.warehouseId());
			if (w == null) {
				continue;
			}
			raised += raise(new Alerts.Computed(AlertKind.NEAR_EXPIRY, w.id(), w.regionId(), b.skuId(), b.id(), 0, 0,
					BigDecimal.ZERO, null, b.expiresOn(), b.remaining()), open, now);
		}
		int resolved = alerts.resolveAllBut(open, now);
		if (!actor.isSystem()) {
			events.publishEvent(new AdminChange(actor.actedBy(), "inventory.alerts.recompute", "inventory",
					"open=" + open.size() + " new=" + raised + " resolved=" + resolved));
		}
		return new Recomputed(open.size(), raised, resolved);
	}

	private int raise(Alerts.Computed computed, Set<Long> open, Instant now) {
		var result = alerts.raise(computed, now);
		open.add(result.getKey());
		if (!result.getValue()) {
			return 0;
		}
		StockAlert alert = alerts.find(result.getKey()).orElseThrow();
		switch (alert.kind()) {
			case STOCK_OUT_RISK -> events.publishEvent(
					new StockLow(alert.id(), alert.warehouseId(), alert.skuId(), alert.available(), alert.safetyStock()));
			case NEAR_EXPIRY -> events.publishEvent(new StockExpiring(alert.id(), alert.warehouseId(), alert.skuId(),
					alert.batchId(), alert.expiresOn(), alert.units()));
			case OVERSTOCK -> {
			}
		}
		if (alert.kind() != AlertKind.STOCK_OUT_RISK) {
			clearances.suggest(alert);
		}
		return 1;
	}

	private Warehouse warehouse(Map<WarehouseId, Warehouse> cache, WarehouseId id) {
		return cache.computeIfAbsent(id, w -> {
			try {
				return network.getWarehouse(w);
			}
			catch (NotFoundException e) {
				return null;
			}
		});
	}

	public StockAlert get(long id, Actor actor) {
		StockAlert alert = alerts.find(id).orElseThrow(() -> new NotFoundException("alert", id));
		Scope.checkRegion(alert.regionId(), actor);
		return alert;
	}

	/** Alerts of the caller's regions, open first, newest first. */
	public Page<StockAlert> search(Boolean open, AlertKind kind, WarehouseId warehouse, int page, int size, Actor actor) {
		Set<Long> scope = actor.regions().idsOrNull();
		return alerts.search(open, kind, warehouse, scope, Math.max(page, 0), Page.size(size));
	}

	public Map<SkuId, Set<AlertKind>> openKinds(WarehouseId warehouse) {
		return alerts.openKinds(warehouse);
	}

	public long countOpen(Set<Long> regions) {
		return alerts.countOpen(regions);
	}

	public InventorySettings settings() {
		return alerts.settings();
	}

	/** Changes the settings; checked against the same bounds as the database. */
	@Transactional
	public InventorySettings updateSettings(InventorySettings s, Actor actor) {
		if (s.salesWindowDays() < 1 || s.salesWindowDays() > 90) {
			throw new InvalidInputException("salesWindowDays", Text.of("inventory.problem.between190Days"));
		}
		if (s.safetyDays() == null || s.safetyDays().signum() <= 0 || s.safetyDays().compareTo(BigDecimal.valueOf(60)) > 0
				|| s.safetyDays().scale() > 2) {
			throw new InvalidInputException("safetyDays", Text.of("inventory.problem.above0AtMost60Two"));
		}
		if (s.overstockDays() == null || s.overstockDays().signum() <= 0
				|| s.overstockDays().compareTo(BigDecimal.valueOf(365)) > 0 || s.overstockDays().scale() > 1) {
			throw new InvalidInputException("overstockDays", Text.of("inventory.problem.above0AtMost365One"));
		}
		if (s.nearExpiryDays() < 0 || s.nearExpiryDays() > 60) {
			throw new InvalidInputException("nearExpiryDays", Text.of("inventory.problem.between060Days"));
		}
		var factors = s.seasonalFactors() == null ? Map.<Integer, BigDecimal>of() : s.seasonalFactors();
		factors.forEach((month, factor) -> {
			if (month == null || month < 1 || month > 12) {
				throw new InvalidInputException("seasonalFactors", Text.of("inventory.problem.monthsAre112"));
			}
			if (factor == null || factor.signum() <= 0 || factor.compareTo(BigDecimal.valueOf(5)) > 0 || factor.scale() > 2) {
				throw new InvalidInputException("seasonalFactors." + month,
						Text.of("inventory.problem.factorAbove0AtMost5"));
			}
		});
		alerts.saveSettings(new InventorySettings(s.salesWindowDays(), s.safetyDays(), s.overstockDays(),
				s.nearExpiryDays(), factors), clock.instant());
		events.publishEvent(new AdminChange(actor.actedBy(), "inventory.settings", "inventory", s.toString()));
		return alerts.settings();
	}
}
