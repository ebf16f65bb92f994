package com.linli.inventory.internal.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.linli.catalog.SkuId;
import com.linli.inventory.PriceSuggestion;
import com.linli.inventory.PriceSuggestionStatus;
import com.linli.marketing.ListingId;
import com.linli.network.RegionId;
import com.linli.shared.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Price suggestions ({@code inventory.price_suggestion}). Status moves are compare-and-set on the status the
 * caller saw: a move that lost a race changes nothing and says so.
 */
@Repository
public class PriceSuggestions {

	private static final String SELECT = "select * from inventory.price_suggestion";

	private final JdbcClient jdbc;

	PriceSuggestions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores a PROPOSED suggestion (its id, status and decision fields are ignored); returns its id. */
	public long insert(PriceSuggestion s) {
		return jdbc.sql("""
				insert into inventory.price_suggestion (region_id, listing_id, sku_id, sku_name, pickup_date, kind, reason,
				    current_price_fen, suggested_price_fen, unit_cost_fen, available, daily_demand, cover_days, shelf_days,
				    elasticity, elasticity_source, promotion_lift, promotion_ratio, competitor_low_fen, horizon_days,
				    risk_until, sold_now, waste_now, sold_new, waste_new, margin_now_fen, margin_new_fen, status, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PROPOSED', ?)
				returning id""")
			.params(s.regionId().value(), s.listingId().value(), s.skuId().value(), s.skuName(), s.pickupDate(),
					s.kind().name(), s.reason().name(), s.currentPrice().fen(), s.suggestedPrice().fen(), fen(s.unitCost()),
					s.available(), round(s.dailyDemand(), 3), s.coverDays() == null ? null : round(s.coverDays(), 2),
					s.shelfDays(), round(s.elasticity(), 4), s.elasticityMeasured() ? "MEASURED" : "DEFAULT",
					s.promotionLift() == null ? null : round(s.promotionLift(), 4),
					s.promotionRatio() == null ? null : round(s.promotionRatio(), 4), fen(s.competitorLow()),
					s.horizonDays(), s.riskUntil(), round(s.soldNow(), 3), round(s.wasteNow(), 3), round(s.soldNew(), 3),
					round(s.wasteNew(), 3), fen(s.marginNow()), fen(s.marginNew()), Timestamp.from(s.createdAt()))
			.query(Long.class).single();
	}

	public Optional<PriceSuggestion> find(long id) {
		return jdbc.sql(SELECT + " where id = ?").param(id).query(PriceSuggestions::row).optional();
	}

	/** The suggestion, locked until the transaction ends (two accepts queue here). */
	public Optional<PriceSuggestion> lock(long id) {
		return jdbc.sql(SELECT + " where id = ? for update").param(id).query(PriceSuggestions::row).optional();
	}

	/** The region's suggestions in a status, newest first (at most 500). */
	public List<PriceSuggestion> of(RegionId region, PriceSuggestionStatus status) {
		return jdbc.sql(SELECT + " where region_id = ? and status = ? order by created_at desc, id desc limit 500")
			.params(region.value(), status.name()).query(PriceSuggestions::row).list();
	}

	/** Accepted suggestions of a listing that still name a listing discount. */
	public List<PriceSuggestion> acceptedDiscounts(ListingId listing) {
		return jdbc.sql(SELECT + " where listing_id = ? and status = 'ACCEPTED' and discount_id is not null")
			.param(listing.value()).query(PriceSuggestions::row).list();
	}

	/** PROPOSED → EXPIRED for every open suggestion of the region; returns how many. */
	public int expireOpen(RegionId region, Instant at) {
		return jdbc.sql("""
				update inventory.price_suggestion set status = 'EXPIRED', decided_at = ?
				 where region_id = ? and status = 'PROPOSED'""")
			.params(Timestamp.from(at), region.value()).update();
	}

	/** PROPOSED → ACCEPTED, with what it became; false when it was no longer PROPOSED. */
	public boolean accepted(long id, Long by, Instant at, Long discountId, int soldAtAccept) {
		return jdbc.sql("""
				update inventory.price_suggestion set status = 'ACCEPTED', decided_by = ?, decided_at = ?, discount_id = ?,
				       sold_at_accept = ?
				 where id = ? and status = 'PROPOSED'""")
			.params(by, Timestamp.from(at), discountId, soldAtAccept, id).update() == 1;
	}

	/** PROPOSED → {@code to} (DISMISSED or EXPIRED); false when it was no longer PROPOSED. */
	public boolean closed(long id, PriceSuggestionStatus to, Long by, Instant at) {
		return jdbc.sql("""
				update inventory.price_suggestion set status = ?, decided_by = ?, decided_at = ?
				 where id = ? and status = 'PROPOSED'""")
			.params(to.name(), by, Timestamp.from(at), id).update() == 1;
	}

	private static Long fen(Money m) {
		return m == null ? null : m.fen();
	}

	private static BigDecimal round(double v, int scale) {
		return BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP);
	}

	private static Money money(ResultSet rs, String column) throws SQLException {
		long v = rs.getLong(column);
		return rs.wasNull() ? null : Money.ofFen(v);
	}

	private static Long longOrNull(ResultSet rs, String column) throws SQLException {
		long v = rs.getLong(column);
		return rs.wasNull() ? null : v;
	}

	private static Double doubleOrNull(ResultSet rs, String column) throws SQLException {
		double v = rs.getDouble(column);
		return rs.wasNull() ? null : v;
	}

	private static Integer intOrNull(ResultSet rs, String column) throws SQLException {
		int v = rs.getInt(column);
		return rs.wasNull() ? null : v;
	}

	static PriceSuggestion row(ResultSet rs, int n) throws SQLException {
		Timestamp decided = rs.getTimestamp("decided_at");
		return new PriceSuggestion(rs.getLong("id"), new RegionId(rs.getLong("region_id")),
				new ListingId(rs.getLong("listing_id")), new SkuId(rs.getLong("sku_id")), rs.getString("sku_name"),
				rs.getObject("pickup_date", LocalDate.class), PriceSuggestion.Kind.valueOf(rs.getString("kind")),
				PriceSuggestion.Reason.valueOf(rs.getString("reason")), Money.ofFen(rs.getLong("current_price_fen")),
				Money.ofFen(rs.getLong("suggested_price_fen")), money(rs, "unit_cost_fen"), rs.getLong("available"),
				rs.getDouble("daily_demand"), doubleOrNull(rs, "cover_days"), intOrNull(rs, "shelf_days"),
				rs.getDouble("elasticity"), "MEASURED".equals(rs.getString("elasticity_source")),
				doubleOrNull(rs, "promotion_lift"), doubleOrNull(rs, "promotion_ratio"), money(rs, "competitor_low_fen"),
				rs.getInt("horizon_days"), rs.getObject("risk_until", LocalDate.class), rs.getDouble("sold_now"),
				rs.getDouble("waste_now"), rs.getDouble("sold_new"), rs.getDouble("waste_new"), money(rs, "margin_now_fen"),
				money(rs, "margin_new_fen"), PriceSuggestionStatus.valueOf(rs.getString("status")),
				rs.getTimestamp("created_at").toInstant(), longOrNull(rs, "decided_by"),
				decided == null ? null : decided.toInstant(), longOrNull(rs, "discount_id"), intOrNull(rs, "sold_at_accept"));
	}
}
