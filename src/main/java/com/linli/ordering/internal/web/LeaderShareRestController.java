package com.linli.ordering.internal.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The leader's sharing tools (分享) for the pickup point they run: today's share cards (data and PNG) and
 * the chat text (接龙). Another leader's pickup point is refused (403); a listing not open there is 404.
 */
@RestController
@PreAuthorize("hasRole('LEADER')")
@Tag(name = "leader sharing", description = "Share cards of today's listings and the chat text (leaders)")
class LeaderShareRestController {

	private final LeaderShareCards share;

	LeaderShareRestController(LeaderShareCards share) {
		this.share = share;
	}

	/** A share card's content: the countdown is from now to the cutoff, in the reader's language. */
	record CardView(long listingId, String name, String spec, long priceFen, Long listPriceFen, Instant cutoffAt,
			String countdown, LocalDate pickupDate, String cardUrl) {
	}

	record ShareText(long pickupPointId, String text) {
	}

	@GetMapping("/api/leader/share/points/{pickupPointId}/cards")
	@Operation(summary = "Today's share cards at the leader's pickup point: the listings open now",
			description = "403 for another leader's pickup point")
	List<CardView> cards(@PathVariable long pickupPointId, Locale locale) {
		var point = share.point(pickupPointId);
		return share.cards(point, locale).stream()
			.map(c -> new CardView(c.listingId(), c.name(), c.spec(), c.price().fen(),
					c.listPrice() == null ? null : c.listPrice().fen(), c.cutoffAt(), c.countdown(), c.pickupDate(),
					"/api/leader/share/points/" + pickupPointId + "/cards/" + c.listingId() + ".png"))
			.toList();
	}

	// no "produces": an API client asking for JSON still gets the PNG, or its problem details
	@GetMapping("/api/leader/share/points/{pickupPointId}/cards/{listingId}.png")
	@Operation(summary = "A share card as PNG: product, prices, countdown to cutoff, pickup date, the point, and a QR code of the point's storefront",
			description = "403 for another leader's pickup point; 404 for a listing not open there now")
	ResponseEntity<byte[]> card(@PathVariable long pickupPointId, @PathVariable long listingId, Locale locale) {
		var point = share.point(pickupPointId);
		return png(share.png(point, share.card(point, listingId, locale)));
	}

	@GetMapping("/api/leader/share/points/{pickupPointId}/text")
	@Operation(summary = "The chat text (接龙): today's listings with prices, and who ordered what, names masked",
			description = "403 for another leader's pickup point")
	ShareText text(@PathVariable long pickupPointId, Locale locale) {
		var point = share.point(pickupPointId);
		return new ShareText(point.id().value(), share.text(point, locale));
	}

	static ResponseEntity<byte[]> png(byte[] bytes) {
		// the countdown changes by the minute: never cached
		return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore()).body(bytes);
	}
}
