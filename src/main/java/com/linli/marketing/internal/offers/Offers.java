package com.linli.marketing.internal.offers;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.linli.marketing.Gift;
import com.linli.marketing.ListingId;
import com.linli.marketing.Offer;
import com.linli.network.RegionId;
import com.linli.shared.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** New-resident and 1-yuan offers, and gifts with purchase. */
@Repository
public class Offers {

	private final JdbcClient jdbc;

	Offers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(RegionId region, ListingId listing, Offer.Kind kind, Offer.Audience audience, Money price,
			Instant startsAt, Instant endsAt, Instant now) {
		return jdbc.sql("""
				insert into marketing.offer (region_id, listing_id, kind, audience, price_fen, starts_at, ends_at, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(region.value(), listing.value(), kind.name(), audience.name(), price.fen(), Timestamp.from(startsAt),
					Timestamp.from(endsAt), Timestamp.from(now))
			.query(Long.class).single();
	}

	public boolean deactivate(long id) {
		return jdbc.sql("update marketing.offer set active = false where id = ? and active").param(id).update() == 1;
	}

	public Optional<Offer> find(long id) {
		return offers("id = :id", Map.of("id", id)).stream().findFirst();
	}

	public List<Offer> activeIn(RegionId region) {
		return offers("region_id = :r and active", Map.of("r", region.value()));
	}

	public List<Offer> list(Collection<Long> regionIds) {
		if (regionIds != null && regionIds.isEmpty()) {
			return List.of();
		}
		return regionIds == null ? offers("true", Map.of()) : offers("region_id in (:r)", Map.of("r", regionIds));
	}

	private List<Offer> offers(String where, Map<String, ?> params) {
		return jdbc.sql("select id, region_id, listing_id, kind, audience, price_fen, starts_at, ends_at, active "
				+ "from marketing.offer where " + where + " order by id desc limit 5000")
			.params(params)
			.query((rs, n) -> new Offer(rs.getLong("id"), new RegionId(rs.getLong("region_id")),
					new ListingId(rs.getLong("listing_id")), Offer.Kind.valueOf(rs.getString("kind")),
					Offer.Audience.valueOf(rs.getString("audience")), Money.ofFen(rs.getLong("price_fen")),
					rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(), rs.getBoolean("active")))
			.list();
	}

	public long insertGift(RegionId region, Money threshold, String name, Instant startsAt, Instant endsAt, Instant now) {
		return jdbc.sql("""
				insert into marketing.gift (region_id, threshold_fen, gift_name, starts_at, ends_at, created_at)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(region.value(), threshold.fen(), name, Timestamp.from(startsAt), Timestamp.from(endsAt), Timestamp.from(now))
			.query(Long.class).single();
	}

	public boolean deactivateGift(long id) {
		return jdbc.sql("update marketing.gift set active = false where id = ? and active").param(id).update() == 1;
	}

	public Optional<Gift> findGift(long id) {
		return gifts("id = :id", Map.of("id", id)).stream().findFirst();
	}

	public List<Gift> activeGiftsIn(RegionId region) {
		return gifts("region_id = :r and active", Map.of("r", region.value()));
	}

	public List<Gift> gifts(Collection<Long> regionIds) {
		if (regionIds != null && regionIds.isEmpty()) {
			return List.of();
		}
		return regionIds == null ? gifts("true", Map.of()) : gifts("region_id in (:r)", Map.of("r", regionIds));
	}

	private List<Gift> gifts(String where, Map<String, ?> params) {
		return jdbc.sql("select id, region_id, threshold_fen, gift_name, starts_at, ends_at, active from marketing.gift where "
				+ where + " order by id desc limit 5000")
			.params(params)
			.query((rs, n) -> new Gift(rs.getLong("id"), new RegionId(rs.getLong("region_id")),
					Money.ofFen(rs.getLong("threshold_fen")), rs.getString("gift_name"), rs.getTimestamp("starts_at").toInstant(),
					rs.getTimestamp("ends_at").toInstant(), rs.getBoolean("active")))
			.list();
	}

	/** The gifts an order was promised and not returned (for the order's explanation). */
	public List<String> giftsOfOrder(long orderId) {
		return jdbc.sql("""
				select g.gift_name from marketing.order_gift og join marketing.gift g on g.id = og.gift_id
				where og.order_id = ? and og.returned_at is null order by g.id""")
			.param(orderId).query(String.class).list();
	}
}
