package com.linli.aftersales.internal.reviews.web;

import java.time.Instant;
import java.util.List;

import com.linli.aftersales.ProductRating;
import com.linli.aftersales.ReviewSummary;


/** The review records of the REST API, and the uploads of a form. */
final class ReviewViews {

	private ReviewViews() {
	}

	/** A review as the API shows it; {@code photoUrls} serve its photos. Hidden ones only to their author and staff. */
	record ReviewView(long id, String authorName, long orderId, long lineId, long skuId, String skuName, long productId,
			long regionId, int productStars, Integer leaderStars, String text, List<String> photoUrls, boolean hidden,
			String hiddenReason, Instant hiddenAt, Instant createdAt) {

		static ReviewView of(ReviewSummary r, String photoBase) {
			return new ReviewView(r.id().value(), r.authorName(), r.orderId().value(), r.lineId().value(),
					r.skuId().value(), r.skuName(), r.productId().value(), r.regionId().value(), r.productStars(),
					r.leaderStars(), r.text(), r.photoIds().stream().map(p -> photoBase + p).toList(), r.hidden(),
					r.hiddenReason(), r.hiddenAt(), r.createdAt());
		}
	}

	/** A product's score: the average (one decimal), how many reviews, the share of 1–2 stars, counts by stars 1..5. */
	record RatingView(long productId, double average, int count, double lowShare, List<Integer> byStars) {

		static RatingView of(ProductRating r) {
			return new RatingView(r.productId().value(), Math.round(r.average() * 10) / 10.0, r.count(),
					Math.round(r.lowShare() * 1000) / 1000.0, r.byStars());
		}
	}


	static org.springframework.http.ResponseEntity<byte[]> photo(
			java.util.Optional<com.linli.shared.storage.FileStorage.StoredFile> file) {
		return file.map(f -> com.linli.shared.web.UploadedImages.served(f,
				org.springframework.http.CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePrivate()))
			.orElseGet(() -> org.springframework.http.ResponseEntity.notFound().build());
	}

}
