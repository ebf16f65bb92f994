package com.linli.marketing.internal.controls;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.linli.marketing.ListingId;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The listing control tables in plain SQL: closed days, leader-only pickup points, commission rates. */
@Repository
public class ListingControls {

	private final JdbcClient jdbc;

	ListingControls(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A market-closed day of a region and why. */
	public record ClosedDay(RegionId region, LocalDate day, String reason) {
	}

	public Optional<ClosedDay> closedDay(RegionId region, LocalDate day) {
		return jdbc.sql("select region_id, day, reason from marketing.market_closed_day where region_id = ? and day = ?")
			.params(region.value(), day)
			.query((rs, n) -> new ClosedDay(region, rs.getObject("day", LocalDate.class), rs.getString("reason")))
			.optional();
	}

	public List<ClosedDay> closedDays(RegionId region, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select day, reason from marketing.market_closed_day where region_id = ? and day between ? and ? order by day""")
			.params(region.value(), from, to)
			.query((rs, n) -> new ClosedDay(region, rs.getObject("day", LocalDate.class), rs.getString("reason")))
			.list();
	}

	/** Marks the day closed; false when it was already. */
	public boolean close(RegionId region, LocalDate day, String reason, Instant at, Long by) {
		return jdbc.sql("""
				insert into marketing.market_closed_day (region_id, day, reason, created_at, created_by)
				values (?, ?, ?, ?, ?) on conflict do nothing""")
			.params(region.value(), day, reason, Timestamp.from(at), by)
			.update() == 1;
	}

	public boolean reopen(RegionId region, LocalDate day) {
		return jdbc.sql("delete from marketing.market_closed_day where region_id = ? and day = ?")
			.params(region.value(), day).update() == 1;
	}

	/** The pickup points each listing is restricted to; listings sold everywhere are absent. */
	public Map<ListingId, Set<PickupPointId>> pickupPoints(Collection<ListingId> listings) {
		Map<ListingId, Set<PickupPointId>> result = new HashMap<>();
		if (listings.isEmpty()) {
			return result;
		}
		jdbc.sql("select listing_id, pickup_point_id from marketing.listing_pickup_point where listing_id = any(?)")
			.param(listings.stream().map(ListingId::value).distinct().toArray(Long[]::new))
			.query((rs, n) -> {
				result.computeIfAbsent(new ListingId(rs.getLong(1)), k -> new HashSet<>())
					.add(new PickupPointId(rs.getLong(2)));
				return null;
			})
			.list();
		return result;
	}

	/** Replaces the listing's pickup points (none: sold everywhere in its region). */
	public void restrict(ListingId listing, Set<PickupPointId> points) {
		jdbc.sql("delete from marketing.listing_pickup_point where listing_id = ?").param(listing.value()).update();
		for (PickupPointId p : points) {
			jdbc.sql("insert into marketing.listing_pickup_point (listing_id, pickup_point_id) values (?, ?)")
				.params(listing.value(), p.value()).update();
		}
	}

	public Map<ListingId, Integer> commissionRates(Collection<ListingId> listings) {
		Map<ListingId, Integer> result = new HashMap<>();
		if (listings.isEmpty()) {
			return result;
		}
		jdbc.sql("select listing_id, rate_bp from marketing.listing_commission where listing_id = any(?)")
			.param(listings.stream().map(ListingId::value).distinct().toArray(Long[]::new))
			.query((rs, n) -> result.put(new ListingId(rs.getLong(1)), rs.getInt(2)))
			.list();
		return result;
	}

	public void setCommissionRate(ListingId listing, Integer basisPoints, Instant at) {
		if (basisPoints == null) {
			jdbc.sql("delete from marketing.listing_commission where listing_id = ?").param(listing.value()).update();
			return;
		}
		jdbc.sql("""
				insert into marketing.listing_commission (listing_id, rate_bp, updated_at) values (?, ?, ?)
				on conflict (listing_id) do update set rate_bp = excluded.rate_bp, updated_at = excluded.updated_at""")
			.params(listing.value(), basisPoints, Timestamp.from(at)).update();
	}
}
