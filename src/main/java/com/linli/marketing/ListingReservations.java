package com.linli.marketing;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.linli.identity.AccountId;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reserves units of listings for residents' orders, inside the caller's transaction. The database
 * decides: a conditional update keeps {@code sold <= stock_cap} and a conditional upsert keeps each
 * resident within the per-resident limit, under any concurrency. A listing known to be sold out
 * answers at once, without touching the database (flash sales: thousands of losers per winner).
 */
@Service
public class ListingReservations {

	/** How long a "sold out" verdict is trusted before the database is asked again (units may come back). */
	private static final long SOLD_OUT_TTL_MILLIS = 1_000;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Map<Long, Long> soldOutUntil = new ConcurrentHashMap<>();

	ListingReservations(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Takes units of several listings for one resident's order, or throws: {@code sold-out} when a
	 * cap would be passed, {@code limit-exceeded} when the resident would hold more than a limit,
	 * {@code listing-closed} when one is not open. Two statements whatever the number of lines; the
	 * listing rows are locked in id order, so two orders never deadlock. Must run in the caller's
	 * transaction, so that a refused line undoes the whole order.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void reserve(AccountId resident, Map<ListingId, Integer> quantities) {
		int n = quantities.size();
		Long[] ids = new Long[n];
		Integer[] qs = new Integer[n];
		int i = 0;
		long now = clock.millis();
		for (var e : quantities.entrySet()) {
			if (e.getValue() < 1) {
				throw new InvalidInputException("quantity", "must be at least 1");
			}
			Long until = soldOutUntil.get(e.getKey().value());
			if (until != null && until > now) {
				throw soldOut();
			}
			ids[i] = e.getKey().value();
			qs[i++] = e.getValue();
		}
		// ordered input (callers pass a sorted map; ORDER BY keeps it): rows are locked in one order, no deadlock
		int held = jdbc.sql("""
				insert into marketing.listing_purchase (listing_id, resident_id, quantity)
				select t.id, :resident, t.q
				  from unnest(cast(:ids as bigint[]), cast(:qs as int[])) with ordinality as t(id, q, ord)
				 where t.q <= (select per_resident_limit from marketing.listing where id = t.id)
				 order by t.id
				on conflict (listing_id, resident_id) do update set quantity = listing_purchase.quantity + excluded.quantity
				 where listing_purchase.quantity + excluded.quantity
				       <= (select per_resident_limit from marketing.listing where id = excluded.listing_id)""")
			.param("resident", resident.value()).param("ids", ids).param("qs", qs).update();
		if (held != n) {
			throw new BusinessRuleException("limit-exceeded", "quantity",
					"超过每人限购数量 / more than the per-resident limit of this listing");
		}
		// the hot rows last, one conditional update each in ascending id order: locks held only until the
		// caller commits, always taken in the same order
		Timestamp at = Timestamp.from(clock.instant());
		Integer[] order = java.util.stream.IntStream.range(0, n).boxed()
			.sorted(java.util.Comparator.comparingLong(k -> ids[k])).toArray(Integer[]::new);
		for (int k : order) {
			int taken = jdbc.sql("""
					update marketing.listing set sold = sold + :q
					 where id = :id and status = 'ACTIVE' and sold + :q <= stock_cap and opens_at <= :now and cutoff_at > :now""")
				.param("q", qs[k]).param("id", ids[k]).param("now", at).update();
			if (taken != 1) {
				throw refusal(ids, qs, at, now);
			}
		}
	}

	/** As {@link #reserve(AccountId, Map)} for one listing. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void reserve(ListingId listing, AccountId resident, int quantity) {
		reserve(resident, Map.of(listing, quantity));
	}

	/** Why a reservation was refused: closed, or sold out (remembered for a moment to spare the database). */
	private BusinessRuleException refusal(Long[] ids, Integer[] qs, Timestamp at, long now) {
		boolean closed = false;
		for (int i = 0; i < ids.length; i++) {
			var state = jdbc.sql("""
					select status = 'ACTIVE' and opens_at <= :now and cutoff_at > :now, stock_cap - sold
					  from marketing.listing where id = :id""")
				.param("now", at).param("id", ids[i])
				.query((rs, n) -> new long[] { rs.getBoolean(1) ? 1 : 0, rs.getInt(2) }).single();
			if (state[0] == 0) {
				closed = true;
			}
			else if (state[1] <= 0) {
				soldOutUntil.put(ids[i], now + SOLD_OUT_TTL_MILLIS);
			}
		}
		return closed ? new BusinessRuleException("listing-closed", "listingId", "该商品当前不在售 / listing is not open now")
				: soldOut();
	}

	/** Gives units back (an order cancelled or expired), within the caller's transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void release(ListingId listing, AccountId resident, int quantity) {
		jdbc.sql("update marketing.listing set sold = sold - ? where id = ? and sold >= ?")
			.params(quantity, listing.value(), quantity).update();
		jdbc.sql("""
				update marketing.listing_purchase set quantity = quantity - ?
				 where listing_id = ? and resident_id = ? and quantity >= ?""")
			.params(quantity, listing.value(), resident.value(), quantity).update();
		soldOutUntil.remove(listing.value());
	}

	/** Units of the listing the resident holds now. */
	public int held(ListingId listing, AccountId resident) {
		return jdbc.sql("select quantity from marketing.listing_purchase where listing_id = ? and resident_id = ?")
			.params(listing.value(), resident.value()).query(Integer.class).optional().orElse(0);
	}

	private static BusinessRuleException soldOut() {
		return new BusinessRuleException("sold-out", "listingId", "已售罄 / sold out");
	}
}
