package com.linli.aftersales.internal.reviews.web;

import com.linli.shared.web.UploadedImages;
import java.util.List;

import com.linli.aftersales.NewReview;
import com.linli.aftersales.ReviewId;
import com.linli.aftersales.ReviewManagement;
import com.linli.identity.Actor;
import com.linli.ordering.OrderId;
import com.linli.ordering.OrderLineId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The resident's reviews: posting one on a picked-up line of their order, and their own list. */
@RestController
@RequestMapping("/api/aftersales/reviews")
@PreAuthorize("hasRole('RESIDENT')")
@Tag(name = "reviews", description = "评价: residents review picked-up products and the leader's service")
class ReviewRestController {

	static final String PHOTOS = "/api/aftersales/reviews/photos/";

	private final ReviewManagement reviews;

	ReviewRestController(ReviewManagement reviews) {
		this.reviews = reviews;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Review a picked-up line of the resident's order", description = "Multipart form: orderId, "
			+ "lineId, productStars (1–5), leaderStars (1–5, optional), text (≤ 500), photos (0–6 JPEG/PNG/WebP "
			+ "files, ≤ 5 MB each). 404 for someone else's order; 400 naming productStars, leaderStars, text or photos; "
			+ "409 naming lineId: line-not-picked-up, already-reviewed.")
	ReviewViews.ReviewView post(Actor actor, @RequestParam(required = false) Long orderId,
			@RequestParam(required = false) Long lineId, @RequestParam(required = false) Integer productStars,
			@RequestParam(required = false) Integer leaderStars, @RequestParam(required = false) String text,
			@RequestPart(name = "photos", required = false) List<MultipartFile> photos) {
		ReviewId id = reviews.post(actor, new NewReview(orderId == null ? null : new OrderId(orderId),
				lineId == null ? null : new OrderLineId(lineId), productStars == null ? 0 : productStars, leaderStars,
				text, UploadedImages.of(photos)));
		return ReviewViews.ReviewView.of(reviews.get(actor, id), PHOTOS);
	}

	@GetMapping
	@Operation(summary = "The resident's reviews", description = "Newest first; hidden ones with the operator's reason.")
	List<ReviewViews.ReviewView> mine(Actor actor) {
		return reviews.mine(actor).stream().map(r -> ReviewViews.ReviewView.of(r, PHOTOS)).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One of the resident's reviews")
	ReviewViews.ReviewView get(Actor actor, @PathVariable long id) {
		return ReviewViews.ReviewView.of(reviews.get(actor, new ReviewId(id)), PHOTOS);
	}

	@GetMapping("/reviewable-lines")
	@Operation(summary = "Lines of an order the resident may still review", description = "Picked up, not reviewed.")
	List<Long> reviewable(Actor actor, @RequestParam long orderId) {
		return reviews.reviewableLines(actor, new OrderId(orderId)).stream().map(l -> l.id().value()).toList();
	}

	@GetMapping("/photos/{photoId}")
	@Operation(summary = "A photo of a review the caller may read")
	org.springframework.http.ResponseEntity<byte[]> photo(Actor actor, @PathVariable long photoId) {
		return ReviewViews.photo(reviews.photo(actor, photoId, ReviewManagement.PhotoReader.AUTHOR));
	}

}
