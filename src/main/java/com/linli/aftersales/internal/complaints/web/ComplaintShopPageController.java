package com.linli.aftersales.internal.complaints.web;

import com.linli.shared.web.UploadedImages;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.linli.aftersales.ComplaintId;
import com.linli.aftersales.ComplaintManagement;
import com.linli.aftersales.ComplaintSubject;
import com.linli.aftersales.NewComplaint;
import com.linli.aftersales.internal.complaints.ComplaintQueries;
import com.linli.identity.Actor;
import com.linli.ordering.OrderId;
import com.linli.ordering.OrderManagement;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.NotFoundException;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The resident's complaint pages (phone): their complaints, the form, one with its thread, the rating. */
@Controller
class ComplaintShopPageController {

	private final ComplaintManagement complaints;

	private final ComplaintQueries queries;

	private final ComplaintViews views;

	private final OrderManagement orders;

	private final Clock clock;

	ComplaintShopPageController(ComplaintManagement complaints, ComplaintQueries queries, ComplaintViews views,
			OrderManagement orders, Clock clock) {
		this.complaints = complaints;
		this.queries = queries;
		this.views = views;
		this.orders = orders;
		this.clock = clock;
	}

	@GetMapping("/shop/complaints")
	String list(Actor actor, Model model) {
		var now = clock.instant();
		model.addAttribute("complaints", queries.ofResident(actor.requireAccount().value(), 50).stream()
			.map(c -> views.of(c, now, false, "/shop/complaints")).toList());
		return "aftersales/complaints-shop-list";
	}

	@GetMapping("/shop/complaints/new")
	String form(Actor actor, @RequestParam(required = false) Long orderId, Model model) {
		return form(actor, model, null, orderId, "", null);
	}

	private String form(Actor actor, Model model, ComplaintSubject subject, Long orderId, String text, String failure) {
		model.addAttribute("subjects", ComplaintSubject.values());
		model.addAttribute("orders", orders.ordersOf(actor.requireAccount(), 20));
		model.addAttribute("subject", subject);
		model.addAttribute("orderId", orderId);
		model.addAttribute("text", text);
		model.addAttribute("submitKey", UUID.randomUUID().toString());
		model.addAttribute("failure", failure);
		return "aftersales/complaints-shop-form";
	}

	@PostMapping("/shop/complaints")
	String file(Actor actor, @RequestParam(required = false) ComplaintSubject subject,
			@RequestParam(required = false) Long orderId, @RequestParam(defaultValue = "") String text,
			@RequestParam(required = false) String submitKey,
			@RequestParam(name = "photos", required = false) List<MultipartFile> photos, Model model) {
		try {
			ComplaintId id = complaints.file(actor, new NewComplaint(subject, orderId == null ? null : new OrderId(orderId),
					null, null, text, UploadedImages.of(photos), submitKey));
			return "redirect:/shop/complaints/" + id.value();
		}
		catch (BusinessRuleException e) {
			return form(actor, model, subject, orderId, text, e.getMessage());
		}
	}

	@GetMapping("/shop/complaints/{id}")
	String detail(Actor actor, @PathVariable long id, Model model) {
		model.addAttribute("c", views.of(complaints.loadForResident(actor, new ComplaintId(id)), clock.instant(), true,
				"/shop/complaints"));
		return "aftersales/complaints-shop-detail";
	}

	@PostMapping("/shop/complaints/{id}/reply")
	String reply(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String text,
			RedirectAttributes redirect) {
		complaints.loadForResident(actor, new ComplaintId(id));
		return act(redirect, id, () -> complaints.reply(actor, new ComplaintId(id), text));
	}

	@PostMapping("/shop/complaints/{id}/rate")
	String rate(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "0") int satisfaction,
			RedirectAttributes redirect) {
		return act(redirect, id, () -> complaints.rate(actor, new ComplaintId(id), satisfaction));
	}

	private static String act(RedirectAttributes redirect, long id, Runnable action) {
		try {
			action.run();
		}
		catch (BusinessRuleException e) {
			redirect.addFlashAttribute("failure", e.getMessage());
		}
		return "redirect:/shop/complaints/" + id;
	}

	@GetMapping({ "/shop/complaints/{id}/photos/{position}", "/console/complaints/{id}/photos/{position}" })
	ResponseEntity<byte[]> photo(Actor actor, @PathVariable long id, @PathVariable int position) {
		var file = complaints.photo(actor, new ComplaintId(id), position)
			.orElseThrow(() -> new NotFoundException("photo of complaint", id));
		return UploadedImages.served(file, CacheControl.noCache().cachePrivate());
	}
}
