package com.linli.aftersales;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.linli.aftersales.internal.reviews.Review;
import com.linli.aftersales.internal.reviews.Reviews;
import com.linli.catalog.ProductId;
import com.linli.catalog.SkuManagement;
import com.linli.identity.AccountId;
import com.linli.identity.Actor;
import com.linli.ordering.Order;
import com.linli.ordering.OrderLine;
import com.linli.marketing.PointsManagement;
import com.linli.ordering.OrderManagement;
import com.linli.shared.AdminChange;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;
import com.linli.shared.storage.FileStorage;
import com.linli.shared.storage.ImageUpload;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reviews and ratings, the use cases (CONTRACT: the signatures are fixed, the bodies are being written): a
 * resident reviews a picked-up line (the product and the leader's service); operators hide abusive ones.
 */
@Service
public class ReviewManagement {

	/** The most photos of one review. */
	public static final int MAX_PHOTOS = 6;

	/** The longest text of a review. */
	public static final int MAX_TEXT = 500;

	/** The storage folder of review photos. */
	public static final String FOLDER = "aftersales-reviews";

	private final Reviews reviews;

	private final OrderManagement orders;

	private final SkuManagement skus;

	private final FileStorage files;

	private final ApplicationEventPublisher events;

	private final PointsManagement points;

	private final Clock clock;

	ReviewManagement(Reviews reviews, OrderManagement orders, SkuManagement skus, FileStorage files,
			ApplicationEventPublisher events, PointsManagement points, Clock clock) {
		this.points = points;
		this.reviews = reviews;
		this.orders = orders;
		this.skus = skus;
		this.files = files;
		this.events = events;
		this.clock = clock;
	}

	/** Posts the resident's review of a picked-up line of their order (one per line). */
	@Transactional
	public ReviewId post(Actor actor, NewReview review) {
		AccountId resident = actor.requireAccount();
		if (review.orderId() == null) {
			throw new InvalidInputException("orderId", Text.of("aftersales.problem.reviewsRequired"));
		}
		if (review.lineId() == null) {
			throw new InvalidInputException("lineId", Text.of("aftersales.problem.reviewsRequired"));
		}
		Order order = orders.getFor(resident, review.orderId());
		OrderLine line = order.line(review.lineId(), "lineId");
		checkStars("productStars", review.productStars());
		if (review.leaderStars() != null) {
			checkStars("leaderStars", review.leaderStars());
		}
		String text = review.text() == null || review.text().isBlank() ? null : review.text().strip();
		if (text != null && text.length() > MAX_TEXT) {
			throw new InvalidInputException("text", Text.of("aftersales.problem.reviewTextTooLong", MAX_TEXT));
		}
		List<ImageUpload> photos = review.photos() == null ? List.of() : review.photos();
		if (photos.size() > MAX_PHOTOS) {
			throw new InvalidInputException("photos", Text.of("aftersales.problem.reviewTooManyPhotos", MAX_PHOTOS));
		}
		photos.forEach(p -> p.check("photos", ImageUpload.MAX_BYTES));
		if (line.pickedUpQuantity() <= 0) {
			throw new BusinessRuleException("line-not-picked-up", "lineId",
					Text.of("aftersales.problem.reviewLineNotPickedUp", line.skuName()));
		}
		if (reviews.existsForLine(line.id())) {
			throw new BusinessRuleException("already-reviewed", "lineId", Text.of("aftersales.problem.alreadyReviewed"));
		}
		Instant now = clock.instant();
		ProductId product = skus.getSku(line.skuId()).productId();
		String name = line.skuName() + (line.spec() == null || line.spec().isBlank() ? "" : " " + line.spec());
		ReviewId id = reviews.insert(new Reviews.NewRow(resident, Review.mask(order.recipientName()), order.id(),
				line.id(), line.skuId(), name, product, order.pickupPointId().value(), order.regionId().value(),
				review.productStars(), review.leaderStars(), text, now));
		for (int i = 0; i < photos.size(); i++) {
			ImageUpload p = photos.get(i);
			reviews.addPhoto(id, i, files.store(FOLDER, p.type(), p.content()), p.type());
		}
		events.publishEvent(new ReviewPosted(id, resident, order.id(), line.id(), line.skuId(), product,
				order.pickupPointId(), review.productStars(), review.leaderStars(), !photos.isEmpty(), now));
		// points for the review, once (more with photos)
		points.forReview(resident, id.value(), !photos.isEmpty(), now);
		return id;
	}

	private static void checkStars(String field, int stars) {
		if (stars < 1 || stars > 5) {
			throw new InvalidInputException(field, Text.of("aftersales.problem.reviewStarsRange", stars));
		}
	}

	/** An operator hides a review, with a reason (1–200 characters) the resident is told. */
	@Transactional
	public ReviewId hide(Actor actor, ReviewId id, String reason) {
		Review review = reviews.find(id).orElseThrow(() -> new NotFoundException("review", id));
		actor.checkManagesRegion(review.regionId());
		review.hide(reason, actor.accountIdOrNull(), clock.instant());
		reviews.save(review);
		// an abusive review keeps no points (as far as the balance goes; shown again, it does not earn again)
		points.reviewHidden(review.residentId(), id.value(), clock.instant());
		events.publishEvent(new AdminChange(actor.actedBy(), "review.hide", "review:" + id, review.hiddenReason()));
		return id;
	}

	/** An operator shows a hidden review again. */
	@Transactional
	public ReviewId unhide(Actor actor, ReviewId id) {
		Review review = reviews.find(id).orElseThrow(() -> new NotFoundException("review", id));
		actor.checkManagesRegion(review.regionId());
		review.unhide();
		reviews.save(review);
		events.publishEvent(new AdminChange(actor.actedBy(), "review.unhide", "review:" + id, ""));
		return id;
	}

	/** The product's score from its visible reviews. */
	@Transactional(readOnly = true)
	public ProductRating ratingOf(ProductId product) {
		return reviews.rating(product);
	}

	/** The product's latest visible reviews (never hidden ones), newest first. */
	@Transactional(readOnly = true)
	public List<ReviewSummary> visibleOf(ProductId product, int limit) {
		return reviews.visibleOf(product, Math.max(1, Math.min(limit, 100)));
	}

	/** The resident's own reviews, newest first (hidden ones with their reason). */
	@Transactional(readOnly = true)
	public List<ReviewSummary> mine(Actor actor) {
		return reviews.ofResident(actor.requireAccount(), 100);
	}

	/** A review the actor may read: its author, or staff of its region (404 for anyone else). */
	@Transactional(readOnly = true)
	public ReviewSummary get(Actor actor, ReviewId id) {
		var review = reviews.summary(id).orElseThrow(() -> new NotFoundException("review", id));
		if (!actor.is(review.residentId()) && !actor.managesRegion(review.regionId().value())) {
			throw new NotFoundException("review", id);
		}
		return review;
	}

	/** The moderation list of the actor's regions (or the one asked for), filtered, newest first. */
	@Transactional(readOnly = true)
	public List<ReviewSummary> search(Actor actor, Integer stars, Boolean hidden, Long regionId, Long productId, int limit) {
		Set<Long> regions = actor.regionFilter(regionId).idsOrNull();
		return reviews.search(new Reviews.Filter(stars, hidden, productId, regions), Math.max(1, Math.min(limit, 500)));
	}

	/** Products by score in the actor's regions (or the one asked for), best first. */
	@Transactional(readOnly = true)
	public List<Reviews.Ranked> ranking(Actor actor, Long regionId, int limit) {
		return reviews.ranking(actor.regionFilter(regionId).idsOrNull(), limit);
	}

	/** Which of the order's lines the resident may still review (picked up, not reviewed yet). */
	@Transactional(readOnly = true)
	public List<OrderLine> reviewableLines(Actor actor, com.linli.ordering.OrderId orderId) {
		Order order = orders.getFor(actor.requireAccount(), orderId);
		Set<Long> done = reviews.reviewedLines(order.lines().stream().map(l -> l.id().value()).toList());
		List<OrderLine> lines = new ArrayList<>();
		for (OrderLine l : order.lines()) {
			if (l.pickedUpQuantity() > 0 && !done.contains(l.id().value())) {
				lines.add(l);
			}
		}
		return lines;
	}

	/** Who may see a review's photo through an endpoint. */
	public enum PhotoReader {
		/** Anyone, of a visible review (the storefront); hidden ones also to their author and staff of the region. */
		PUBLIC,
		/** Only the review's author (the resident's API). */
		AUTHOR,
		/** Only staff of the review's region (the moderation API). */
		STAFF
	}

	/** A review photo for a reader, as the endpoint allows; empty for anyone else (they get a 404). */
	@Transactional(readOnly = true)
	public Optional<FileStorage.StoredFile> photo(Actor actor, long photoId, PhotoReader reader) {
		return reviews.photo(photoId).flatMap(p -> reviews.summary(new ReviewId(p.reviewId())).filter(r -> {
			boolean author = actor != null && actor.is(r.residentId());
			boolean staff = actor != null && !actor.isSystem() && actor.managesRegion(r.regionId().value());
			return switch (reader) {
				case PUBLIC -> !r.hidden() || author || staff;
				case AUTHOR -> author;
				case STAFF -> staff;
			};
		}).flatMap(r -> files.load(p.storageKey())));
	}
}
