package com.linli.leader.internal.recruitment.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.linli.identity.Actor;
import com.linli.leader.ApplicationStatus;
import com.linli.leader.LeaderApplicationId;
import com.linli.leader.RecruitmentManagement;
import com.linli.leader.ReviewCheck;
import com.linli.network.CommunityManagement;
import com.linli.network.Region;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.NotFoundException;
import com.linli.shared.web.UploadedImages;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The operator's review queue of leader applications and one application with its checklist and decisions. */
@Controller
@RequestMapping("/console/leader-applications")
class ApplicationConsoleController {

	private final RecruitmentManagement recruitment;

	private final RegionManagement regions;

	private final CommunityManagement communities;

	private final MessageSource messages;

	ApplicationConsoleController(RecruitmentManagement recruitment, RegionManagement regions,
			CommunityManagement communities, MessageSource messages) {
		this.recruitment = recruitment;
		this.regions = regions;
		this.communities = communities;
		this.messages = messages;
	}

	@GetMapping
	String queue(Actor actor, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) ApplicationStatus status, @RequestParam(defaultValue = "0") int page,
			Model model) {
		var statuses = status == null ? EnumSet.of(ApplicationStatus.SUBMITTED, ApplicationStatus.MORE_INFO_REQUESTED)
				: EnumSet.of(status);
		model.addAttribute("page", recruitment.queue(actor, regionId, statuses, page, 20));
		model.addAttribute("regions", regions.regions().stream().filter(r -> actor.worksIn(r.id().value())).toList());
		model.addAttribute("regionNames", regionNames());
		model.addAttribute("regionId", regionId);
		model.addAttribute("status", status);
		model.addAttribute("statuses", ApplicationStatus.values());
		model.addAttribute("pageUrl", "/console/leader-applications?" + (regionId == null ? "" : "regionId=" + regionId + "&")
				+ (status == null ? "" : "status=" + status + "&"));
		return "leader/recruitment-queue";
	}

	@GetMapping("/{id}")
	String detail(Actor actor, @PathVariable long id, Model model) {
		var key = new LeaderApplicationId(id);
		var a = recruitment.get(actor, key);
		model.addAttribute("a", a);
		model.addAttribute("photos", recruitment.photoPositions(actor, key));
		model.addAttribute("checks", ReviewCheck.values());
		model.addAttribute("regionName", regions.getRegion(a.details().regionId()).name());
		model.addAttribute("community", communities.getCommunity(a.details().communityId()));
		return "leader/recruitment-detail";
	}

	@GetMapping("/{id}/photos/{position}")
	ResponseEntity<byte[]> photo(Actor actor, @PathVariable long id, @PathVariable int position) {
		return recruitment.photo(actor, new LeaderApplicationId(id), position)
			.map(f -> UploadedImages.served(f, CacheControl.noStore()))
			.orElseThrow(() -> new NotFoundException("photo", position));
	}

	@PostMapping("/{id}/approve")
	String approve(Actor actor, @PathVariable long id, @RequestParam(required = false) Set<ReviewCheck> checklist,
			Locale locale, RedirectAttributes redirect) {
		return decide(id, locale, redirect, "approved",
				() -> recruitment.approve(actor, new LeaderApplicationId(id), checklist));
	}

	@PostMapping("/{id}/reject")
	String reject(Actor actor, @PathVariable long id, @RequestParam(required = false) String reason, Locale locale,
			RedirectAttributes redirect) {
		return decide(id, locale, redirect, "rejected", () -> recruitment.reject(actor, new LeaderApplicationId(id), reason));
	}

	@PostMapping("/{id}/request-info")
	String requestInfo(Actor actor, @PathVariable long id, @RequestParam(required = false) String question,
			Locale locale, RedirectAttributes redirect) {
		return decide(id, locale, redirect, "asked",
				() -> recruitment.requestMoreInfo(actor, new LeaderApplicationId(id), question));
	}

	private String decide(long id, Locale locale, RedirectAttributes redirect, String done, Runnable decision) {
		try {
			decision.run();
			redirect.addFlashAttribute("done", done);
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("failed", e.text().in(messages, locale));
			redirect.addFlashAttribute("failedField", e.field());
		}
		return "redirect:/console/leader-applications/" + id;
	}

	private Map<RegionId, String> regionNames() {
		return regions.regions().stream().collect(Collectors.toMap(Region::id, Region::name));
	}

	static List<ReviewCheck> checks() {
		return List.of(ReviewCheck.values());
	}
}
