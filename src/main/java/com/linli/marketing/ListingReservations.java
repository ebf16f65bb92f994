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
	 * Takes {@code quantity} units of the listing for the resident, or throws: {@code sold-out} when the
	 * cap would be passed, {@code limit-exceeded} when the resident would hold more than the limit,
	 * {@code listing-closed} when it is not open. Must run in the caller's transaction, so that a
	 * refused line undoes the whole order.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void reserve(ListingId listing, AccountId resident, int quantity) {
		if (quantity < 1) {
			throw new InvalidInputException("quantity", "must be at least 1");
		}
		long now = clock.millis();
		Long until = soldOutUntil.get(listing.value());
		if (until != null && until > now) {
			throw soldOut(listing);
		}
		int held = jdbc.sql("""
				insert into marketing.listing_purchase (listing_id, resident_id, quantity)
				select l.id, :resident, :q from marketing.listing l where l.id = :id and :q <= l.per_resident_limit
				on conflict (listing_id, resident_id) do update set quantity = listing_purchase.quantity + excluded.quantity
				 where listing_purchase.quantity + excluded.quantity
				       <= (select per_resident_limit from marketing.listing where id = excluded.listing_id)""")
			.param("resident", resident.value()).param("q", quantity).param("id", listing.value()).update();
		if (held == 0) {
			throw new BusinessRuleException("limit-exceeded", "quantity",
					"超过每人限购数量 / more than the per-resident limit of this listing");
		}
		// the hot row last: its lock is held only until the caller commits
		int taken = jdbc.sql("""
				update marketing.listing set sold = sold + :q
				 where id = :id and status = 'ACTIVE' and sold + :q <= stock_cap and opens_at <= :now and cutoff_at > :now""")
			.param("q", quantity).param("id", listing.value()).param("now", Timestamp.from(clock.instant())).update();
		if (taken == 0) {
			var state = jdbc.sql("""
					select status = 'ACTIVE' and opens_at <= :now and cutoff_at > :now as open, stock_cap - sold as remaining
					  from marketing.listing where id = :id""")
				.param("now", Timestamp.from(clock.instant())).param("id", listing.value())
				.query((rs, n) -> new boolean[] { rs.getBoolean(1), rs.getInt(2) <= 0 })
				.single();
			if (!state[0]) {
				throw new BusinessRuleException("listing-closed", "listingId", "该商品当前不在售 / listing is not open now");
			}
			if (state[1]) {
				soldOutUntil.put(listing.value(), now + SOLD_OUT_TTL_MILLIS);
			}
			throw soldOut(listing);
		}
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

	private static BusinessRuleException soldOut(ListingId listing) {
		return new BusinessRuleException("sold-out", "listingId", "已售罄 / sold out");
	}
}
