package com.linli.fulfilment.internal.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.linli.fulfilment.CutoffManagement;
import com.linli.fulfilment.CutoffRun;
import com.linli.fulfilment.CutoffRunId;
import com.linli.fulfilment.CutoffRunSearch;
import com.linli.fulfilment.CutoffStatus;
import com.linli.fulfilment.DeliveryManagement;
import com.linli.fulfilment.Dispatch;
import com.linli.fulfilment.EarlyCutoff;
import com.linli.fulfilment.GoodsMissing;
import com.linli.fulfilment.SkuDemand;
import com.linli.fulfilment.internal.SortingLists;
import com.linli.fulfilment.internal.SortingLists.GridTotal;
import com.linli.fulfilment.internal.SortingLists.PickList;
import com.linli.fulfilment.internal.SortingLists.PointList;
import com.linli.fulfilment.internal.SortingLists.PointTotal;
import com.linli.identity.Actor;
import com.linli.network.RegionId;
import com.linli.network.WarehouseId;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Text;
import com.linli.shared.Page;
import com.linli.shared.web.ProblemDetailsAdvice;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cutoff runs for staff of the run's region: start one (it works in the background: poll the run
 * until COMPLETED), its demand per SKU, its sorting lists as JSON, Excel or PDF, and the dispatch of
 * a grid warehouse's truck. Starting a completed run again confirms orders paid since and adds their
 * lines; every line already written stays as it was.
 */
@RestController
@RequestMapping("/api/cutoff-runs")
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
@Tag(name = "cutoff", description = "Cutoff runs (截单), sorting lists (分拣单), dispatch (发车)")
class CutoffRunRestController {

	private final CutoffManagement cutoffs;

	private final DeliveryManagement deliveries;

	private final SortingLists lists;

	private final FulfilmentViews views;

	CutoffRunRestController(CutoffManagement cutoffs, DeliveryManagement deliveries, SortingLists lists,
			FulfilmentViews views) {
		this.cutoffs = cutoffs;
		this.deliveries = deliveries;
		this.lists = lists;
		this.views = views;
	}

	@GetMapping
	@Operation(summary = "Cutoff runs of the caller's regions, latest pickup date first")
	Page<RunView> search(@RequestParam(required = false) Long regionId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) CutoffStatus status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, Actor actor) {
		var found = cutoffs.search(new CutoffRunSearch(regionId == null ? null : new RegionId(regionId), from, to, status),
				page, size, actor);
		return new Page<>(found.items().stream().map(RunView::of).toList(), found.total(), found.page(), found.size());
	}

	@PostMapping
	@Operation(summary = "Run the cutoff of a region and pickup date now (or resume it, or pick up orders paid "
			+ "since it completed); answers 202 with the run, which works in the background. Before the listings' "
			+ "cutoff it answers 409 (code cutoff-early, with unpaidOrders, unpaidResidents, paidOrders and "
			+ "listingsCutoffAt) unless early is true: an early cutoff cancels the unpaid orders and tells their residents")
	ResponseEntity<RunView> start(@Valid @RequestBody StartRun request, Actor actor) {
		CutoffRun run = cutoffs.start(new RegionId(request.regionId()), request.pickupDate(),
				Boolean.TRUE.equals(request.early()), actor);
		return ResponseEntity.accepted().location(URI.create("/api/cutoff-runs/" + run.id())).body(RunView.of(run));
	}

	/** The refusal of an unconfirmed early cutoff, with what the cutoff would do. */
	@ExceptionHandler(EarlyCutoff.class)
	ProblemDetail early(EarlyCutoff e) {
		ProblemDetail problem = ProblemDetailsAdvice.problemOf(e);
		var outlook = e.outlook();
		problem.setProperty("unpaidOrders", outlook.unpaidOrders());
		problem.setProperty("unpaidResidents", outlook.unpaidResidents());
		problem.setProperty("paidOrders", outlook.paidOrders());
		problem.setProperty("listingsCutoffAt", outlook.listingsCutoffAt());
		return problem;
	}

	@GetMapping("/{id}")
	@Operation(summary = "A run with its progress (percent) and, once completed, its totals")
	RunView get(@PathVariable long id, Actor actor) {
		return RunView.of(cutoffs.get(new CutoffRunId(id), actor));
	}

	@GetMapping("/{id}/demand")
	@Operation(summary = "Units per SKU: what supply has to buy for the region and pickup date")
	List<DemandView> demand(@PathVariable long id, Actor actor) {
		return cutoffs.demand(views.completedRun(id, actor).id(), actor).stream().map(DemandView::of).toList();
	}

	@GetMapping("/{id}/demand.xlsx")
	ResponseEntity<byte[]> demandFile(@PathVariable long id, Actor actor) {
		return views.demandFile(views.completedRun(id, actor), actor);
	}

	@GetMapping("/{id}/grid-warehouses")
	@Operation(summary = "The run's grid warehouses with their totals")
	List<GridTotal> grids(@PathVariable long id, Actor actor) {
		return lists.grids(views.completedRun(id, actor).id());
	}

	@GetMapping("/{id}/grid-warehouses/{gridWarehouseId}/pick-list")
	@Operation(summary = "Pick by product for a grid warehouse: per SKU, its total and its units per pickup point")
	PickList pickList(@PathVariable long id, @PathVariable long gridWarehouseId, Actor actor) {
		return views.pickList(views.completedRun(id, actor), gridWarehouseId);
	}

	@GetMapping("/{id}/grid-warehouses/{gridWarehouseId}/pick-list.{format:xlsx|pdf}")
	@Operation(summary = "The pick-by-product list as an Excel workbook or a printable PDF")
	ResponseEntity<byte[]> pickListFile(@PathVariable long id, @PathVariable long gridWarehouseId,
			@PathVariable String format, Actor actor) {
		CutoffRun run = views.completedRun(id, actor);
		return views.pickListFile(run, views.pickList(run, gridWarehouseId), format);
	}

	@PostMapping("/{id}/grid-warehouses/{gridWarehouseId}/dispatch")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "The truck left the grid warehouse (发车): its pickup points' confirmed orders become SHIPPED. "
			+ "When the goods are not all at the central or grid warehouse it answers 409 (code goods-missing, with "
			+ "missing: SKU and units) unless override is true with a reason; then only what is there moves")
	DispatchView dispatch(@PathVariable long id, @PathVariable long gridWarehouseId,
			@Valid @RequestBody(required = false) DispatchRequest request, Actor actor) {
		String reason = null;
		if (request != null && Boolean.TRUE.equals(request.override())) {
			if (request.reason() == null || request.reason().isBlank()) {
				throw new InvalidInputException("reason", Text.of("fulfilment.problem.overrideNeedsReason"));
			}
			reason = request.reason();
		}
		return DispatchView.of(deliveries.dispatch(new CutoffRunId(id), new WarehouseId(gridWarehouseId), reason, actor));
	}

	/** The refusal of a truck whose goods are not all there, with the units missing per SKU. */
	@ExceptionHandler(GoodsMissing.class)
	ProblemDetail goodsMissing(GoodsMissing e) {
		ProblemDetail problem = ProblemDetailsAdvice.problemOf(e);
		problem.setProperty("missing", e.missing());
		problem.setProperty("missingUnits", e.units());
		return problem;
	}

	@GetMapping("/{id}/pickup-points")
	@Operation(summary = "The run's pickup points with their totals, by grid warehouse and name")
	Page<PointTotal> points(@PathVariable long id, @RequestParam(required = false) Long gridWarehouseId,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, Actor actor) {
		return lists.points(views.completedRun(id, actor).id(), gridWarehouseId, q, Math.max(page, 0), Page.size(size));
	}

	@GetMapping("/{id}/pickup-points/{pickupPointId}/sorting-list")
	@Operation(summary = "A pickup point's sorting list: products to check, then each order with code and lines")
	PointList pointList(@PathVariable long id, @PathVariable long pickupPointId, Actor actor) {
		return views.pointList(views.completedRun(id, actor), pickupPointId);
	}

	@GetMapping("/{id}/pickup-points/{pickupPointId}/sorting-list.{format:xlsx|pdf}")
	@Operation(summary = "A pickup point's sorting list as an Excel workbook or a printable PDF")
	ResponseEntity<byte[]> pointListFile(@PathVariable long id, @PathVariable long pickupPointId,
			@PathVariable String format, Actor actor) {
		CutoffRun run = views.completedRun(id, actor);
		return views.pointListFile(run, views.pointList(run, pickupPointId), format);
	}

	record DemandView(long skuId, String skuName, String spec, String unit, int lines, long units) {

		static DemandView of(SkuDemand d) {
			return new DemandView(d.skuId().value(), d.skuName(), d.spec(), d.unit(), d.lines(), d.units());
		}
	}

	record DispatchView(long id, long runId, long gridWarehouseId, Long dispatchedBy, Instant dispatchedAt,
			int pickupPoints, int ordersShipped, String overrideReason, long missingUnits) {

		static DispatchView of(Dispatch d) {
			return new DispatchView(d.id(), d.runId().value(), d.gridWarehouseId().value(),
					d.dispatchedBy() == null ? null : d.dispatchedBy().value(), d.dispatchedAt(), d.pickupPoints(),
					d.ordersShipped(), d.overrideReason(), d.missingUnits());
		}
	}

	/** {@code override}: send the truck although goods are missing, saying why in {@code reason}. */
	record DispatchRequest(Boolean override, @Size(max = 200) String reason) {
	}

	/** {@code early}: start it even before the listings' cutoff (the unpaid orders are cancelled). */
	record StartRun(@NotNull Long regionId, @NotNull LocalDate pickupDate, Boolean early) {
	}

	record RunView(long id, long regionId, LocalDate pickupDate, CutoffStatus status, Long startedBy,
			Instant startedAt, Instant updatedAt, Instant finishedAt, int attempts, int ordersConfirmed,
			int pointsExpected, int pointsDone, int orders, long lines, long units, int pickupPoints, int gridWarehouses,
			int progressPercent, Long lastPickupPointId, String lastError) {

		static RunView of(CutoffRun r) {
			return new RunView(r.id().value(), r.regionId().value(), r.pickupDate(), r.status(),
					r.startedBy() == null ? null : r.startedBy().value(), r.startedAt(), r.updatedAt(),
					r.isCompleted() ? r.finishedAt() : null, r.attempts(), r.ordersConfirmed(), r.pointsExpected(), r.pointsDone(),
					r.orders(), r.lines(), r.units(), r.pickupPoints(), r.gridWarehouses(), r.progressPercent(),
					r.lastPickupPointId() == null ? null : r.lastPickupPointId().value(), r.lastError());
		}
	}
}
