package com.linli.fulfilment.internal.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.linli.fulfilment.CutoffManagement;
import com.linli.fulfilment.CutoffRun;
import com.linli.fulfilment.CutoffRunId;
import com.linli.fulfilment.CutoffRunSearch;
import com.linli.fulfilment.CutoffStatus;
import com.linli.fulfilment.DeliveryManagement;
import com.linli.fulfilment.ReceiptPhotoManagement;
import com.linli.fulfilment.Dispatch;
import com.linli.fulfilment.EarlyCutoff;
import com.linli.fulfilment.GoodsMissing;
import com.linli.fulfilment.internal.Deliveries;
import com.linli.fulfilment.internal.SortingLists;
import com.linli.identity.Actor;
import com.linli.identity.CurrentUser;
import com.linli.network.RegionManagement;
import com.linli.network.Region;
import com.linli.network.RegionId;
import com.linli.network.WarehouseId;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Page;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's cutoff runs: the list with a "run cutoff now" form and live progress, a run's results
 * (demand, grid warehouses with dispatch, pickup points), the sorting lists and their downloads.
 */
@Controller
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
class CutoffRunPageController {

	static final int PAGE_SIZE = 20;

	static final int POINTS_PAGE_SIZE = 50;

	private final CutoffManagement cutoffs;

	private final DeliveryManagement deliveries;

	private final SortingLists lists;

	private final Deliveries records;

	private final RegionManagement network;

	private final FulfilmentViews views;

	private final Clock clock;

	private final ReceiptPhotoManagement photos;

	CutoffRunPageController(CutoffManagement cutoffs, DeliveryManagement deliveries, SortingLists lists,
			Deliveries records, RegionManagement network, FulfilmentViews views, Clock clock,
			ReceiptPhotoManagement photos) {
		this.photos = photos;
		this.cutoffs = cutoffs;
		this.deliveries = deliveries;
		this.lists = lists;
		this.records = records;
		this.network = network;
		this.views = views;
		this.clock = clock;
	}

	@GetMapping("/console/cutoff-runs")
	String list(@RequestParam(required = false) Long regionId, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) CutoffStatus status,
			@RequestParam(defaultValue = "0") int page, @RequestHeader(value = "HX-Request", required = false) String htmx,
			Model model, Actor actor) {
		Map<String, String> errors = new HashMap<>();
		LocalDate fromDate = date("from", from, errors);
		LocalDate toDate = date("to", to, errors);
		if (regionId != null) {
			actor.checkManagesRegion(regionId);
		}
		Page<CutoffRun> result = cutoffs.search(new CutoffRunSearch(regionId == null ? null : new RegionId(regionId),
				fromDate, toDate, status), Math.max(page, 0), PAGE_SIZE, actor);
		model.addAttribute("result", result);
		model.addAttribute("running", result.items().stream().anyMatch(r -> !r.isCompleted() && !r.isInterrupted()));
		model.addAttribute("regionNames", regionNames());
		model.addAttribute("regionId", regionId);
		model.addAttribute("from", fromDate);
		model.addAttribute("to", toDate);
		model.addAttribute("status", status);
		model.addAttribute("statuses", CutoffStatus.values());
		model.addAttribute("filterErrors", errors);
		if (htmx != null) {
			return "fulfilment/cutoff-runs :: rows";
		}
		if (!model.containsAttribute("runForm")) {
			List<Region> mine = myRegions();
			// boxed on both sides: a primitive branch would unbox a null regionId (admin, several regions)
			Long region = mine.size() == 1 ? Long.valueOf(mine.get(0).id().value()) : regionId;
			LocalDate tomorrow = LocalDate.now(clock.withZone(mine.isEmpty() ? clock.getZone() : mine.get(0).zone()))
				.plusDays(1);
			model.addAttribute("runForm", new RunForm(region, tomorrow.toString()));
		}
		model.addAttribute("regions", myRegions());
		return "fulfilment/cutoff-runs";
	}

	@PostMapping("/console/cutoff-runs")
	String start(@RequestParam(required = false) Long regionId, @RequestParam(required = false) String pickupDate,
			@RequestParam(defaultValue = "false") boolean early, RedirectAttributes redirect, Actor actor) {
		Map<String, String> errors = new HashMap<>();
		LocalDate date = date("pickupDate", pickupDate, errors);
		if (date == null && !errors.containsKey("pickupDate")) {
			errors.put("pickupDate", "required");
		}
		if (regionId == null) {
			errors.put("regionId", "required");
		}
		if (errors.isEmpty()) {
			try {
				CutoffRun run = cutoffs.start(new RegionId(regionId), date, early, actor);
				redirect.addFlashAttribute("notice", "started");
				return "redirect:/console/cutoff-runs/" + run.id();
			}
			catch (EarlyCutoff e) {
				// before the listings' cutoff: the form comes back with what an early cutoff would do, to confirm
				redirect.addFlashAttribute("early", e.outlook());
				redirect.addFlashAttribute("earlyRegion", network.getRegion(new RegionId(regionId)).name());
			}
			catch (InvalidInputException e) {
				errors.put(e.field(), e.getMessage());
			}
			catch (BusinessRuleException e) {
				redirect.addFlashAttribute("failure", e.getMessage());
			}
		}
		redirect.addFlashAttribute("runForm", new RunForm(regionId, pickupDate));
		redirect.addFlashAttribute("runErrors", errors);
		return "redirect:/console/cutoff-runs";
	}

	@GetMapping("/console/cutoff-runs/{id}")
	String run(@PathVariable long id, @RequestParam(required = false) Long gridWarehouseId,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model, Actor actor) {
		CutoffRun run = cutoffs.get(new CutoffRunId(id), actor);
		model.addAttribute("run", run);
		model.addAttribute("region", views.region(run));
		if (run.isCompleted()) {
			model.addAttribute("demand", cutoffs.demand(run.id(), actor));
			model.addAttribute("grids", lists.grids(run.id()));
			Map<Long, Dispatch> latest = new HashMap<>();
			deliveries.dispatches(run.id(), actor).forEach(d -> latest.putIfAbsent(d.gridWarehouseId().value(), d));
			model.addAttribute("dispatches", latest);
			model.addAttribute("points", lists.points(run.id(), gridWarehouseId, q, Math.max(page, 0), POINTS_PAGE_SIZE));
			Map<Long, Object> receipts = new HashMap<>();
			List<Long> receiptIds = new java.util.ArrayList<>();
			records.latestReceipts(run.id(), run.pickupDate()).forEach((point, r) -> {
				receipts.put(point.value(), r);
				receiptIds.add(r.id());
			});
			model.addAttribute("receipts", receipts);
			model.addAttribute("photoReceipts", photos.withPhoto(receiptIds));
			model.addAttribute("gridWarehouseId", gridWarehouseId);
			model.addAttribute("q", q);
		}
		return "fulfilment/cutoff-run";
	}

	/** The progress bar, polled every second while the run works; a completed run reloads the page. */
	@GetMapping("/console/cutoff-runs/{id}/progress")
	Object progress(@PathVariable long id, Model model, Actor actor) {
		CutoffRun run = cutoffs.get(new CutoffRunId(id), actor);
		if (run.isCompleted()) {
			return ResponseEntity.noContent().header("HX-Refresh", "true").build();
		}
		model.addAttribute("run", run);
		return "fulfilment/cutoff-run :: progress";
	}

	@PostMapping("/console/cutoff-runs/{id}/grid-warehouses/{gridWarehouseId}/dispatch")
	String dispatch(@PathVariable long id, @PathVariable long gridWarehouseId,
			@RequestParam(defaultValue = "false") boolean override, @RequestParam(required = false) String reason,
			RedirectAttributes redirect, Actor actor) {
		try {
			if (override && (reason == null || reason.isBlank())) {
				throw new InvalidInputException("reason", "reason");
			}
			var dispatch = deliveries.dispatch(new CutoffRunId(id), new WarehouseId(gridWarehouseId),
					override ? reason : null, actor);
			redirect.addFlashAttribute("notice", "dispatched");
			redirect.addFlashAttribute("noticeCount", dispatch.ordersShipped());
		}
		catch (GoodsMissing e) {
			// the goods are not there: the page asks again, with what is missing and a reason to override
			redirect.addFlashAttribute("goodsMissing", e.missing());
			redirect.addFlashAttribute("goodsMissingGrid", gridWarehouseId);
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("failure", e.getMessage());
			redirect.addFlashAttribute("goodsMissingGrid", gridWarehouseId);
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("failure", e.getMessage());
		}
		return "redirect:/console/cutoff-runs/" + id;
	}

	@GetMapping("/console/cutoff-runs/{id}/grid-warehouses/{gridWarehouseId}")
	String pickList(@PathVariable long id, @PathVariable long gridWarehouseId, Model model, Actor actor) {
		CutoffRun run = views.completedRun(id, actor);
		model.addAttribute("run", run);
		model.addAttribute("region", views.region(run));
		model.addAttribute("list", views.pickList(run, gridWarehouseId));
		return "fulfilment/pick-list";
	}

	@GetMapping("/console/cutoff-runs/{id}/pickup-points/{pickupPointId}")
	String pointList(@PathVariable long id, @PathVariable long pickupPointId, Model model, Actor actor) {
		CutoffRun run = views.completedRun(id, actor);
		model.addAttribute("run", run);
		model.addAttribute("region", views.region(run));
		model.addAttribute("list", views.pointList(run, pickupPointId));
		return "fulfilment/sorting-list";
	}

	@GetMapping("/console/cutoff-runs/{id}/grid-warehouses/{gridWarehouseId}/pick-list.{format:xlsx|pdf}")
	ResponseEntity<byte[]> pickListFile(@PathVariable long id, @PathVariable long gridWarehouseId,
			@PathVariable String format, Actor actor) {
		CutoffRun run = views.completedRun(id, actor);
		return views.pickListFile(run, views.pickList(run, gridWarehouseId), format);
	}

	@GetMapping("/console/cutoff-runs/{id}/pickup-points/{pickupPointId}/sorting-list.{format:xlsx|pdf}")
	ResponseEntity<byte[]> pointListFile(@PathVariable long id, @PathVariable long pickupPointId,
			@PathVariable String format, Actor actor) {
		CutoffRun run = views.completedRun(id, actor);
		return views.pointListFile(run, views.pointList(run, pickupPointId), format);
	}

	@GetMapping("/console/cutoff-runs/{id}/demand.xlsx")
	ResponseEntity<byte[]> demandFile(@PathVariable long id, Actor actor) {
		return views.demandFile(views.completedRun(id, actor), actor);
	}

	/** The "run cutoff now" form as typed, to show again with its errors. */
	record RunForm(Long regionId, String pickupDate) {
	}

	private List<Region> myRegions() {
		var me = CurrentUser.require();
		return network.regions().stream().filter(r -> r.active() && me.managesRegion(r.id().value())).toList();
	}

	private Map<Long, String> regionNames() {
		Map<Long, String> names = new HashMap<>();
		network.regions().forEach(r -> names.put(r.id().value(), r.name()));
		return names;
	}

	private static LocalDate date(String field, String text, Map<String, String> errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.trim());
		}
		catch (DateTimeParseException e) {
			errors.put(field, "format");
			return null;
		}
	}
}
