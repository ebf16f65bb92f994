package com.linli.logistics.internal.warehouse.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import com.linli.identity.Actor;
import com.linli.logistics.CrateLabel;
import com.linli.logistics.Load;
import com.linli.logistics.SortingWaveManagement;
import com.linli.logistics.SortingWaves;
import com.linli.logistics.TransferLine;
import com.linli.logistics.TransferManagement;
import com.linli.logistics.TransferPlan;
import com.linli.logistics.internal.warehouse.CrateLabelDocuments;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The grid warehouse's morning for staff: a run's central -> grid transfer (read and execute), a plan's sorting
 * waves, its crate labels as a PDF, and a scanned crate code resolved to its stop.
 */
@RestController
@RequestMapping("/api/admin/logistics")
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR', 'WAREHOUSE_STAFF')")
@Tag(name = "logistics-warehouse", description = "Central -> grid transfers (调拨), sorting waves (分拣波次) and crate labels")
class SortingWavesRestController {

	private final TransferManagement transfers;

	private final SortingWaveManagement waves;

	private final CrateLabelDocuments documents;

	SortingWavesRestController(TransferManagement transfers, SortingWaveManagement waves, CrateLabelDocuments documents) {
		this.transfers = transfers;
		this.waves = waves;
		this.documents = documents;
	}

	/** One SKU of a transfer. */
	record TransferLineView(long skuId, String skuName, String unit, long needed, long atGrid, long atCentral,
			long planned, long moved, long movedNow, long shortUnits, boolean executed) {

		static TransferLineView of(TransferLine l) {
			return new TransferLineView(l.skuId(), l.skuName(), l.unit(), l.needed(), l.atGrid(), l.atCentral(),
					l.planned(), l.moved(), l.movedNow(), l.shortUnits(), l.recorded());
		}
	}

	/** A run's transfer to a grid warehouse with its totals. */
	record TransferView(long runId, long regionId, LocalDate pickupDate, long gridWarehouseId, String gridWarehouseName,
			Long centralWarehouseId, String centralWarehouseName, boolean runCompleted, boolean executed,
			long plannedUnits, long movedUnits, long movedNowUnits, long shortUnits, List<TransferLineView> lines) {

		static TransferView of(TransferPlan p) {
			return new TransferView(p.runId(), p.regionId(), p.pickupDate(), p.gridWarehouseId(), p.gridWarehouseName(),
					p.centralWarehouseId(), p.centralWarehouseName(), p.runCompleted(), p.executed(), p.plannedUnits(),
					p.movedUnits(), p.movedNowUnits(), p.shortUnits(), p.lines().stream().map(TransferLineView::of).toList());
		}
	}

	@GetMapping("/cutoff-runs/{cutoffRunId}/grid-warehouses/{gridWarehouseId}/transfer")
	@Operation(summary = "A run's central -> grid transfer plan: per SKU needed, at the grid, at central, planned and moved")
	TransferView transfer(Actor actor, @PathVariable long cutoffRunId, @PathVariable long gridWarehouseId) {
		return TransferView.of(transfers.plan(actor, cutoffRunId, gridWarehouseId));
	}

	@PostMapping("/cutoff-runs/{cutoffRunId}/grid-warehouses/{gridWarehouseId}/transfer")
	@Operation(summary = "Executes a completed run's transfer: stock movements central -> grid, once per SKU (a rerun "
			+ "moves only what central still owes; a SKU short at central moves partially)")
	TransferView execute(Actor actor, @PathVariable long cutoffRunId, @PathVariable long gridWarehouseId) {
		return TransferView.of(transfers.execute(actor, cutoffRunId, gridWarehouseId));
	}

	/** A stop as the pick list shows it. */
	record StopView(long stopId, int seq, long pickupPointId, String pickupPointName, String address,
			Instant plannedArrival, Load crates, int orders, List<SortingWaves.PickLine> lines) {

		static StopView of(SortingWaves.WaveStop s) {
			return new StopView(s.stopId(), s.seq(), s.pickupPointId(), s.pickupPointName(), s.address(),
					s.plannedArrival(), s.load(), s.orders(), s.lines());
		}
	}

	/** A route of a wave: stops in delivery order, and the stop ids in loading order (the last stop first). */
	record RouteView(long routeId, int routeNo, long vehicleId, String vehiclePlate, Instant departAt, Load crates,
			List<StopView> stops, List<Long> loadingOrder) {
	}

	record WaveView(int waveNo, Instant departAt, List<RouteView> routes) {
	}

	record WavesView(long planId, long runId, long gridWarehouseId, String gridWarehouseName, LocalDate pickupDate,
			List<WaveView> waves) {
	}

	@GetMapping("/plans/{id}/waves")
	@Operation(summary = "A ready plan's sorting waves: per route the stops in order with the SKUs to pick and crates "
			+ "per zone, and the loading order (reverse stop order)")
	WavesView waves(Actor actor, @PathVariable long id) {
		SortingWaves w = waves.waves(actor, id);
		return new WavesView(w.plan().id(), w.plan().runId(), w.plan().gridWarehouseId(), w.gridWarehouseName(),
				w.plan().pickupDate(), w.waves().stream().map(wave -> new WaveView(wave.waveNo(), wave.departAt(),
						wave.routes().stream().map(r -> new RouteView(r.routeId(), r.routeNo(), r.vehicleId(), r.vehiclePlate(),
								r.departAt(), r.load(), r.stops().stream().map(StopView::of).toList(),
								r.loadingOrder().stream().map(SortingWaves.WaveStop::stopId).toList())).toList()))
					.toList());
	}

	@GetMapping("/plans/{id}/labels.pdf")
	@Operation(summary = "A ready plan's crate labels (one 100 × 70 mm page per crate, with a QR code), optionally of one route")
	ResponseEntity<byte[]> labels(Actor actor, @PathVariable long id, @RequestParam(required = false) Long routeId,
			Locale locale) {
		byte[] pdf = documents.pdf(waves.crates(actor, id, routeId), locale);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
				.filename("crate-labels-" + id + (routeId == null ? "" : "-route-" + routeId) + ".pdf").build().toString())
			.contentType(MediaType.APPLICATION_PDF)
			.contentLength(pdf.length)
			.body(pdf);
	}

	@GetMapping("/crates")
	@Operation(summary = "Resolves a scanned crate code (LLC:<planId>:<stopId>:<zone>:<i>) to its route and stop")
	CrateLabel scan(Actor actor, @RequestParam(required = false) String code) {
		return waves.scan(actor, code);
	}
}
