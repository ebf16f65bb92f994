package com.linli.logistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.linli.identity.Account;
import com.linli.identity.AccountId;
import com.linli.identity.AccountManagement;
import com.linli.identity.Actor;
import com.linli.logistics.DeliveryPerformance.DayReport;
import com.linli.logistics.DeliveryPerformance.DriverScorecard;
import com.linli.logistics.DeliveryPerformance.LateStop;
import com.linli.logistics.DeliveryPerformance.RouteFigures;
import com.linli.logistics.DeliveryPerformance.WarehouseFigures;
import com.linli.logistics.internal.performance.FiguresBuilder;
import com.linli.logistics.internal.performance.DeliveryQueries;
import com.linli.logistics.internal.performance.DeliveryQueries.RouteRow;
import com.linli.logistics.internal.performance.DeliveryQueries.StopRow;
import com.linli.network.Warehouse;
import com.linli.network.WarehouseId;
import com.linli.network.WarehouseManagement;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Text;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivery performance (issue 14): on-time rates per route, driver and grid warehouse, cost per crate and per
 * order, driver scorecards and a daily report, over the mornings of a date range, from the stored routes.
 */
@Service
@Transactional(readOnly = true)
public class DeliveryPerformanceManagement {

	/** The longest range one report covers. */
	static final int MAX_DAYS = 366;

	private final DeliveryQueries queries;

	private final WarehouseManagement warehouses;

	private final AccountManagement accounts;

	DeliveryPerformanceManagement(DeliveryQueries queries, WarehouseManagement warehouses, AccountManagement accounts) {
		this.queries = queries;
		this.warehouses = warehouses;
		this.accounts = accounts;
	}

	/**
	 * The figures of the mornings from {@code from} to {@code to} (pickup dates, inclusive) of one grid warehouse,
	 * or of one region, or of every region the actor works in.
	 */
	public DeliveryPerformance performance(Actor actor, Long regionId, Long gridWarehouseId, LocalDate from, LocalDate to) {
		Set<Long> regions;
		if (gridWarehouseId != null) {
			Warehouse grid = warehouses.getWarehouse(new WarehouseId(gridWarehouseId));
			actor.checkRegion(grid.regionId().value());
			if (regionId != null && regionId != grid.regionId().value()) {
				throw new InvalidInputException("gridWarehouseId", Text.of("logistics.problem.fleetWarehouseOtherRegion"));
			}
			regions = Set.of(grid.regionId().value());
		}
		else {
			regions = actor.regionFilter(regionId).idsOrNull();
		}
		if (from == null) {
			throw new InvalidInputException("from", Text.of("logistics.problem.fleetRequired"));
		}
		if (to == null) {
			throw new InvalidInputException("to", Text.of("logistics.problem.fleetRequired"));
		}
		if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
			throw new InvalidInputException("to", Text.of("logistics.problem.performanceRange", MAX_DAYS));
		}
		List<RouteRow> routes = queries.routes(from, to, regions, gridWarehouseId);
		Map<Long, List<StopRow>> stops = queries.stops(routes.stream().map(RouteRow::routeId).toList()).stream()
			.collect(Collectors.groupingBy(StopRow::routeId));
		Map<Long, String> driverNames = accounts.getAll(routes.stream().map(RouteRow::driverAccountId)
			.filter(Objects::nonNull).distinct().map(AccountId::new).toList()).stream()
			.collect(Collectors.toMap(a -> a.id().value(), Account::displayName));

		FiguresBuilder total = new FiguresBuilder();
		List<RouteFigures> perRoute = new ArrayList<>();
		Map<Long, FiguresBuilder> perDriver = new LinkedHashMap<>();
		Map<Long, FiguresBuilder> perGrid = new LinkedHashMap<>();
		Map<LocalDate, FiguresBuilder> perDay = new TreeMap<>();
		Map<LocalDate, List<LateStop>> lateByDay = new HashMap<>();
		for (RouteRow r : routes) {
			List<FiguresBuilder> sinks = new ArrayList<>(List.of(total,
					perDriver.computeIfAbsent(r.driverAccountId() == null ? -1L : r.driverAccountId(), k -> new FiguresBuilder()),
					perGrid.computeIfAbsent(r.gridWarehouseId(), k -> new FiguresBuilder()),
					perDay.computeIfAbsent(r.date(), k -> new FiguresBuilder())));
			FiguresBuilder own = new FiguresBuilder();
			sinks.add(own);
			sinks.forEach(s -> s.route(r));
			for (StopRow s : stops.getOrDefault(r.routeId(), List.of())) {
				sinks.forEach(b -> b.stop(s));
				boolean skipped = s.status() == StopStatus.SKIPPED;
				if (skipped || (s.arrivedAt() != null && s.arrivedAt().isAfter(s.windowEnd()))) {
					lateByDay.computeIfAbsent(r.date(), k -> new ArrayList<>()).add(new LateStop(s.stopId(), r.routeId(),
							r.routeNo(), r.plate(), s.pickupPointName(), s.windowEnd(), s.arrivedAt(),
							skipped ? null : FiguresBuilder.lateMinutes(s), skipped));
				}
			}
			perRoute.add(new RouteFigures(r.routeId(), r.planId(), r.date(), r.gridWarehouseId(), r.routeNo(), r.vehicleId(),
					r.plate(), r.driverAccountId(), r.driverAccountId() == null ? null : driverNames.get(r.driverAccountId()),
					r.status(), own.build()));
		}
		List<DriverScorecard> drivers = perDriver.entrySet().stream()
			.map(e -> new DriverScorecard(e.getKey() < 0 ? null : e.getKey(), e.getKey() < 0 ? null : driverNames.get(e.getKey()),
					e.getValue().build()))
			.sorted(Comparator.comparing((DriverScorecard d) -> d.name() == null ? "" : d.name()))
			.toList();
		List<WarehouseFigures> grids = perGrid.entrySet().stream()
			.map(e -> new WarehouseFigures(e.getKey(), warehouses.getWarehouse(new WarehouseId(e.getKey())).name(),
					e.getValue().build()))
			.toList();
		List<DayReport> days = perDay.entrySet().stream()
			.map(e -> new DayReport(e.getKey(), e.getValue().build(), lateByDay.getOrDefault(e.getKey(), List.of())))
			.toList();
		return new DeliveryPerformance(from, to, total.build(), perRoute, drivers, grids, days);
	}
}
