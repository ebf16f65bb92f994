package com.linli.inventory.internal.pricing;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.linli.catalog.SkuId;
import com.linli.network.RegionId;
import com.linli.network.WarehouseId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the price rule reads of inventory's own tables: batches with expiry and cost, demand history, waste. */
@Repository
public class PricingFacts {

	private final JdbcClient jdbc;

	PricingFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A batch holding units: its expiry (null: none) and unit cost (null: unknown). */
	public record Batch(SkuId skuId, LocalDate expiresOn, long remaining, Long unitCostFen) {
	}

	/** The batches holding units of the SKUs at the warehouse, first expiry first (no expiry last). */
	public Map<SkuId, List<Batch>> batches(WarehouseId warehouse, Collection<SkuId> skus) {
		Map<SkuId, List<Batch>> found = new HashMap<>();
		if (skus.isEmpty()) {
			return found;
		}
		jdbc.sql("""
				select sku_id, expires_on, remaining, unit_cost_fen from inventory.batch
				 where warehouse_id = ? and sku_id = any(?) and remaining > 0
				 order by sku_id, expires_on nulls last, received_at, id""")
			.params(warehouse.value(), skus.stream().map(SkuId::value).toArray(Long[]::new))
			.query(rs -> {
				long cost = rs.getLong(4);
				boolean noCost = rs.wasNull();
				SkuId sku = new SkuId(rs.getLong(1));
				found.computeIfAbsent(sku, k -> new ArrayList<>())
					.add(new Batch(sku, rs.getObject(2, LocalDate.class), rs.getLong(3), noCost ? null : cost));
			});
		return found;
	}

	/** A region's demand history over its open days: per SKU the units and promoted flags, and the promoted days. */
	public record History(List<Elasticity.Series> series, Map<LocalDate, Set<SkuId>> promoted) {
	}

	public History history(RegionId region, LocalDate from, LocalDate to) {
		List<LocalDate> open = jdbc.sql("""
				select demand_date from inventory.demand_day where region_id = ? and demand_date between ? and ?
				 order by demand_date""").params(region.value(), from, to).query(LocalDate.class).list();
		Map<LocalDate, Integer> index = new HashMap<>();
		for (int i = 0; i < open.size(); i++) {
			index.put(open.get(i), i);
		}
		Map<Long, double[]> units = new LinkedHashMap<>();
		Map<Long, boolean[]> flags = new HashMap<>();
		Map<LocalDate, Set<SkuId>> promoted = new LinkedHashMap<>();
		jdbc.sql("""
				select sku_id, demand_date, units, promoted from inventory.daily_demand
				 where region_id = ? and demand_date between ? and ?""")
			.params(region.value(), from, to)
			.query(rs -> {
				Integer t = index.get(rs.getObject(2, LocalDate.class));
				if (t == null) {
					return;
				}
				long sku = rs.getLong(1);
				units.computeIfAbsent(sku, k -> new double[open.size()])[t] = rs.getLong(3);
				boolean p = rs.getBoolean(4);
				flags.computeIfAbsent(sku, k -> new boolean[open.size()])[t] = p;
				if (p) {
					promoted.computeIfAbsent(rs.getObject(2, LocalDate.class), k -> new java.util.HashSet<>()).add(new SkuId(sku));
				}
			});
		List<Elasticity.Series> series = new ArrayList<>();
		units.forEach((sku, u) -> series.add(new Elasticity.Series(u, flags.get(sku))));
		return new History(series, promoted);
	}

	/**
	 * Units of the SKU's batches at the warehouse that expired unsold: of the batches received by {@code since}
	 * and expiring by {@code until}, those written off as damage after {@code since} and those still on hand
	 * on or after their expiry date ({@code today}).
	 */
	public long wasted(WarehouseId warehouse, SkuId sku, LocalDate until, Instant since, LocalDate today) {
		Long damaged = jdbc.sql("""
				select coalesce(-sum(m.quantity), 0) from inventory.movement m join inventory.batch b on b.id = m.batch_id
				 where b.warehouse_id = ? and b.sku_id = ? and b.expires_on <= ? and b.received_at <= ?
				   and m.kind = 'DAMAGE' and m.created_at > ?""")
			.params(warehouse.value(), sku.value(), until, Timestamp.from(since), Timestamp.from(since))
			.query(Long.class).single();
		Long left = jdbc.sql("""
				select coalesce(sum(remaining), 0) from inventory.batch
				 where warehouse_id = ? and sku_id = ? and expires_on <= ? and expires_on <= ? and received_at <= ?""")
			.params(warehouse.value(), sku.value(), until, today, Timestamp.from(since))
			.query(Long.class).single();
		return damaged + left;
	}
}
