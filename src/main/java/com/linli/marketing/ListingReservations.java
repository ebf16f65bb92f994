package com.linli.marketing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import com.linli.identity.AccountId;
import com.linli.marketing.internal.hotstock.HotStock;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.ReadCache;
import com.linli.shared.Text;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reserves units of listings for residents' orders, inside the caller's transaction. The database
 * decides: a conditional update keeps {@code sold <= stock_cap} and a conditional upsert keeps each
 * resident within the per-resident limit, under any concurrency. A listing known to be sold out
 * answers at once, without touching the database (flash sales: thousands of losers per winner).
 */
@Service
public class ListingReservations {

	/**
	 * Listings seen sold out, trusted for a second before the database is asked again (units may come back
	 * from a staff change this node does not see). Units given back here evict the verdict on every node
	 * (the cache bus), so another node refuses them for no longer than the bus's latency.
	 */
	private final ReadCache<Long, Boolean> seenSoldOut = new ReadCache<>("marketing.sold-out", Duration.ofSeconds(1),
			100_000);

	private final JdbcClient jdbc;

	private final Clock clock;

	/** Flash sales' units taken first in hot stock (Redis) when switched on; the database decides in any case. */
	private final HotStock hotStock;

	ListingReservations(JdbcClient jdbc, Clock clock, HotStock hotStock) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.hotStock = hotStock;
	}

	/**
	 * Answers "sold out" at once, without the database, when one of the listings is known to be sold out
	 * (seen so on this node within the last second). The order path asks this first, so that after a
	 * flash sale's last unit the thousands of losers cost no query and no transaction.
	 */
	public void refuseIfKnownSoldOut(java.util.Collection<ListingId> listings) {
		for (ListingId id : listings) {
			if (knownSoldOut(id)) {
				throw soldOut();
			}
			if (hotStock.soldOut(id)) {
				// sold out on some node (hot stock in Redis): this node remembers it for a moment too
				seenSoldOut.put(id.value(), true);
				throw soldOut();
			}
		}
	}

	/** Is the listing known to be sold out on this node right now (no database)? */
	public boolean knownSoldOut(ListingId listing) {
		return seenSoldOut.get(listing.value(), id -> null) != null;
	}

	/**
	 * Takes units of several listings for one resident's order, or throws: {@code limit-exceeded} when the
	 * resident would hold more than a limit, {@code sold-out} when a cap would be passed,
	 * {@code listing-closed} when one is not open. One statement whatever the number of lines: it locks
	 * the listing rows in id order (two orders never deadlock), adds the resident's units under the limit
	 * (a conditional upsert) and the listing's under the cap, the window and the status (a conditional
	 * update). Must run in the caller's transaction, so that a refused line undoes the whole order. A
	 * listing whose last unit this takes is remembered as sold out once the caller commits.
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
			ids[i] = e.getKey().value();
			qs[i++] = e.getValue();
		}
		var refused = hotStock.take(resident, quantities);
		if (refused != null) {
			// hot stock answers the losers before the database (which still decides for the winners)
			if (refused.why() == HotStock.Refusal.OVER_LIMIT) {
				throw new BusinessRuleException("limit-exceeded", "quantity",
						Text.of("marketing.problem.moreThanPerResidentLimitListing"));
			}
			seenSoldOut.put(refused.listing().value(), true);
			throw soldOut();
		}
		Timestamp at = Timestamp.from(clock.instant());
		// "locked" takes the row locks in id order (LockRows above the sort); "held" runs first (the first
		// column asks for it), then "taken" updates the rows this statement already holds
		var outcome = jdbc.sql("""
				with wanted as (
				    select t.id, t.q from unnest(cast(:ids as bigint[]), cast(:qs as int[])) as t(id, q)),
				locked as materialized (
				    select l.id, l.per_resident_limit from marketing.listing l
				     where l.id = any(cast(:ids as bigint[])) order by l.id for update),
				held as (
				    insert into marketing.listing_purchase (listing_id, resident_id, quantity)
				    select w.id, :resident, w.q from locked k join wanted w on w.id = k.id
				     where w.q <= k.per_resident_limit
				     order by w.id
				    on conflict (listing_id, resident_id) do update set quantity = listing_purchase.quantity + excluded.quantity
				     where listing_purchase.quantity + excluded.quantity
				           <= (select per_resident_limit from marketing.listing where id = excluded.listing_id)
				    returning listing_id),
				taken as (
				    update marketing.listing l set sold = l.sold + w.q
				      from locked k join wanted w on w.id = k.id
				     where l.id = k.id and l.status = 'ACTIVE' and l.sold + w.q <= l.stock_cap
				       and l.opens_at <= :now and l.cutoff_at > :now
				    returning l.id, l.stock_cap - l.sold as remaining)
				select (select count(*) from held), (select count(*) from taken),
				       (select coalesce(array_agg(id), '{}') from taken where remaining = 0)""")
			.param("resident", resident.value()).param("ids", ids).param("qs", qs).param("now", at)
			.query((rs, row) -> new Outcome(rs.getInt(1), rs.getInt(2), (Long[]) rs.getArray(3).getArray()))
			.single();
		if (outcome.held() != n) {
			throw new BusinessRuleException("limit-exceeded", "quantity",
					Text.of("marketing.problem.moreThanPerResidentLimitListing"));
		}
		if (outcome.taken() != n) {
			throw refusal(ids, at, now);
		}
		if (outcome.emptied().length > 0) {
			// the last units went to this order: once it commits, the next buyers hear "sold out" from memory
			Long[] emptied = outcome.emptied();
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					for (Long id : emptied) {
						seenSoldOut.put(id, true);
					}
				}
			});
		}
	}

	private record Outcome(int held, int taken, Long[] emptied) {
	}

	/** As {@link #reserve(AccountId, Map)} for one listing. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void reserve(ListingId listing, AccountId resident, int quantity) {
		reserve(resident, Map.of(listing, quantity));
	}

	/**
	 * Takes units of a listing for an order the platform places (an after-sales replacement): under the cap and
	 * the status like any reservation and before the cutoff (also before it opens to residents), but not counted
	 * in a resident's limit. Throws
	 * {@code sold-out} or {@code listing-closed}; in the caller's transaction.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void reserveForPlatform(ListingId listing, int quantity) {
		if (quantity < 1) {
			throw new InvalidInputException("quantity", "must be at least 1");
		}
		long now = clock.millis();
		Timestamp at = Timestamp.from(clock.instant());
		int taken = jdbc.sql("""
				update marketing.listing set sold = sold + :q
				 where id = :id and status = 'ACTIVE' and sold + :q <= stock_cap and cutoff_at > :now""")
			.param("q", quantity).param("id", listing.value()).param("now", at).update();
		if (taken != 1) {
			throw refusal(new Long[] { listing.value() }, at, now);
		}
	}

	/** Why a reservation was refused: closed, or sold out (remembered for a moment to spare the database). */
	private BusinessRuleException refusal(Long[] ids, Timestamp at, long now) {
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
				seenSoldOut.put(ids[i], true);
			}
		}
		return closed ? new BusinessRuleException("listing-closed", "listingId", Text.of("marketing.problem.listingNotOpenNow"))
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
		seenSoldOut.evict(listing.value());
		hotStock.returned(listing, resident, quantity);
	}

	/** A listing changed (a cap raised, say): no verdict of this node or another outlives the change. */
	@org.springframework.context.event.EventListener
	void forgetSoldOut(com.linli.shared.AdminChange change) {
		if (change.action().startsWith("listing.")) {
			seenSoldOut.clear();
		}
	}

	/** Units of the listing the resident holds now. */
	public int held(ListingId listing, AccountId resident) {
		return jdbc.sql("select quantity from marketing.listing_purchase where listing_id = ? and resident_id = ?")
			.params(listing.value(), resident.value()).query(Integer.class).optional().orElse(0);
	}

	private static BusinessRuleException soldOut() {
		return new BusinessRuleException("sold-out", "listingId", Text.of("marketing.problem.soldOut"));
	}
}
