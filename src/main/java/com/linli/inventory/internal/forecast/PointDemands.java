package com.linli.inventory.internal.forecast;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.linli.catalog.SkuId;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Daily demand per pickup point and SKU ({@code inventory.point_demand}), written in one statement per day. */
@Repository
public class PointDemands {

	private final JdbcClient jdbc;

	PointDemands(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Units of a SKU at a pickup point on a day, promoted when its listing was a promotion. */
	public record Row(PickupPointId pickupPointId, SkuId skuId, LocalDate date, long units, boolean promoted) {
	}

	/**
	 * The rows of a region's day replace what was recorded for it (a redelivered or rerun cutoff leaves the
	 * same rows); every row must be of {@code date}.
	 */
	public void replaceDay(RegionId region, LocalDate date, Long runId, List<Row> rows, Instant now) {
		jdbc.sql("delete from inventory.point_demand where region_id = ? and demand_date = ?")
			.params(region.value(), date)
			.update();
		insert(region, runId, rows, now);
	}

	/** Adds (or corrects) rows of any days, e.g. history from before Linli. */
	public void record(RegionId region, List<Row> rows, Instant now) {
		insert(region, null, rows, now);
	}

	private void insert(RegionId region, Long runId, List<Row> rows, Instant now) {
		if (rows.isEmpty()) {
			return;
		}
		int n = rows.size();
		Long[] points = new Long[n];
		Long[] skus = new Long[n];
		String[] dates = new String[n];
		Long[] units = new Long[n];
		Boolean[] promoted = new Boolean[n];
		for (int i = 0; i < n; i++) {
			Row r = rows.get(i);
			points[i] = r.pickupPointId().value();
			skus[i] = r.skuId().value();
			dates[i] = r.date().toString();
			units[i] = r.units();
			promoted[i] = r.promoted();
		}
		jdbc.sql("""
				insert into inventory.point_demand (region_id, demand_date, pickup_point_id, sku_id, units, promoted, run_id,
				                                    recorded_at)
				select ?, d, p, s, u, pr, ?, ? from unnest(?::text[]::date[], ?::bigint[], ?::bigint[], ?::bigint[], ?::boolean[])
				       as x(d, p, s, u, pr)
				on conflict (region_id, demand_date, pickup_point_id, sku_id) do update
				   set units = excluded.units, promoted = excluded.promoted, run_id = excluded.run_id,
				       recorded_at = excluded.recorded_at""")
			.params(region.value(), runId, Timestamp.from(now), dates, points, skus, units, promoted)
			.update();
	}

	/** Streams the region's rows between the dates (inclusive) to {@code each}, by point, SKU and date. */
	public void between(RegionId region, LocalDate from, LocalDate to, java.util.function.Consumer<Row> each) {
		jdbc.sql("""
				select pickup_point_id, sku_id, demand_date, units, promoted from inventory.point_demand
				 where region_id = ? and demand_date between ? and ?""")
			.params(region.value(), from, to)
			.query(rs -> {
				each.accept(new Row(new PickupPointId(rs.getLong(1)), new SkuId(rs.getLong(2)),
						rs.getObject(3, LocalDate.class), rs.getLong(4), rs.getBoolean(5)));
			});
	}

	/** How many pickup point × SKU series of the region have demand since the date (for the job's progress). */
	public int seriesSince(RegionId region, LocalDate since) {
		return jdbc.sql("""
				select count(*) from (select distinct pickup_point_id, sku_id from inventory.point_demand
				                       where region_id = ? and demand_date >= ?) x""")
			.params(region.value(), since)
			.query(Integer.class)
			.single();
	}
}
