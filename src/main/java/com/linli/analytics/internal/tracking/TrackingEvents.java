package com.linli.analytics.internal.tracking;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.linli.catalog.SkuId;
import com.linli.catalog.SkuManagement;
import com.linli.identity.AccountId;
import com.linli.marketing.ListingId;
import com.linli.marketing.ListingManagement;
import com.linli.network.PickupPoint;
import com.linli.network.PickupPointId;
import com.linli.network.PickupPointManagement;
import com.linli.network.ResidentBindingManagement;
import com.linli.shared.TrackedEvent;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes tracked events in one JDBC batch, after filling in what the request thread left out: the pickup point of
 * the resident (their binding), the region of the pickup point or of the listing, the SKU of the listing and the
 * category of the SKU (all from the modules' cached APIs), and the business day in the platform's zone.
 */
@Component
public class TrackingEvents {

	private final JdbcTemplate jdbc;

	private final TrackingPartitions partitions;

	private final ResidentBindingManagement bindings;

	private final PickupPointManagement pickupPoints;

	private final ListingManagement listings;

	private final SkuManagement skus;

	private final ZoneId zone;

	TrackingEvents(JdbcTemplate jdbc, TrackingPartitions partitions, ResidentBindingManagement bindings,
			PickupPointManagement pickupPoints, ListingManagement listings, SkuManagement skus, Clock clock) {
		this.jdbc = jdbc;
		this.partitions = partitions;
		this.bindings = bindings;
		this.pickupPoints = pickupPoints;
		this.listings = listings;
		this.skus = skus;
		this.zone = clock.getZone();
	}

	/** Inserts the events (enriched); the demo's history goes through here too. */
	public void insert(List<TrackedEvent> batch) {
		if (batch.isEmpty()) {
			return;
		}
		var rows = enrich(batch);
		new TreeSet<>(rows.stream().map(Row::day).toList()).forEach(partitions::ensure);
		jdbc.batchUpdate("""
				insert into analytics.tracking_event (day, at, kind, client, region_id, pickup_point_id, resident_id,
				       listing_id, sku_id, category_id, order_id, results, query)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new BatchPreparedStatementSetter() {
			@Override
			public void setValues(PreparedStatement ps, int i) throws SQLException {
				var r = rows.get(i);
				var e = r.event();
				ps.setDate(1, Date.valueOf(r.day()));
				ps.setTimestamp(2, Timestamp.from(e.at()));
				ps.setShort(3, (short) e.kind().code());
				ps.setShort(4, (short) e.client().code());
				setInt(ps, 5, e.regionId());
				setInt(ps, 6, e.pickupPointId());
				setLong(ps, 7, e.residentId());
				setLong(ps, 8, e.listingId());
				setInt(ps, 9, e.skuId());
				setInt(ps, 10, r.categoryId());
				setLong(ps, 11, e.orderId());
				if (e.results() == null) {
					ps.setNull(12, Types.INTEGER);
				}
				else {
					ps.setInt(12, e.results());
				}
				ps.setString(13, e.query());
			}

			@Override
			public int getBatchSize() {
				return rows.size();
			}
		});
	}

	private static void setInt(PreparedStatement ps, int index, Long value) throws SQLException {
		if (value == null) {
			ps.setNull(index, Types.INTEGER);
		}
		else {
			ps.setInt(index, Math.toIntExact(value));
		}
	}

	private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
		if (value == null) {
			ps.setNull(index, Types.BIGINT);
		}
		else {
			ps.setLong(index, value);
		}
	}

	private record Row(TrackedEvent event, LocalDate day, Long categoryId) {
	}

	private List<Row> enrich(List<TrackedEvent> batch) {
		var listingIds = new HashSet<ListingId>();
		var residentsWithoutPoint = new HashSet<Long>();
		batch.forEach(e -> {
			if (e.listingId() != null && (e.skuId() == null || e.regionId() == null)) {
				listingIds.add(new ListingId(e.listingId()));
			}
			if (e.pickupPointId() == null && e.residentId() != null) {
				residentsWithoutPoint.add(e.residentId());
			}
		});
		var listed = listingIds.isEmpty() ? Map.<ListingId, com.linli.marketing.Listing>of()
				: listings.cachedListings(listingIds);
		Map<Long, Long> pointOf = new HashMap<>();
		for (Long resident : residentsWithoutPoint) {
			bindings.cachedPickupPointOf(new AccountId(resident)).ifPresent(p -> pointOf.put(resident, p.id().value()));
		}
		var enriched = new ArrayList<TrackedEvent>(batch.size());
		var pointIds = new HashSet<PickupPointId>();
		var skuIds = new HashSet<SkuId>();
		for (var e : batch) {
			var listing = e.listingId() == null ? null : listed.get(new ListingId(e.listingId()));
			Long sku = e.skuId() != null ? e.skuId() : listing == null ? null : listing.skuId().value();
			Long point = e.pickupPointId() != null ? e.pickupPointId()
					: e.residentId() == null ? null : pointOf.get(e.residentId());
			Long region = e.regionId() != null ? e.regionId() : listing == null ? null : listing.regionId().value();
			var filled = e.at(point, region).product(e.listingId(), sku);
			enriched.add(filled);
			if (region == null && point != null) {
				pointIds.add(new PickupPointId(point));
			}
			if (sku != null) {
				skuIds.add(new SkuId(sku));
			}
		}
		Map<PickupPointId, PickupPoint> points = pointIds.isEmpty() ? Map.of() : pickupPoints.pickupPoints(pointIds);
		var categories = skuIds.isEmpty() ? Map.<SkuId, com.linli.catalog.Sku>of() : skus.cachedSkus(skuIds);
		var rows = new ArrayList<Row>(enriched.size());
		for (var e : enriched) {
			var filled = e;
			if (e.regionId() == null && e.pickupPointId() != null) {
				var p = points.get(new PickupPointId(e.pickupPointId()));
				filled = e.at(e.pickupPointId(), p == null ? null : p.regionId().value());
			}
			var sku = e.skuId() == null ? null : categories.get(new SkuId(e.skuId()));
			Long category = sku == null || sku.categoryId() == null ? null : sku.categoryId().value();
			rows.add(new Row(filled, LocalDate.ofInstant(e.at(), zone), category));
		}
		return rows;
	}
}
