package com.linli.logistics.internal.warehouse.web;

import java.util.Locale;

import com.linli.identity.Actor;
import com.linli.logistics.SortingWaveManagement;
import com.linli.logistics.SortingWaves;
import com.linli.logistics.TransferManagement;
import com.linli.logistics.internal.warehouse.CrateLabelDocuments;
import com.linli.logistics.internal.warehouse.WaveQueries;
import com.linli.shared.BusinessRuleException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The sorting waves page of a ready plan (operators in the console, warehouse staff at /warehouse): the run's
 * central -> grid transfer with its execute button, the pick list by wave, route and stop, the loading order,
 * and the crate labels PDF. Without a plan it lists the ready plans of the user's regions. Printable as is.
 */
@Controller
@RequestMapping({ "/console/logistics/waves", "/warehouse/logistics/waves" })
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR', 'WAREHOUSE_STAFF')")
class SortingWavesPageController {

	private final SortingWaveManagement waves;

	private final TransferManagement transfers;

	private final WaveQueries queries;

	private final CrateLabelDocuments documents;

	SortingWavesPageController(SortingWaveManagement waves, TransferManagement transfers, WaveQueries queries,
			CrateLabelDocuments documents) {
		this.waves = waves;
		this.transfers = transfers;
		this.queries = queries;
		this.documents = documents;
	}

	@ModelAttribute("base")
	String base(HttpServletRequest request) {
		return request.getRequestURI().startsWith("/warehouse") ? "/warehouse/logistics/waves" : "/console/logistics/waves";
	}

	@GetMapping
	String page(@RequestParam(required = false) Long planId, Model model, Actor actor) {
		if (planId == null) {
			model.addAttribute("plans", queries.readyPlans(actor.regions()::includes, 50));
			return "logistics/warehouse-waves";
		}
		SortingWaves w = waves.waves(actor, planId);
		model.addAttribute("waves", w);
		model.addAttribute("transfer", transfers.plan(actor, w.plan().runId(), w.plan().gridWarehouseId()));
		return "logistics/warehouse-waves";
	}

	/** The crate labels of the plan (or one route) for the browser to show and print. */
	@GetMapping("/labels.pdf")
	ResponseEntity<byte[]> labels(@RequestParam long planId, @RequestParam(required = false) Long routeId,
			Locale locale, Actor actor) {
		byte[] pdf = documents.pdf(waves.crates(actor, planId, routeId), locale);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
				.filename("crate-labels-" + planId + (routeId == null ? "" : "-route-" + routeId) + ".pdf").build().toString())
			.contentType(MediaType.APPLICATION_PDF)
			.body(pdf);
	}

	@PostMapping("/transfer")
	String execute(@RequestParam long planId, @ModelAttribute("base") String base, RedirectAttributes redirect,
			Actor actor) {
		var plan = waves.readyPlan(actor, planId);
		try {
			var done = transfers.execute(actor, plan.runId(), plan.gridWarehouseId());
			redirect.addFlashAttribute("moved", done.movedNowUnits());
			redirect.addFlashAttribute("short", done.shortUnits());
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("failure", e.getMessage());
		}
		return "redirect:" + base + "?planId=" + planId;
	}
}
