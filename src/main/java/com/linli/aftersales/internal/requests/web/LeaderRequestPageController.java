package com.linli.aftersales.internal.requests.web;

import org.springframework.http.CacheControl;
import com.linli.shared.web.UploadedImages;
import com.linli.aftersales.AfterSalesManagement;
import com.linli.aftersales.AfterSalesRequestId;
import com.linli.identity.Actor;
import com.linli.shared.BusinessRuleException;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The leader's after-sales page: the requests of their pickup point, and the returns to collect with a confirm button. */
@Controller
@PreAuthorize("hasRole('LEADER')")
class LeaderRequestPageController {

	private final AfterSalesManagement requests;

	LeaderRequestPageController(AfterSalesManagement requests) {
		this.requests = requests;
	}

	@GetMapping("/leader/aftersales")
	String list(Actor actor, Model model) {
		var rows = requests.ofMyPoint(actor);
		model.addAttribute("returns", rows.stream().filter(r -> r.awaitsReturn()).toList());
		model.addAttribute("rows", rows);
		return "aftersales/requests-leader";
	}

	@PostMapping("/leader/aftersales/{id}/confirm-return")
	String confirm(@PathVariable long id, Actor actor, RedirectAttributes redirect) {
		try {
			requests.confirmReturn(actor, new AfterSalesRequestId(id));
			redirect.addFlashAttribute("notice", true);
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("failure", e.getMessage());
		}
		return "redirect:/leader/aftersales";
	}

	@GetMapping("/leader/aftersales/{id}/photos/{photoId}")
	ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId, Actor actor) {
		return UploadedImages.served(requests.photo(actor, new AfterSalesRequestId(id), photoId), CacheControl.noStore());
	}
}
