package com.linli.inventory.internal.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.linli.catalog.SkuId;
import com.linli.inventory.ForecastAccuracy;
import com.linli.network.RegionId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored forecasts ({@code inventory.forecast}) and the daily scores ({@code inventory.forecast_score}). */
@Repository
public class Forecasts {

	private final JdbcClient jdbc;

	Forecasts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Stored(double units, double naive, double mean, LocalDate issuedOn) {
	}

	/** Stores a forecast unless one made on a later day is there already. */
	public void save(RegionId region, SkuId sku, LocalDate target, LocalDate issuedOn, double units, double naive,
			double mean, Instant now) {
		save(region, sku, target, issuedOn, units, naive, mean, units, units, null, now);
	}

	/** Stores a forecast with its upper quantiles and method unless one made on a later day is there already. */
	public void save(RegionId region, SkuId sku, LocalDate target, LocalDate issuedOn, double units, double naive,
			double mean, double p80, double p95, String method, Instant now) {
		jdbc.sql("""
				insert into inventory.forecast (region_id, sku_id, target_date, issued_on, units, naive_units, mean_units,
				                                p80_units, p95_units, method, made_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (region_id, sku_id, target_date) do update
				   set issued_on = excluded.issued_on, units = excluded.units, naive_units = excluded.naive_units,
				       mean_units = excluded.mean_units, p80_units = excluded.p80_units, p95_units = excluded.p95_units,
				       method = excluded.method, made_at = excluded.made_at
				 where forecast.issued_on <= excluded.issued_on""")
			.params(region.value(), sku.value(), target, issuedOn, round(units), round(naive), round(mean),
					round(Math.max(p80, units)), round(Math.max(p95, Math.max(p80, units))), method, Timestamp.from(now))
			.update();
	}

	/**
	 * The latest forecasts of the SKUs for the days between the dates, as outlooks (SKUs without any
	 * forecast in the range get none). Rows stored without quantiles read their median for them.
	 */
	public Map<SkuId, com.linli.inventory.DemandOutlook> outlooks(RegionId region, java.util.Collection<SkuId> skus,
			LocalDate from, LocalDate to) {
		Map<SkuId, List<com.linli.inventory.DemandOutlook.Day>> days = new LinkedHashMap<>();
		Map<SkuId, LocalDate> issued = new java.util.HashMap<>();
		Map<SkuId, String> methods = new java.util.HashMap<>();
		jdbc.sql("""
				select sku_id, target_date, mean_units, units, coalesce(p80_units, units), coalesce(p95_units, p80_units, units),
				       issued_on, method
				  from inventory.forecast
				 where region_id = ? and sku_id = any(?) and target_date between ? and ?
				 order by sku_id, target_date""")
			.params(region.value(), skus.stream().map(SkuId::value).toArray(Long[]::new), from, to)
			.query(rs -> {
				SkuId sku = new SkuId(rs.getLong(1));
				double p50 = rs.getDouble(4);
				double p80 = Math.max(p50, rs.getDouble(5));
				days.computeIfAbsent(sku, k -> new java.util.ArrayList<>())
					.add(new com.linli.inventory.DemandOutlook.Day(rs.getObject(2, LocalDate.class), rs.getDouble(3), p50,
							p80, Math.max(p80, rs.getDouble(6))));
				LocalDate on = rs.getObject(7, LocalDate.class);
				issued.merge(sku, on, (a, b) -> a.isAfter(b) ? a : b);
				if (rs.getString(8) != null) {
					methods.put(sku, rs.getString(8));
				}
			});
		Map<SkuId, com.linli.inventory.DemandOutlook> found = new LinkedHashMap<>();
		days.forEach((sku, list) -> found.put(sku, new com.linli.inventory.DemandOutlook(region, sku, issued.get(sku),
				methods.getOrDefault(sku, "linli"), List.copyOf(list))));
		return found;
	}

	private static BigDecimal round(double units) {
		return BigDecimal.valueOf(units).setScale(3, RoundingMode.HALF_UP);
	}

	/** One SKU's forecasts between the dates, by date. */
	public Map<LocalDate, Stored> of(RegionId region, SkuId sku, LocalDate from, LocalDate to) {
		Map<LocalDate, Stored> found = new LinkedHashMap<>();
		jdbc.sql("""
				select target_date, units, naive_units, mean_units, issued_on from inventory.forecast
				 where region_id = ? and sku_id = ? and target_date between ? and ? order by target_date""")
			.params(region.value(), sku.value(), from, to)
			.query(rs -> {
				found.put(rs.getObject(1, LocalDate.class), new Stored(rs.getDouble(2), rs.getDouble(3),
						rs.getDouble(4), rs.getObject(5, LocalDate.class)));
			});
		return found;
	}

	/**
	 * Scores the forecasts made for a day the region sold on: every SKU forecast or sold that day, its
	 * error against Linli's forecast and against seasonal-naive. Scoring the day again replaces the score.
	 * Returns false when there was nothing to score (no forecast made for the day, or the region did not sell).
	 */
	public boolean score(RegionId region, LocalDate day, Instant now) {
		return jdbc.sql("""
				insert into inventory.forecast_score (region_id, score_date, skus, actual_units, linli_error, naive_error, scored_at)
				select :region, :day, count(*), coalesce(sum(a), 0), coalesce(sum(abs(a - f)), 0), coalesce(sum(abs(a - n)), 0), :now
				  from (select coalesce(d.units, 0) a, coalesce(f.units, 0) f, coalesce(f.naive_units, 0) n
				          from (select sku_id, units, naive_units from inventory.forecast
				                 where region_id = :region and target_date = :day) f
				          full join (select sku_id, units from inventory.daily_demand
				                      where region_id = :region and demand_date = :day) d on d.sku_id = f.sku_id) x
				 where exists (select 1 from inventory.forecast where region_id = :region and target_date = :day)
				   and exists (select 1 from inventory.demand_day where region_id = :region and demand_date = :day)
				on conflict (region_id, score_date) do update
				   set skus = excluded.skus, actual_units = excluded.actual_units, linli_error = excluded.linli_error,
				       naive_error = excluded.naive_error, scored_at = excluded.scored_at""")
			.param("region", region.value())
			.param("day", day)
			.param("now", Timestamp.from(now))
			.update() > 0;
	}

	/** Days that have forecasts but no score yet, up to the date. */
	public List<LocalDate> unscored(RegionId region, LocalDate upTo) {
		return jdbc.sql("""
				select distinct f.target_date from inventory.forecast f
				  join inventory.demand_day d on d.region_id = f.region_id and d.demand_date = f.target_date
				 where f.region_id = ? and f.target_date <= ?
				   and not exists (select 1 from inventory.forecast_score s
				                    where s.region_id = f.region_id and s.score_date = f.target_date)
				 order by 1""")
			.params(region.value(), upTo)
			.query((rs, n) -> rs.getObject(1, LocalDate.class))
			.list();
	}

	/** The region's daily scores between the dates, by date. */
	public List<ForecastAccuracy> scores(RegionId region, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select score_date, skus, actual_units, linli_error, naive_error from inventory.forecast_score
				 where region_id = ? and score_date between ? and ? order by score_date""")
			.params(region.value(), from, to)
			.query((rs, n) -> {
				long actual = rs.getLong(3);
				return new ForecastAccuracy(rs.getObject(1, LocalDate.class), rs.getInt(2), actual,
						actual == 0 ? null : 1 - rs.getDouble(4) / actual, actual == 0 ? null : 1 - rs.getDouble(5) / actual);
			})
			.list();
	}
}
