package com.linli.marketing.internal.levels;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.linli.marketing.ListingId;
import com.linli.marketing.MemberPrice;
import com.linli.shared.Money;
import com.linli.shared.ReadCache;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Member prices per listing, cached (a listing without any is cached as an empty list, so the order path
 * asks the database once per listing and TTL, not once per order).
 */
@Component
public class MemberPrices {

	private final JdbcClient jdbc;

	private final ReadCache<Long, List<MemberPrice>> cache = new ReadCache<>("marketing.member-price", Duration.ofSeconds(30), 50_000);

	MemberPrices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The member prices of the listings (each listing's, lowest rank first; empty when it has none). */
	public Map<Long, List<MemberPrice>> of(Collection<Long> listingIds) {
		return cache.getAll(listingIds, this::load);
	}

	public List<MemberPrice> of(ListingId listing) {
		return of(List.of(listing.value())).getOrDefault(listing.value(), List.of());
	}

	public void put(ListingId listing, int minRank, Money price) {
		jdbc.sql("""
				insert into marketing.member_price (listing_id, min_rank, price_fen) values (?, ?, ?)
				on conflict (listing_id, min_rank) do update set price_fen = excluded.price_fen""")
			.params(listing.value(), minRank, price.fen()).update();
		cache.evict(listing.value());
	}

	public boolean remove(ListingId listing, int minRank) {
		int deleted = jdbc.sql("delete from marketing.member_price where listing_id = ? and min_rank = ?")
			.params(listing.value(), minRank).update();
		cache.evict(listing.value());
		return deleted == 1;
	}

	/** Every member price (the console's list), newest listings first. */
	public List<MemberPrice> all(int limit) {
		return jdbc.sql("select listing_id, min_rank, price_fen from marketing.member_price order by listing_id desc, min_rank limit ?")
			.param(limit).query((rs, n) -> new MemberPrice(new ListingId(rs.getLong(1)), rs.getInt(2),
					Money.ofFen(rs.getLong(3))))
			.list();
	}

	private Map<Long, List<MemberPrice>> load(Collection<Long> ids) {
		Map<Long, List<MemberPrice>> found = new HashMap<>();
		ids.forEach(id -> found.put(id, new ArrayList<>()));
		jdbc.sql("select listing_id, min_rank, price_fen from marketing.member_price where listing_id = any(?) order by min_rank")
			.param(ids.toArray(Long[]::new))
			.query((rs, n) -> new MemberPrice(new ListingId(rs.getLong(1)), rs.getInt(2), Money.ofFen(rs.getLong(3))))
			.list()
			.forEach(p -> found.get(p.listing().value()).add(p));
		Map<Long, List<MemberPrice>> result = new HashMap<>();
		found.forEach((k, v) -> result.put(k, List.copyOf(v)));
		return result;
	}
}
