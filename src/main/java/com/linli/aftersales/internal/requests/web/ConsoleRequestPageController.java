package com.linli.aftersales.internal.requests.web;

import org.springframework.http.CacheControl;
import com.linli.shared.web.UploadedImages;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.linli.aftersales.AfterSalesManagement;
import com.linli.aftersales.AfterSalesRuleManagement;
import com.linli.aftersales.AfterSalesRequestId;
import com.linli.aftersales.RequestKind;
import com.linli.aftersales.RequestReason;
import com.linli.aftersales.RequestStatus;
import com.linli.identity.Actor;
import com.linli.network.Region;
import com.linli.network.RegionManagement;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Money;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operators' after-sales desk: the queue of their regions with filters and counts per status, one request with
 * its photos and thread and the approve / reject / ask buttons (htmx: the decision panel answers in place), and the
 * quick-refund settings of a region.
 */
@Controller
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
class ConsoleRequestPageController {

	private final AfterSalesManagement requests;

	private final AfterSalesRuleManagement rules;

	private final RegionManagement regions;

	private final ZoneId zone;

	ConsoleRequestPageController(AfterSalesManagement requests, AfterSalesRuleManagement rules, RegionManagement regions,
			@Value("${linli.zone:Asia/Shanghai}") String zone) {
		this.requests = requests;
		this.rules = rules;
		this.regions = regions;
		this.zone = ZoneId.of(zone);
	}

	@GetMapping("/console/aftersales")
	String queue(@RequestParam(required = false) Long regionId, @RequestParam(required = false) RequestStatus status,
			@RequestParam(required = false) RequestKind kind, @RequestParam(required = false) RequestReason reason,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Actor actor,
			Model model) {
		model.addAttribute("rows", requests.queue(actor, regionId, status, kind, reason,
				from == null ? null : from.atStartOfDay(zone).toInstant(),
				to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(), 200));
		model.addAttribute("counts", requests.counts(actor, regionId));
		model.addAttribute("regions", myRegions(actor));
		model.addAttribute("regionNames", regionNames());
		model.addAttribute("regionId", regionId);
		model.addAttribute("status", status);
		model.addAttribute("kind", kind);
		model.addAttribute("reason", reason);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("statuses", RequestStatus.values());
		model.addAttribute("kinds", RequestKind.values());
		model.addAttribute("reasons", RequestReason.values());
		return "aftersales/requests-console-queue";
	}

	@GetMapping("/console/aftersales/{id}")
	String one(@PathVariable long id, Actor actor, Model model) {
		return detail(actor, id, model, null);
	}

	@PostMapping("/console/aftersales/{id}/approve")
	String approve(@PathVariable long id, Actor actor, Model model) {
		return decide(actor, id, model, () -> requests.approve(actor, new AfterSalesRequestId(id)));
	}

	@PostMapping("/console/aftersales/{id}/reject")
	String reject(@PathVariable long id, @RequestParam(required = false) String reason, Actor actor, Model model) {
		return decide(actor, id, model, () -> requests.reject(actor, new AfterSalesRequestId(id), reason));
	}

	@PostMapping("/console/aftersales/{id}/ask")
	String ask(@PathVariable long id, @RequestParam(required = false) String question, Actor actor, Model model) {
		return decide(actor, id, model, () -> requests.askForInfo(actor, new AfterSalesRequestId(id), question));
	}

	@GetMapping("/console/aftersales/{id}/photos/{photoId}")
	ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId, Actor actor) {
		return UploadedImages.served(requests.photo(actor, new AfterSalesRequestId(id), photoId), CacheControl.noStore());
	}

	@GetMapping("/console/aftersales/settings")
	String settings(@RequestParam(required = false) Long regionId, Actor actor, Model model) {
		List<Region> mine = myRegions(actor);
		Long shown = regionId != null ? regionId : mine.isEmpty() ? null : mine.get(0).id().value();
		model.addAttribute("regions", mine);
		model.addAttribute("regionId", shown);
		model.addAttribute("setting", shown == null ? null : rules.quickRefundSetting(actor, shown));
		return "aftersales/requests-console-settings";
	}

	@PostMapping("/console/aftersales/settings")
	String saveSettings(@RequestParam long regionId, @RequestParam(defaultValue = "false") boolean enabled,
			@RequestParam String maxYuan, @RequestParam String maxRatePercent, Actor actor,
			RedirectAttributes redirect) {
		try {
			long maxFen = Money.ofYuan(maxYuan.trim()).fen();
			int rate = new java.math.BigDecimal(maxRatePercent.trim()).movePointRight(2).intValueExact();
			rules.setQuickRefund(actor, regionId, enabled, maxFen, rate);
			redirect.addFlashAttribute("notice", true);
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("failure", e.getMessage());
		}
		catch (RuntimeException e) {
			redirect.addFlashAttribute("failure", com.linli.shared.Text.of("aftersales.problem.quickMaxRange").inReadersLanguage());
		}
		return "redirect:/console/aftersales/settings?regionId=" + regionId;
	}

	private String decide(Actor actor, long id, Model model, Runnable action) {
		String failure = null;
		try {
			action.run();
		}
		catch (BusinessRuleException e) {
			failure = e.getMessage();
		}
		return detail(actor, id, model, failure);
	}

	private String detail(Actor actor, long id, Model model, String failure) {
		var view = requests.view(actor, new AfterSalesRequestId(id));
		model.addAttribute("view", view);
		model.addAttribute("regionName", regionNames().get(view.request().subject().regionId().value()));
		model.addAttribute("failure", failure);
		return "aftersales/requests-console-detail";
	}

	private List<Region> myRegions(Actor actor) {
		return regions.regions().stream().filter(r -> r.active() && actor.worksIn(r.id().value())).toList();
	}

	private Map<Long, String> regionNames() {
		Map<Long, String> names = new LinkedHashMap<>();
		regions.regions().forEach(r -> names.put(r.id().value(), r.name()));
		return names;
	}
}
