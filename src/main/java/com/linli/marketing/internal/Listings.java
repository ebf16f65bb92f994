package com.linli.marketing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.linli.catalog.SkuId;
import com.linli.marketing.Listing;
import com.linli.marketing.ListingId;
import com.linli.marketing.ListingStatus;
import com.linli.marketing.ListingTerms;
import com.linli.network.RegionId;
import com.linli.shared.Money;
import com.linli.shared.Page;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The listing table in plain SQL. State changes are conditional updates that re-check their guard in the row. */
@Repository
public class Listings {

	private static final String COLUMNS = """
			select id, region_id, sku_id, group_price_fen, list_price_fen, stock_cap, per_resident_limit, sold,
			       opens_at, cutoff_at, pickup_date, status, created_at
			  from marketing.listing
			""";

	private final JdbcClient jdbc;

	Listings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public ListingId insert(RegionId region, SkuId sku, ListingTerms t, Instant createdAt, Long createdBy) {
		long id = jdbc.sql("""
				insert into marketing.listing (region_id, sku_id, group_price_fen, list_price_fen, stock_cap,
				       per_resident_limit, opens_at, cutoff_at, pickup_date, created_at, created_by)
				values (:region, :sku, :group, :list, :cap, :limit, :opens, :cutoff, :pickup, :created, :by)
				returning id""")
			.param("region", region.value())
			.param("sku", sku.value())
			.param("group", t.groupPrice().fen())
			.param("list", t.listPrice() == null ? null : t.listPrice().fen())
			.param("cap", t.stockCap())
			.param("limit", t.perResidentLimit())
			.param("opens", Timestamp.from(t.opensAt()))
			.param("cutoff", Timestamp.from(t.cutoffAt()))
			.param("pickup", t.pickupDate())
			.param("created", Timestamp.from(createdAt))
			.param("by", createdBy)
			.query(Long.class)
			.single();
		return new ListingId(id);
	}

	public Optional<Listing> find(ListingId id) {
		return jdbc.sql(COLUMNS + " where id = ?").param(id.value()).query(Listings::map).optional();
	}

	public List<Listing> findAll(Collection<ListingId> ids) {
		Long[] array = ids.stream().map(ListingId::value).distinct().toArray(Long[]::new);
		return jdbc.sql(COLUMNS + " where id = any(?) order by id").param(array).query(Listings::map).list();
	}

	public boolean activeExists(RegionId region, SkuId sku, LocalDate pickupDate) {
		return jdbc.sql("""
				select exists(select 1 from marketing.listing
				               where region_id = ? and sku_id = ? and pickup_date = ? and status = 'ACTIVE')""")
			.params(region.value(), sku.value(), pickupDate)
			.query(Boolean.class)
			.single();
	}

	/** Active listings of the region whose window contains {@code at}. */
	public List<Listing> openIn(RegionId region, Instant at) {
		return jdbc.sql(COLUMNS + """
				 where region_id = :region and status = 'ACTIVE' and opens_at <= :at and cutoff_at > :at
				 order by id""")
			.param("region", region.value())
			.param("at", Timestamp.from(at))
			.query(Listings::map)
			.list();
	}

	public List<Listing> forPickupDate(RegionId region, LocalDate pickupDate) {
		return jdbc.sql(COLUMNS + " where region_id = ? and pickup_date = ? order by id")
			.params(region.value(), pickupDate)
			.query(Listings::map)
			.list();
	}

	/**
	 * One page of the console list.
	 * @param regionScope regions the viewer may see, null for all
	 * @param skus SKUs matching the text filter, null for no text filter
	 */
	public Page<Listing> search(RegionId region, LocalDate pickupDate, ListingStatus status, Set<Long> regionScope,
			Collection<SkuId> skus, int page, int size) {
		String where = """
				 where (cast(:region as bigint) is null or region_id = :region)
				   and (cast(:pickup as date) is null or pickup_date = :pickup)
				   and (cast(:status as text) is null or status = :status)
				   and (cast(:anyRegion as boolean) or region_id = any(:scope))
				   and (cast(:anySku as boolean) or sku_id = any(:skus))
				""";
		Long[] scope = regionScope == null ? new Long[0] : regionScope.toArray(Long[]::new);
		Long[] skuIds = skus == null ? new Long[0] : skus.stream().map(SkuId::value).toArray(Long[]::new);
		java.util.function.UnaryOperator<JdbcClient.StatementSpec> bind = statement -> statement
			.param("region", region == null ? null : region.value())
			.param("pickup", pickupDate)
			.param("status", status == null ? null : status.name())
			.param("anyRegion", regionScope == null)
			.param("scope", scope)
			.param("anySku", skus == null)
			.param("skus", skuIds);
		long total = bind.apply(jdbc.sql("select count(*) from marketing.listing" + where)).query(Long.class).single();
		var select = bind.apply(jdbc.sql(COLUMNS + where + " order by pickup_date desc, id desc limit :limit offset :offset"))
			.param("limit", size)
			.param("offset", (long) page * size);
		return new Page<>(select.query(Listings::map).list(), total, page, size);
	}

	/** Writes the revised terms unless the row moved meanwhile: withdrawn, past cutoff, or sold beyond the new cap. */
	public boolean revise(Listing l, Instant now) {
		return jdbc.sql("""
				update marketing.listing
				   set group_price_fen = :group, list_price_fen = :list, stock_cap = :cap, per_resident_limit = :limit,
				       opens_at = :opens, cutoff_at = :cutoff, updated_at = :now
				 where id = :id and status = 'ACTIVE' and cutoff_at > :now and sold <= :cap""")
			.param("group", l.groupPrice().fen())
			.param("list", l.listPrice() == null ? null : l.listPrice().fen())
			.param("cap", l.stockCap())
			.param("limit", l.perResidentLimit())
			.param("opens", Timestamp.from(l.opensAt()))
			.param("cutoff", Timestamp.from(l.cutoffAt()))
			.param("now", Timestamp.from(now))
			.param("id", l.id().value())
			.update() == 1;
	}

	public boolean withdraw(ListingId id, Instant now) {
		return jdbc.sql("""
				update marketing.listing set status = 'WITHDRAWN', withdrawn_at = :now, updated_at = :now
				 where id = :id and status = 'ACTIVE' and cutoff_at > :now""")
			.param("now", Timestamp.from(now))
			.param("id", id.value())
			.update() == 1;
	}

	/** Active listings open at {@code at}, within the scope (null for all regions). */
	public long countOpen(Instant at, Set<Long> regionScope) {
		return jdbc.sql("""
				select count(*) from marketing.listing
				 where status = 'ACTIVE' and opens_at <= :at and cutoff_at > :at
				   and (cast(:anyRegion as boolean) or region_id = any(:scope))""")
			.param("at", Timestamp.from(at))
			.param("anyRegion", regionScope == null)
			.param("scope", regionScope == null ? new Long[0] : regionScope.toArray(Long[]::new))
			.query(Long.class)
			.single();
	}

	public long countActiveFor(LocalDate pickupDate, Set<Long> regionScope) {
		return jdbc.sql("""
				select count(*) from marketing.listing
				 where status = 'ACTIVE' and pickup_date = :pickup
				   and (cast(:anyRegion as boolean) or region_id = any(:scope))""")
			.param("pickup", pickupDate)
			.param("anyRegion", regionScope == null)
			.param("scope", regionScope == null ? new Long[0] : regionScope.toArray(Long[]::new))
			.query(Long.class)
			.single();
	}

	static Listing map(ResultSet rs, int row) throws SQLException {
		long listPriceFen = rs.getLong("list_price_fen");
		Money listPrice = rs.wasNull() ? null : Money.ofFen(listPriceFen);
		return new Listing(new ListingId(rs.getLong("id")), new RegionId(rs.getLong("region_id")),
				new SkuId(rs.getLong("sku_id")), Money.ofFen(rs.getLong("group_price_fen")),
				listPrice, rs.getInt("stock_cap"), rs.getInt("per_resident_limit"),
				rs.getInt("sold"), rs.getTimestamp("opens_at").toInstant(), rs.getTimestamp("cutoff_at").toInstant(),
				rs.getObject("pickup_date", LocalDate.class), ListingStatus.valueOf(rs.getString("status")),
				rs.getTimestamp("created_at").toInstant());
	}
}
