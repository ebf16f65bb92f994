package com.linli.aftersales.internal.reviews;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.linli.aftersales.ProductRating;
import com.linli.aftersales.ReviewId;
import com.linli.aftersales.ReviewSummary;
import com.linli.catalog.ProductId;
import com.linli.catalog.SkuId;
import com.linli.identity.AccountId;
import com.linli.network.RegionId;
import com.linli.ordering.OrderId;
import com.linli.ordering.OrderLineId;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reviews and their photos in plain SQL; the moderation state saved with a compare-and-set on the version. */
@Repository
public class Reviews {

	/** A new review's columns. */
	public record NewRow(AccountId residentId, String authorName, OrderId orderId, OrderLineId lineId, SkuId skuId,
			String skuName, ProductId productId, long pickupPointId, long regionId, int productStars,
			Integer leaderStars, String text, Instant at) {
	}

	/** A stored photo of a review. */
	public record Photo(long id, long reviewId, String storageKey, String contentType) {
	}

	/** The moderation list's filters (null: any). */
	public record Filter(Integer stars, Boolean hidden, Long productId, Set<Long> regionIds) {
	}

	/** A product's score on the console's ranking. */
	public record Ranked(ProductId productId, String skuName, ProductRating rating) {
	}

	static final String COLUMNS = """
			id, resident_id, author_name, order_id, line_id, sku_id, sku_name, product_id, region_id, product_stars,
			leader_stars, text, hidden, hidden_reason, hidden_at, created_at""";

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	Reviews(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/** Inserts the review; 409 naming {@code lineId} when the line has one already. */
	public ReviewId insert(NewRow r) {
		Long id = jdbc.sql("""
				insert into aftersales.review (resident_id, author_name, order_id, line_id, sku_id, sku_name, product_id,
				    pickup_point_id, region_id, product_stars, leader_stars, text, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (line_id) do nothing
				returning id""")
			.params(r.residentId().value(), r.authorName(), r.orderId().value(), r.lineId().value(), r.skuId().value(),
					r.skuName(), r.productId().value(), r.pickupPointId(), r.regionId(), r.productStars(),
					r.leaderStars(), r.text(), Timestamp.from(r.at()))
			.query(Long.class).optional().orElse(null);
		if (id == null) {
			throw alreadyReviewed();
		}
		return new ReviewId(id);
	}

	static BusinessRuleException alreadyReviewed() {
		return new BusinessRuleException("already-reviewed", "lineId", Text.of("aftersales.problem.alreadyReviewed"));
	}

	public boolean existsForLine(OrderLineId lineId) {
		return jdbc.sql("select count(*) from aftersales.review where line_id = ?").param(lineId.value())
			.query(Long.class).single() > 0;
	}

	/** The lines among these that have a review. */
	public Set<Long> reviewedLines(Collection<Long> lineIds) {
		if (lineIds.isEmpty()) {
			return Set.of();
		}
		return Set.copyOf(jdbc.sql("select line_id from aftersales.review where line_id = any(?)")
			.param(lineIds.toArray(Long[]::new)).query(Long.class).list());
	}

	public void addPhoto(ReviewId review, int position, String key, String contentType) {
		jdbc.sql("insert into aftersales.review_photo (review_id, position, storage_key, content_type) values (?, ?, ?, ?)")
			.params(review.value(), position, key, contentType).update();
	}

	public Optional<Photo> photo(long photoId) {
		return jdbc.sql("select id, review_id, storage_key, content_type from aftersales.review_photo where id = ?")
			.param(photoId)
			.query((rs, n) -> new Photo(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4))).optional();
	}

	public Optional<Review> find(ReviewId id) {
		return jdbc.sql("""
				select id, resident_id, sku_name, region_id, hidden, hidden_reason, hidden_by, hidden_at, version
				  from aftersales.review where id = ?""").param(id.value())
			.query((rs, n) -> new Review(new ReviewId(rs.getLong(1)), new AccountId(rs.getLong(2)), rs.getString(3),
					rs.getLong(4), rs.getBoolean(5), rs.getString(6), (Long) rs.getObject(7), instant(rs, 8), rs.getLong(9)))
			.optional();
	}

	/** Saves the moderation state if nobody changed the review since it was read (409 otherwise); publishes its events. */
	public void save(Review review) {
		int updated = jdbc.sql("""
				update aftersales.review set hidden = ?, hidden_reason = ?, hidden_by = ?, hidden_at = ?, version = version + 1
				 where id = ? and version = ?""")
			.params(review.hidden(), review.hiddenReason(), review.hiddenBy(),
					review.hiddenAt() == null ? null : Timestamp.from(review.hiddenAt()), review.id().value(),
					review.version())
			.update();
		if (updated != 1) {
			throw new BusinessRuleException("changed-concurrently",
					Text.of("aftersales.problem.reviewChangedConcurrently", review.id().value()));
		}
		review.events().forEach(events::publishEvent);
	}

	public Optional<ReviewSummary> summary(ReviewId id) {
		return withPhotos(jdbc.sql("select " + COLUMNS + " from aftersales.review where id = ?").param(id.value())
			.query(Reviews::summary).list()).stream().findFirst();
	}

	/** The product's visible reviews, newest first. */
	public List<ReviewSummary> visibleOf(ProductId product, int limit) {
		return withPhotos(jdbc.sql("select " + COLUMNS
				+ " from aftersales.review where product_id = ? and not hidden order by created_at desc, id desc limit ?")
			.params(product.value(), limit).query(Reviews::summary).list());
	}

	public List<ReviewSummary> ofResident(AccountId resident, int limit) {
		return withPhotos(jdbc.sql("select " + COLUMNS
				+ " from aftersales.review where resident_id = ? order by created_at desc, id desc limit ?")
			.params(resident.value(), limit).query(Reviews::summary).list());
	}

	/** The moderation list: filtered, newest first. */
	public List<ReviewSummary> search(Filter f, int limit) {
		StringBuilder where = new StringBuilder(" where true");
		List<Object> params = new ArrayList<>();
		if (f.stars() != null) {
			where.append(" and product_stars = ?");
			params.add(f.stars());
		}
		if (f.hidden() != null) {
			where.append(" and hidden = ?");
			params.add(f.hidden());
		}
		if (f.productId() != null) {
			where.append(" and product_id = ?");
			params.add(f.productId());
		}
		if (f.regionIds() != null) {
			where.append(" and region_id = any(?)");
			params.add(f.regionIds().toArray(Long[]::new));
		}
		params.add(limit);
		return withPhotos(jdbc.sql("select " + COLUMNS + " from aftersales.review" + where
				+ " order by created_at desc, id desc limit ?").params(params).query(Reviews::summary).list());
	}

	/** The product's score from its visible reviews. */
	public ProductRating rating(ProductId product) {
		int[] byStars = new int[5];
		jdbc.sql("select product_stars, count(*) from aftersales.review where product_id = ? and not hidden group by product_stars")
			.param(product.value()).query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
				byStars[rs.getInt(1) - 1] = rs.getInt(2);
			});
		return ProductRating.of(product, byStars);
	}

	/** Products by score (visible reviews of the regions, null: all), best first, then by count. */
	public List<Ranked> ranking(Set<Long> regionIds, int limit) {
		Map<Long, int[]> counts = new HashMap<>();
		Map<Long, String> names = new HashMap<>();
		String sql = "select product_id, product_stars, count(*), max(sku_name) from aftersales.review where not hidden"
				+ (regionIds == null ? "" : " and region_id = any(?)") + " group by product_id, product_stars";
		var spec = jdbc.sql(sql);
		if (regionIds != null) {
			spec = spec.param(regionIds.toArray(Long[]::new));
		}
		spec.query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
				counts.computeIfAbsent(rs.getLong(1), k -> new int[5])[rs.getInt(2) - 1] = rs.getInt(3);
				names.merge(rs.getLong(1), rs.getString(4), (a, b) -> a);
			});
		return counts.entrySet().stream()
			.map(e -> new Ranked(new ProductId(e.getKey()), names.get(e.getKey()),
					ProductRating.of(new ProductId(e.getKey()), e.getValue())))
			.sorted(java.util.Comparator.comparingDouble((Ranked r) -> -r.rating().average())
				.thenComparing(r -> -r.rating().count()).thenComparing(r -> r.productId().value()))
			.limit(limit).toList();
	}

	private List<ReviewSummary> withPhotos(List<ReviewSummary> reviews) {
		if (reviews.isEmpty()) {
			return reviews;
		}
		Map<Long, List<Long>> photos = new HashMap<>();
		jdbc.sql("select review_id, id from aftersales.review_photo where review_id = any(?) order by position")
			.param(reviews.stream().map(r -> r.id().value()).toArray(Long[]::new))
			.query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
				photos.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
			});
		return reviews.stream().map(r -> new ReviewSummary(r.id(), r.residentId(), r.authorName(), r.orderId(),
				r.lineId(), r.skuId(), r.skuName(), r.productId(), r.regionId(), r.productStars(), r.leaderStars(),
				r.text(), photos.getOrDefault(r.id().value(), List.of()), r.hidden(), r.hiddenReason(), r.hiddenAt(),
				r.createdAt())).toList();
	}

	private static ReviewSummary summary(ResultSet rs, int n) throws SQLException {
		return new ReviewSummary(new ReviewId(rs.getLong("id")), new AccountId(rs.getLong("resident_id")),
				rs.getString("author_name"), new OrderId(rs.getLong("order_id")), new OrderLineId(rs.getLong("line_id")),
				new SkuId(rs.getLong("sku_id")), rs.getString("sku_name"), new ProductId(rs.getLong("product_id")),
				new RegionId(rs.getLong("region_id")), rs.getInt("product_stars"), (Integer) rs.getObject("leader_stars"),
				rs.getString("text"), List.of(), rs.getBoolean("hidden"), rs.getString("hidden_reason"),
				instant(rs, "hidden_at"), instant(rs, "created_at"));
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
