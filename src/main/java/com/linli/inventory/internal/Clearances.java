package com.linli.inventory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.linli.catalog.SkuId;
import com.linli.inventory.Clearance;
import com.linli.marketing.ListingId;
import com.linli.network.RegionId;
import com.linli.shared.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Clearance suggestions, one per alert. */
@Repository
public class Clearances {

	private static final String SELECT = """
			select id, alert_id, kind, region_id, sku_id, base_price_fen, discount_percent, price_fen, cap, pickup_date,
			       last_pickup_date, bundle_sku_id, bundle_name, status, listing_id from inventory.clearance""";

	private final JdbcClient jdbc;

	Clearances(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(Clearance c, Instant at) {
		jdbc.sql("""
				insert into inventory.clearance (alert_id, kind, region_id, sku_id, base_price_fen, discount_percent,
				    price_fen, cap, pickup_date, last_pickup_date, bundle_sku_id, bundle_name, status, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SUGGESTED', ?) on conflict (alert_id) do nothing""")
			.params(c.alertId(), c.kind().name(), c.regionId().value(), c.skuId().value(), c.basePrice().fen(),
					c.discountPercent(), c.price().fen(), c.cap(), c.pickupDate(), c.lastPickupDate(),
					c.bundleSkuId() == null ? null : c.bundleSkuId().value(), c.bundleName(), Timestamp.from(at))
			.update();
	}

	public Optional<Clearance> find(long id) {
		return jdbc.sql(SELECT + " where id = ?").param(id).query(Clearances::clearance).optional();
	}

	/** The suggestion, locked until the transaction ends (two accepts queue here). */
	public Optional<Clearance> lock(long id) {
		return jdbc.sql(SELECT + " where id = ? for update").param(id).query(Clearances::clearance).optional();
	}

	public Map<Long, Clearance> forAlerts(Collection<Long> alertIds) {
		Map<Long, Clearance> result = new HashMap<>();
		jdbc.sql(SELECT + " where alert_id = any(?)").param(alertIds.toArray(Long[]::new)).query(Clearances::clearance)
			.list().forEach(c -> result.put(c.alertId(), c));
		return result;
	}

	public void accepted(long id, ListingId listing, Long by, Instant at) {
		jdbc.sql("""
				update inventory.clearance set status = 'ACCEPTED', listing_id = ?, accepted_by = ?, accepted_at = ?
				 where id = ? and status = 'SUGGESTED'""")
			.params(listing.value(), by, Timestamp.from(at), id).update();
	}

	static Clearance clearance(ResultSet rs, int row) throws SQLException {
		long bundle = rs.getLong("bundle_sku_id");
		boolean noBundle = rs.wasNull();
		long listing = rs.getLong("listing_id");
		boolean noListing = rs.wasNull();
		return new Clearance(rs.getLong("id"), rs.getLong("alert_id"), Clearance.Kind.valueOf(rs.getString("kind")),
				new RegionId(rs.getLong("region_id")), new SkuId(rs.getLong("sku_id")),
				Money.ofFen(rs.getLong("base_price_fen")), rs.getInt("discount_percent"), Money.ofFen(rs.getLong("price_fen")),
				rs.getInt("cap"), rs.getObject("pickup_date", LocalDate.class),
				rs.getObject("last_pickup_date", LocalDate.class), noBundle ? null : new SkuId(bundle),
				rs.getString("bundle_name"), "ACCEPTED".equals(rs.getString("status")),
				noListing ? null : new ListingId(listing));
	}
}
