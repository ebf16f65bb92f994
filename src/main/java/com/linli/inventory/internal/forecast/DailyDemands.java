package com.linli.inventory.internal.forecast;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.linli.catalog.SkuId;
import com.linli.inventory.DailyDemand;
import com.linli.network.RegionId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Daily demand per SKU and region ({@code inventory.daily_demand}) and the days each region sold. */
@Repository
public class DailyDemands {

	private final JdbcClient jdbc;

	DailyDemands(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The demand of a cutoff run replaces what was recorded for its region and day: applying the same
	 * run twice (a redelivered event) leaves the same rows.
	 */
	public void replaceDay(RegionId region, LocalDate date, Long runId, List<DailyDemand> demand, Instant now) {
		markOpen(region, date, runId, now);
		Long[] skus = demand.stream().map(d -> d.skuId().value()).toArray(Long[]::new);
		jdbc.sql("""
				delete from inventory.daily_demand
				 where region_id = ? and demand_date = ? and not (sku_id = any(?))""")
			.params(region.value(), date, skus)
			.update();
		for (DailyDemand d : demand) {
			upsert(d, runId, now);
		}
	}

	/** Records (or corrects) one SKU's demand of a day; the day counts as a selling day of the region. */
	public void record(DailyDemand d, Instant now) {
		markOpen(d.regionId(), d.date(), null, now);
		upsert(d, null, now);
	}

	private void markOpen(RegionId region, LocalDate date, Long runId, Instant now) {
		jdbc.sql("""
				insert into inventory.demand_day (region_id, demand_date, run_id, recorded_at) values (?, ?, ?, ?)
				on conflict (region_id, demand_date) do update set run_id = coalesce(excluded.run_id, demand_day.run_id),
				       recorded_at = excluded.recorded_at""")
			.params(region.value(), date, runId, java.sql.Timestamp.from(now))
			.update();
	}

	private void upsert(DailyDemand d, Long runId, Instant now) {
		jdbc.sql("""
				insert into inventory.daily_demand (region_id, sku_id, demand_date, units, promoted, sku_name, run_id, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (region_id, sku_id, demand_date) do update
				   set units = excluded.units, promoted = excluded.promoted, sku_name = excluded.sku_name,
				       run_id = excluded.run_id, recorded_at = excluded.recorded_at""")
			.params(d.regionId().value(), d.skuId().value(), d.date(), d.units(), d.promoted(), d.skuName(), runId,
					java.sql.Timestamp.from(now))
			.update();
	}

	/** Every row of the region between the dates (inclusive), by SKU and date. */
	public List<DailyDemand> between(RegionId region, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select region_id, sku_id, sku_name, demand_date, units, promoted from inventory.daily_demand
				 where region_id = ? and demand_date between ? and ? order by sku_id, demand_date""")
			.params(region.value(), from, to)
			.query((rs, n) -> new DailyDemand(new RegionId(rs.getLong(1)), new SkuId(rs.getLong(2)), rs.getString(3),
					rs.getObject(4, LocalDate.class), rs.getLong(5), rs.getBoolean(6)))
			.list();
	}

	/** One SKU's rows between the dates. */
	public List<DailyDemand> of(RegionId region, SkuId sku, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select region_id, sku_id, sku_name, demand_date, units, promoted from inventory.daily_demand
				 where region_id = ? and sku_id = ? and demand_date between ? and ? order by demand_date""")
			.params(region.value(), sku.value(), from, to)
			.query((rs, n) -> new DailyDemand(new RegionId(rs.getLong(1)), new SkuId(rs.getLong(2)), rs.getString(3),
					rs.getObject(4, LocalDate.class), rs.getLong(5), rs.getBoolean(6)))
			.list();
	}

	/** The days the region sold between the dates. */
	public Set<LocalDate> openDays(RegionId region, LocalDate from, LocalDate to) {
		return new HashSet<>(jdbc.sql("""
				select demand_date from inventory.demand_day where region_id = ? and demand_date between ? and ?""")
			.params(region.value(), from, to)
			.query((rs, n) -> rs.getObject(1, LocalDate.class))
			.list());
	}

	/** Regions with any demand recorded since the date. */
	public List<RegionId> regionsSince(LocalDate since) {
		return jdbc.sql("select distinct region_id from inventory.demand_day where demand_date >= ? order by region_id")
			.param(since)
			.query((rs, n) -> new RegionId(rs.getLong(1)))
			.list();
	}

	/** The SKUs of a region with demand since the date, by units sold, most first: (id, name, units). */
	public List<SkuTotal> skusSince(RegionId region, LocalDate since) {
		return jdbc.sql("""
				select sku_id, max(sku_name), sum(units) from inventory.daily_demand
				 where region_id = ? and demand_date >= ? group by sku_id order by sum(units) desc, sku_id""")
			.params(region.value(), since)
			.query((rs, n) -> new SkuTotal(new SkuId(rs.getLong(1)), rs.getString(2), rs.getLong(3)))
			.list();
	}

	public record SkuTotal(SkuId skuId, String skuName, long units) {
	}

	/**
	 * Streams the rows of the regions ({@code null}: all) as {@code date,store,item,quantity} lines
	 * (store = region id, item = SKU id).
	 */
	public void exportCsv(Set<Long> regions, java.util.function.Consumer<String> line) {
		line.accept("date,store,item,quantity");
		jdbc.sql("""
				select demand_date, region_id, sku_id, units from inventory.daily_demand
				 where units > 0 and (cast(? as bigint[]) is null or region_id = any(?))
				 order by demand_date, region_id, sku_id""")
			.params(regions == null ? null : regions.toArray(Long[]::new), regions == null ? null : regions.toArray(Long[]::new))
			.query(rs -> {
				line.accept(rs.getObject(1, LocalDate.class) + ",R" + rs.getLong(2) + ",SKU" + rs.getLong(3) + ","
						+ rs.getLong(4));
			});
	}
}
