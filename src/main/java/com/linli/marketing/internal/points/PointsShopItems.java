package com.linli.marketing.internal.points;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.linli.identity.AccountId;
import com.linli.marketing.NewPointsShopItem;
import com.linli.marketing.PointsExchange;
import com.linli.marketing.PointsShopItem;
import com.linli.network.RegionId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The points shop's items and exchanges. Stock is taken by {@code exchanged = exchanged + 1 where
 * exchanged < stock}: under any concurrency one unit goes to one exchange (the check constraint is the
 * last guard); an exchange is keyed by resident and idempotency key.
 */
@Component
public class PointsShopItems {

	private static final String COLUMNS = "id, region_id, name, coupon_template_id, points_price, stock, exchanged, active, created_at";

	private final JdbcClient jdbc;

	PointsShopItems(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public PointsShopItem insert(NewPointsShopItem item, Instant at) {
		long id = jdbc.sql("""
				insert into marketing.points_shop_item (region_id, name, coupon_template_id, points_price, stock, created_at)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(item.regionId().value(), item.name().strip(), item.couponTemplateId(), item.pointsPrice(), item.stock(),
					Timestamp.from(at))
			.query(Long.class).single();
		return find(id).orElseThrow();
	}

	public Optional<PointsShopItem> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from marketing.points_shop_item where id = ?").param(id)
			.query(PointsShopItems::item).optional();
	}

	/** The region's items, active ones first, newest first. */
	public List<PointsShopItem> inRegion(RegionId region, boolean activeOnly) {
		return jdbc.sql("select " + COLUMNS + " from marketing.points_shop_item where region_id = ?"
				+ (activeOnly ? " and active" : "") + " order by active desc, id desc")
			.param(region.value()).query(PointsShopItems::item).list();
	}

	/** Changes price and stock (never below what was exchanged) and whether it is listed. */
	public boolean update(long id, long pointsPrice, int stock, boolean active) {
		return jdbc.sql("""
				update marketing.points_shop_item set points_price = ?, stock = ?, active = ?
				where id = ? and exchanged <= ?""").params(pointsPrice, stock, active, id, stock).update() == 1;
	}

	/** Takes one unit of stock; false when the item is sold out or no longer listed. */
	public boolean takeOne(long id) {
		return jdbc.sql("""
				update marketing.points_shop_item set exchanged = exchanged + 1
				where id = ? and active and exchanged < stock""").param(id).update() == 1;
	}

	/** Records an exchange; empty when the resident already used this key (see {@link #exchange}). */
	public Optional<Long> insertExchange(long itemId, AccountId resident, String key, long points, Instant at) {
		return jdbc.sql("""
				insert into marketing.points_exchange (item_id, resident_id, idempotency_key, points, at)
				values (?, ?, ?, ?, ?) on conflict (resident_id, idempotency_key) do nothing returning id""")
			.params(itemId, resident.value(), key, points, Timestamp.from(at)).query(Long.class).optional();
	}

	public void setCoupon(long exchangeId, long couponId) {
		jdbc.sql("update marketing.points_exchange set coupon_id = ? where id = ?").params(couponId, exchangeId).update();
	}

	public Optional<PointsExchange> exchange(AccountId resident, String key) {
		return jdbc.sql("""
				select id, item_id, points, coupon_id, at from marketing.points_exchange
				where resident_id = ? and idempotency_key = ?""")
			.params(resident.value(), key).query(PointsShopItems::exchange).optional();
	}

	public List<PointsExchange> exchanges(AccountId resident, int limit) {
		return jdbc.sql("""
				select id, item_id, points, coupon_id, at from marketing.points_exchange
				where resident_id = ? order by id desc limit ?""")
			.params(resident.value(), limit).query(PointsShopItems::exchange).list();
	}

	private static PointsExchange exchange(ResultSet rs, int n) throws SQLException {
		return new PointsExchange(rs.getLong("id"), rs.getLong("item_id"), rs.getLong("points"), rs.getLong("coupon_id"),
				rs.getTimestamp("at").toInstant());
	}

	private static PointsShopItem item(ResultSet rs, int n) throws SQLException {
		return new PointsShopItem(rs.getLong("id"), new RegionId(rs.getLong("region_id")), rs.getString("name"),
				rs.getLong("coupon_template_id"), rs.getLong("points_price"), rs.getInt("stock"), rs.getInt("exchanged"),
				rs.getBoolean("active"), rs.getTimestamp("created_at").toInstant());
	}
}
