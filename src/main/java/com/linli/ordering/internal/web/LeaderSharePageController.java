package com.linli.ordering.internal.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The leader's sharing page (分享): today's share cards of the pickup point, each to save, and the chat
 * text (the 接龙 of {@code /leader/chain}) to copy with one tap.
 */
@Controller
class LeaderSharePageController {

	private final LeaderShareCards share;

	private final KeptPickupPoints points;

	LeaderSharePageController(LeaderShareCards share, KeptPickupPoints points) {
		this.share = share;
		this.points = points;
	}

	@GetMapping("/leader/share")
	String page(Model model, Locale locale, HttpServletResponse response) {
		var found = points.find();
		if (found.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			model.addAttribute("tab", "orders");
			return "ordering/leader-no-point";
		}
		var point = found.get();
		model.addAttribute("point", point);
		model.addAttribute("cards", share.cards(point, locale));
		model.addAttribute("text", share.text(point, locale));
		return "ordering/leader-share";
	}

	@GetMapping(value = "/leader/share/cards/{listingId}.png", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> card(@PathVariable long listingId, Locale locale) {
		var point = share.point(null);
		return LeaderShareRestController.png(share.png(point, share.card(point, listingId, locale)));
	}
}
