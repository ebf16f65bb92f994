package com.linli.inventory.internal.pricing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.linli.catalog.SkuId;
import com.linli.inventory.CompetitorPrice;
import com.linli.network.RegionId;
import com.linli.shared.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Competitor prices the operators recorded ({@code inventory.competitor_price}). */
@Repository
public class CompetitorPrices {

	private static final String SELECT = """
			select id, region_id, sku_id, competitor, price_fen, observed_on, recorded_by, recorded_at
			  from inventory.competitor_price""";

	private final JdbcClient jdbc;

	CompetitorPrices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(RegionId region, SkuId sku, String competitor, Money price, LocalDate observedOn, Long by,
			Instant at) {
		return jdbc.sql("""
				insert into inventory.competitor_price (region_id, sku_id, competitor, price_fen, observed_on, recorded_by,
				    recorded_at)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(region.value(), sku.value(), competitor, price.fen(), observedOn, by, Timestamp.from(at))
			.query(Long.class).single();
	}

	public Optional<CompetitorPrice> find(long id) {
		return jdbc.sql(SELECT + " where id = ?").param(id).query(CompetitorPrices::row).optional();
	}

	public boolean delete(long id) {
		return jdbc.sql("delete from inventory.competitor_price where id = ?").param(id).update() == 1;
	}

	/** The region's prices, latest observation first (at most 500). */
	public List<CompetitorPrice> of(RegionId region) {
		return jdbc.sql(SELECT + " where region_id = ? order by observed_on desc, id desc limit 500").param(region.value())
			.query(CompetitorPrices::row).list();
	}

	/** Per SKU, the lowest price observed on or after {@code since}. */
	public Map<SkuId, Money> lowestSince(RegionId region, Collection<SkuId> skus, LocalDate since) {
		Map<SkuId, Money> lowest = new HashMap<>();
		if (skus.isEmpty()) {
			return lowest;
		}
		jdbc.sql("""
				select sku_id, min(price_fen) from inventory.competitor_price
				 where region_id = ? and sku_id = any(?) and observed_on >= ? group by sku_id""")
			.params(region.value(), skus.stream().map(SkuId::value).toArray(Long[]::new), since)
			.query(rs -> {
				lowest.put(new SkuId(rs.getLong(1)), Money.ofFen(rs.getLong(2)));
			});
		return lowest;
	}

	static CompetitorPrice row(ResultSet rs, int n) throws SQLException {
		long by = rs.getLong("recorded_by");
		boolean noBy = rs.wasNull();
		return new CompetitorPrice(rs.getLong("id"), new RegionId(rs.getLong("region_id")), new SkuId(rs.getLong("sku_id")),
				null, rs.getString("competitor"), Money.ofFen(rs.getLong("price_fen")),
				rs.getObject("observed_on", LocalDate.class), noBy ? null : by, rs.getTimestamp("recorded_at").toInstant());
	}
}
