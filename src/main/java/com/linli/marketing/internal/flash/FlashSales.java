package com.linli.marketing.internal.flash;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import com.linli.marketing.FlashSale;
import com.linli.marketing.ListingId;
import com.linli.network.RegionId;
import com.linli.shared.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The flash sales' rows, and a snapshot of those not yet ended that the price engine reads on every quote
 * (no query per order): reloaded after a change commits, and at least every {@link #SNAPSHOT_MILLIS}
 * (another node's change).
 */
@Repository
public class FlashSales {

	static final long SNAPSHOT_MILLIS = 10_000;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();

	/** Bumped by every change, so that a load that began before it never stores its older result. */
	private final AtomicLong generation = new AtomicLong();

	FlashSales(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	private record Snapshot(Map<ListingId, FlashSale> sales, long loadedAt) {
	}

	/** The flash sale of a listing, from the snapshot (the order path). */
	public Optional<FlashSale> cached(ListingId listing) {
		Snapshot s = snapshot.get();
		long now = System.nanoTime();
		if (s == null || now - s.loadedAt() > SNAPSHOT_MILLIS * 1_000_000) {
			long gen = generation.get();
			s = new Snapshot(loadUnended(), now);
			if (generation.get() == gen) {
				snapshot.set(s);
			}
		}
		return Optional.ofNullable(s.sales().get(listing));
	}

	private Map<ListingId, FlashSale> loadUnended() {
		// ended sales no longer change a price; the snapshot keeps those of the last day for late quotes
		return jdbc.sql("select * from marketing.flash_sale where ends_at > ?")
			.param(Timestamp.from(clock.instant().minus(Duration.ofDays(1)))).query(FlashSales::row).list().stream().collect(Collectors.toMap(FlashSale::listing, f -> f));
	}

	public void save(FlashSale sale, Instant at) {
		jdbc.sql("""
				insert into marketing.flash_sale (listing_id, region_id, flash_price_fen, starts_at, ends_at,
				                                  early_access_minutes, early_access_rank, created_at, updated_at)
				values (:listing, :region, :price, :starts, :ends, :minutes, :rank, :at, :at)
				on conflict (listing_id) do update set flash_price_fen = excluded.flash_price_fen,
				    starts_at = excluded.starts_at, ends_at = excluded.ends_at,
				    early_access_minutes = excluded.early_access_minutes, early_access_rank = excluded.early_access_rank,
				    updated_at = excluded.updated_at""")
			.param("listing", sale.listing().value()).param("region", sale.region().value())
			.param("price", sale.flashPrice().fen()).param("starts", Timestamp.from(sale.startsAt()))
			.param("ends", Timestamp.from(sale.endsAt())).param("minutes", sale.earlyAccessMinutes())
			.param("rank", sale.earlyAccessRank()).param("at", Timestamp.from(at)).update();
		forgetAfterCommit();
	}

	public Optional<FlashSale> find(ListingId listing) {
		return jdbc.sql("select * from marketing.flash_sale where listing_id = ?").param(listing.value())
			.query(FlashSales::row).optional();
	}

	/** The region's sales ending after {@code at}, soonest start first. */
	public List<FlashSale> notEnded(RegionId region, Instant at, int limit) {
		return jdbc.sql("""
				select * from marketing.flash_sale where region_id = ? and ends_at > ? order by starts_at, listing_id limit ?""")
			.params(region.value(), Timestamp.from(at), limit).query(FlashSales::row).list();
	}

	private void forgetAfterCommit() {
		generation.incrementAndGet();
		snapshot.set(null);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					generation.incrementAndGet();
					snapshot.set(null);
				}
			});
		}
	}

	private static FlashSale row(ResultSet rs, int n) throws SQLException {
		int rank = rs.getInt("early_access_rank");
		Integer earlyRank = rs.wasNull() ? null : rank;
		return new FlashSale(new ListingId(rs.getLong("listing_id")), new RegionId(rs.getLong("region_id")),
				Money.ofFen(rs.getLong("flash_price_fen")), rs.getTimestamp("starts_at").toInstant(),
				rs.getTimestamp("ends_at").toInstant(), rs.getInt("early_access_minutes"), earlyRank);
	}
}
