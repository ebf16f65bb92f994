package com.linli.logistics.internal.performance.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import com.linli.identity.Actor;
import com.linli.logistics.DeliveryPerformance;
import com.linli.logistics.DeliveryPerformanceManagement;
import com.linli.logistics.FleetManagement;
import com.linli.network.Region;
import com.linli.network.RegionManagement;
import com.linli.network.Warehouse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's delivery performance page: figures, the on-time trend by day, scorecards, the daily report. */
@Controller
class DeliveryPerformancePageController {

	private final DeliveryPerformanceManagement performance;

	private final FleetManagement fleet;

	private final RegionManagement regions;

	private final DeliveryReportExport export;

	private final Clock clock;

	DeliveryPerformancePageController(DeliveryPerformanceManagement performance, FleetManagement fleet,
			RegionManagement regions, DeliveryReportExport export, Clock clock) {
		this.performance = performance;
		this.fleet = fleet;
		this.regions = regions;
		this.export = export;
		this.clock = clock;
	}

	@GetMapping("/console/logistics/performance")
	String page(Actor actor, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) Long gridWarehouseId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
		DeliveryPerformance p = DeliveryPerformanceRestController.of(actor, regionId, gridWarehouseId, from, to, performance,
				clock);
		List<Region> mine = regions.regions().stream().filter(r -> actor.worksIn(r.id().value())).toList();
		List<Warehouse> grids = regionId == null ? List.of() : fleet.gridWarehouses(actor, regionId);
		model.addAttribute("p", p);
		model.addAttribute("regions", mine);
		model.addAttribute("regionId", regionId);
		model.addAttribute("grids", grids);
		model.addAttribute("gridWarehouseId", gridWarehouseId);
		// every day of the range on the trend, a gap where no route left
		var rates = p.days().stream().filter(d -> d.figures().onTimePercent() != null)
			.collect(java.util.stream.Collectors.toMap(d -> d.date(), d -> d.figures().onTimePercent()));
		List<LocalDate> range = p.from().datesUntil(p.to().plusDays(1)).toList();
		model.addAttribute("chartDays", range.stream().map(LocalDate::toString).toList());
		model.addAttribute("chartRates", range.stream().map(d -> rates.get(d)).toList());
		return "logistics/performance-page";
	}

	@GetMapping("/console/logistics/performance.xlsx")
	ResponseEntity<byte[]> excel(Actor actor, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) Long gridWarehouseId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return export.download(DeliveryPerformanceRestController.of(actor, regionId, gridWarehouseId, from, to, performance,
				clock));
	}
}
