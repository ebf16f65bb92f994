package com.linli.logistics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.Instant;

import com.linli.catalog.Sku;
import com.linli.catalog.SkuId;
import com.linli.catalog.SkuManagement;
import com.linli.fulfilment.CutoffManagement;
import com.linli.fulfilment.CutoffRunId;
import com.linli.fulfilment.GridDrop;
import com.linli.identity.Actor;
import com.linli.logistics.internal.RoutePlans;
import com.linli.logistics.internal.warehouse.WaveQueries;
import com.linli.network.WarehouseId;
import com.linli.network.WarehouseManagement;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sorting in the grid warehouse for a ready plan: the pick list by wave, route and stop with the loading order
 * (reverse stop order), the crates to label (one per crate of each stop and zone), and a scanned crate code
 * resolved to its stop. Staff see the plans of their regions only.
 */
@Service
@Transactional(readOnly = true)
public class SortingWaveManagement {

	static final List<String> ZONES = List.of("AMBIENT", "CHILLED", "FROZEN");

	private final RoutePlans plans;

	private final CutoffManagement cutoffs;

	private final SkuManagement catalog;

	private final WarehouseManagement warehouses;

	private final WaveQueries queries;

	SortingWaveManagement(RoutePlans plans, CutoffManagement cutoffs, SkuManagement catalog,
			WarehouseManagement warehouses, WaveQueries queries) {
		this.plans = plans;
		this.cutoffs = cutoffs;
		this.catalog = catalog;
		this.warehouses = warehouses;
		this.queries = queries;
	}

	/** A plan the actor may sort: 404 unknown, 403 in another region, 409 unless READY. */
	public RoutePlan readyPlan(Actor actor, long planId) {
		RoutePlan plan = plans.plan(planId).orElseThrow(() -> new NotFoundException("route plan", planId));
		actor.checkRegion(plan.regionId());
		if (!plan.ready()) {
			throw new BusinessRuleException("plan-not-ready", "planId",
					Text.of("logistics.problem.warehousePlanNotReady", planId, plan.status()));
		}
		return plan;
	}

	/** The waves of a ready plan: routes by departure then number, stops by sequence, each with its pick lines. */
	public SortingWaves waves(Actor actor, long planId) {
		RoutePlan plan = readyPlan(actor, planId);
		Map<Long, List<PickLine>> lines = pickLines(actor, plan);
		Map<Long, String> plates = queries.plates(planId);
		Map<Instant, List<SortingWaves.WaveRoute>> byDeparture = new java.util.TreeMap<>();
		List<PlannedRoute> routes = new ArrayList<>(plans.routes(planId));
		routes.sort(Comparator.comparing(PlannedRoute::departAt).thenComparing(PlannedRoute::routeNo));
		for (PlannedRoute route : routes) {
			List<SortingWaves.WaveStop> stops = plans.stopsOfRoute(route.id()).stream()
				.map(s -> new SortingWaves.WaveStop(s.id(), s.seq(), s.pickupPointId(), s.pickupPointName(), s.address(),
						s.plannedArrival(), s.load(), s.orders(), lines.getOrDefault(s.pickupPointId(), List.of()).stream()
							.map(l -> new SortingWaves.PickLine(l.skuId, l.name, l.unit, l.zone, l.units)).toList()))
				.toList();
			byDeparture.computeIfAbsent(route.departAt(), k -> new ArrayList<>())
				.add(new SortingWaves.WaveRoute(route.id(), route.routeNo(), route.vehicleId(),
						plates.getOrDefault(route.vehicleId(), ""), route.departAt(), route.load(), stops));
		}
		List<SortingWaves.Wave> waves = new ArrayList<>();
		byDeparture.forEach((departAt, r) -> waves.add(new SortingWaves.Wave(waves.size() + 1, departAt, r)));
		return new SortingWaves(plan, warehouses.getWarehouse(new WarehouseId(plan.gridWarehouseId())).name(), waves);
	}

	/** One label per crate of a ready plan (or of one of its routes), by route, stop, zone and crate number. */
	public List<CrateLabel> crates(Actor actor, long planId, Long routeId) {
		RoutePlan plan = readyPlan(actor, planId);
		List<PlannedRoute> routes = plans.routes(planId);
		if (routeId != null && routes.stream().noneMatch(r -> r.id() == routeId)) {
			throw new InvalidInputException("routeId", Text.of("logistics.problem.warehouseRouteNotInPlan", routeId, planId));
		}
		List<CrateLabel> labels = new ArrayList<>();
		for (PlannedRoute route : routes) {
			if (routeId != null && route.id() != routeId) {
				continue;
			}
			for (PlannedStop stop : plans.stopsOfRoute(route.id())) {
				for (String zone : ZONES) {
					int count = crates(stop.load(), zone);
					for (int i = 1; i <= count; i++) {
						labels.add(label(plan, route, stop, zone, i, count));
					}
				}
			}
		}
		return labels;
	}

	/** The crate a scanned code names (400 when it is no crate code, 404 when no such crate exists). */
	public CrateLabel scan(Actor actor, String code) {
		String[] parts = code == null ? new String[0] : code.strip().split(":");
		if (parts.length != 5 || !CrateLabel.PREFIX.equals(parts[0]) || !ZONES.contains(parts[3])) {
			throw new InvalidInputException("code", Text.of("logistics.problem.warehouseCrateCode"));
		}
		long planId;
		long stopId;
		int index;
		try {
			planId = Long.parseLong(parts[1]);
			stopId = Long.parseLong(parts[2]);
			index = Integer.parseInt(parts[4]);
		}
		catch (NumberFormatException e) {
			throw new InvalidInputException("code", Text.of("logistics.problem.warehouseCrateCode"));
		}
		RoutePlan plan = plans.plan(planId).orElseThrow(() -> new NotFoundException("crate", code));
		actor.checkRegion(plan.regionId());
		PlannedStop stop = plans.stop(stopId).filter(s -> s.planId() == planId)
			.orElseThrow(() -> new NotFoundException("crate", code));
		int count = crates(stop.load(), parts[3]);
		if (index < 1 || index > count) {
			throw new NotFoundException("crate", code);
		}
		PlannedRoute route = plans.route(stop.routeId()).orElseThrow();
		return label(plan, route, stop, parts[3], index, count);
	}

	private static CrateLabel label(RoutePlan plan, PlannedRoute route, PlannedStop stop, String zone, int index,
			int count) {
		return new CrateLabel(CrateLabel.code(plan.id(), stop.id(), zone, index), plan.id(), route.id(), route.routeNo(),
				stop.id(), stop.seq(), stop.pickupPointId(), stop.pickupPointName(), stop.address(), zone, index, count,
				plan.pickupDate());
	}

	static int crates(Load load, String zone) {
		return switch (zone) {
			case "AMBIENT" -> load.ambientCrates();
			case "CHILLED" -> load.chilledCrates();
			case "FROZEN" -> load.frozenCrates();
			default -> 0;
		};
	}

	private record PickLine(long skuId, String name, String unit, String zone, long units) {
	}

	/** The run's SKU lines per pickup point of the plan's grid warehouse, zone by zone, then by name. */
	private Map<Long, List<PickLine>> pickLines(Actor actor, RoutePlan plan) {
		List<GridDrop> drops = cutoffs.drops(new CutoffRunId(plan.runId()), new WarehouseId(plan.gridWarehouseId()),
				actor);
		List<SkuId> ids = drops.stream().flatMap(d -> d.skus().stream()).map(GridDrop.SkuUnits::skuId).distinct().toList();
		Map<SkuId, Sku> skus = ids.isEmpty() ? Map.of() : catalog.skus(ids);
		Map<Long, List<PickLine>> byPoint = new HashMap<>();
		for (GridDrop drop : drops) {
			Map<Long, PickLine> lines = new LinkedHashMap<>();
			for (GridDrop.SkuUnits s : drop.skus()) {
				Sku sku = skus.get(s.skuId());
				String zone = sku == null ? "AMBIENT" : sku.storage().name();
				lines.merge(s.skuId().value(), new PickLine(s.skuId().value(), s.skuName() + " " + s.spec(), s.unit(), zone,
						s.units()), (a, b) -> new PickLine(a.skuId, a.name, a.unit, a.zone, a.units + b.units));
			}
			List<PickLine> sorted = new ArrayList<>(lines.values());
			sorted.sort(Comparator.comparing((PickLine l) -> ZONES.indexOf(l.zone)).thenComparing(PickLine::name));
			byPoint.put(drop.pickupPointId().value(), sorted);
		}
		return byPoint;
	}
}
