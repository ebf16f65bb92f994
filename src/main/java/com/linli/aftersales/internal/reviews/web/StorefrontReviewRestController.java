package com.linli.aftersales.internal.reviews.web;

import java.util.List;

import com.linli.aftersales.ReviewManagement;
import com.linli.catalog.ProductId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What anyone may read of reviews: a product's score and its visible reviews, and their photos. */
@RestController
@Tag(name = "storefront", description = "The public storefront")
class StorefrontReviewRestController {

	static final String PHOTOS = "/api/storefront/reviews/photos/";

	private final ReviewManagement reviews;

	StorefrontReviewRestController(ReviewManagement reviews) {
		this.reviews = reviews;
	}

	@GetMapping("/api/storefront/products/{id}/reviews")
	@Operation(summary = "A product's reviews and average", description = "Public. The score of the visible reviews "
			+ "(average to one decimal, count, share of 1–2 stars, counts by stars) and the latest visible reviews "
			+ "(never hidden ones), newest first.")
	ProductReviews reviews(@PathVariable long id, @RequestParam(defaultValue = "20") int limit) {
		var product = new ProductId(id);
		return new ProductReviews(ReviewViews.RatingView.of(reviews.ratingOf(product)),
				reviews.visibleOf(product, limit).stream().map(r -> ReviewViews.ReviewView.of(r, PHOTOS)).toList());
	}

	@GetMapping("/api/storefront/reviews/photos/{photoId}")
	@Operation(summary = "A photo of a visible review", description = "404 for a hidden review's photo.")
	ResponseEntity<byte[]> photo(@PathVariable long photoId) {
		return reviews.photo(null, photoId, ReviewManagement.PhotoReader.PUBLIC)
			.map(f -> ResponseEntity.ok().contentType(MediaType.parseMediaType(f.contentType()))
				.cacheControl(CacheControl.noCache()).body(f.content()))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	record ProductReviews(ReviewViews.RatingView rating, List<ReviewViews.ReviewView> reviews) {
	}
}
