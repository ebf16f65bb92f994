package com.linli.leader.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.linli.catalog.CategoryId;
import com.linli.identity.AccountId;
import com.linli.leader.CategoryRate;
import com.linli.leader.CommissionBand;
import com.linli.leader.CommissionScheme;
import com.linli.network.RegionId;
import com.linli.shared.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Commission schemes with their bands and category rates; {@code null} region = the default scheme. */
@Repository
public class CommissionSchemes {

	private final JdbcClient jdbc;

	CommissionSchemes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<CommissionScheme> find(RegionId region) {
		Long regionId = region == null ? null : region.value();
		return jdbc.sql("""
				select id, updated_at from leader.commission_scheme
				 where coalesce(region_id, 0) = coalesce(cast(? as bigint), 0)""")
			.param(regionId)
			.query((rs, n) -> load(rs.getLong(1), region, rs.getTimestamp(2).toInstant()))
			.optional();
	}

	/** The scheme that applies in a region: its own, else the default one. */
	public CommissionScheme applying(RegionId region) {
		return find(region).or(() -> find(null))
			.orElseThrow(() -> new IllegalStateException("the default commission scheme is missing"));
	}

	/** Replaces the region's scheme (or the default one) with these bands and overrides. */
	public CommissionScheme save(RegionId region, List<CommissionBand> bands, List<CategoryRate> overrides,
			AccountId by, Instant at) {
		Long regionId = region == null ? null : region.value();
		long id = jdbc.sql("""
				insert into leader.commission_scheme (region_id, updated_at, updated_by) values (?, ?, ?)
				on conflict ((coalesce(region_id, 0))) do update set updated_at = excluded.updated_at,
				   updated_by = excluded.updated_by
				returning id""")
			.params(regionId, Timestamp.from(at), by == null ? null : by.value())
			.query(Long.class).single();
		jdbc.sql("delete from leader.commission_band where scheme_id = ?").param(id).update();
		jdbc.sql("delete from leader.commission_category_rate where scheme_id = ?").param(id).update();
		for (CommissionBand band : bands) {
			jdbc.sql("insert into leader.commission_band (scheme_id, floor_fen, rate_bp) values (?, ?, ?)")
				.params(id, band.floor().fen(), band.rateBasisPoints()).update();
		}
		for (CategoryRate override : overrides) {
			jdbc.sql("insert into leader.commission_category_rate (scheme_id, category_id, rate_bp) values (?, ?, ?)")
				.params(id, override.categoryId().value(), override.rateBasisPoints()).update();
		}
		return load(id, region, at);
	}

	/** Drops a region's own scheme: the default applies again. False when it had none. */
	public boolean delete(RegionId region) {
		return jdbc.sql("delete from leader.commission_scheme where region_id = ?").param(region.value()).update() == 1;
	}

	private CommissionScheme load(long id, RegionId region, Instant updatedAt) {
		var bands = jdbc.sql("select floor_fen, rate_bp from leader.commission_band where scheme_id = ? order by floor_fen")
			.param(id).query((rs, n) -> new CommissionBand(Money.ofFen(rs.getLong(1)), rs.getInt(2))).list();
		var overrides = jdbc.sql("""
				select category_id, rate_bp from leader.commission_category_rate where scheme_id = ? order by category_id""")
			.param(id).query((rs, n) -> new CategoryRate(new CategoryId(rs.getLong(1)), rs.getInt(2))).list();
		return new CommissionScheme(region, bands, overrides, updatedAt);
	}
}
