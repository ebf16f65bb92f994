package com.linli.aftersales.internal.reviews.web;

import java.util.List;

import com.linli.aftersales.ReviewId;
import com.linli.aftersales.ReviewManagement;
import com.linli.identity.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Review moderation for operators of the reviews' regions: the list, hiding with a reason, the product ranking. */
@RestController
@RequestMapping("/api/admin/aftersales/reviews")
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
@Tag(name = "review moderation", description = "评价管理: operators hide abusive reviews; products by score")
class ReviewAdminRestController {

	static final String PHOTOS = "/api/admin/aftersales/reviews/photos/";

	private final ReviewManagement reviews;

	ReviewAdminRestController(ReviewManagement reviews) {
		this.reviews = reviews;
	}

	@GetMapping
	@Operation(summary = "Reviews of the operator's regions", description = "Newest first; filters: stars (1–5), "
			+ "hidden, regionId (403 outside the operator's regions), productId.")
	List<ReviewViews.ReviewView> list(Actor actor, @RequestParam(required = false) Integer stars,
			@RequestParam(required = false) Boolean hidden, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) Long productId, @RequestParam(defaultValue = "100") int limit) {
		return reviews.search(actor, stars, hidden, regionId, productId, limit).stream()
			.map(r -> ReviewViews.ReviewView.of(r, PHOTOS)).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One review (404 outside the operator's regions)")
	ReviewViews.ReviewView get(Actor actor, @PathVariable long id) {
		return ReviewViews.ReviewView.of(reviews.get(actor, new ReviewId(id)), PHOTOS);
	}

	@PostMapping("/{id}/hide")
	@Operation(summary = "Hide a review with a reason", description = "reason: 1–200 characters (400 naming reason); "
			+ "the resident is told. 409 review-hidden-already; 403 outside the operator's regions.")
	ReviewViews.ReviewView hide(Actor actor, @PathVariable long id, @Valid @RequestBody Hide request) {
		reviews.hide(actor, new ReviewId(id), request.reason());
		return get(actor, id);
	}

	@PostMapping("/{id}/unhide")
	@Operation(summary = "Show a hidden review again", description = "409 review-not-hidden.")
	ReviewViews.ReviewView unhide(Actor actor, @PathVariable long id) {
		reviews.unhide(actor, new ReviewId(id));
		return get(actor, id);
	}

	@GetMapping("/ranking")
	@Operation(summary = "Products by score", description = "Visible reviews of the operator's regions (or regionId): "
			+ "average, count, share of 1–2 star reviews; best first.")
	List<Ranked> ranking(Actor actor, @RequestParam(required = false) Long regionId,
			@RequestParam(defaultValue = "50") int limit) {
		return reviews.ranking(actor, regionId, Math.max(1, Math.min(limit, 500))).stream()
			.map(r -> new Ranked(r.skuName(), ReviewViews.RatingView.of(r.rating()))).toList();
	}

	record Hide(String reason) {
	}

	record Ranked(String name, ReviewViews.RatingView rating) {
	}

	@GetMapping("/photos/{photoId}")
	@Operation(summary = "A photo of a review the caller may read")
	org.springframework.http.ResponseEntity<byte[]> photo(Actor actor, @PathVariable long photoId) {
		return ReviewViews.photo(reviews.photo(actor, photoId, ReviewManagement.PhotoReader.STAFF));
	}

}
