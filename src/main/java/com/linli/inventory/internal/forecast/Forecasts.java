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

	/** One SKU's forecast of the region made on {@code issuedOn} (day h is issuedOn + h + 1), with seasonal naive's. */
	public record RegionForecast(SkuId sku, Prediction prediction, double[] naive) {
	}

	/**
	 * Stores a run's forecasts of the region in batches, as {@link #save} does one by one (a forecast made on a
	 * later day is kept).
	 */
	public void saveAll(RegionId region, LocalDate issuedOn, List<RegionForecast> forecasts, Instant now) {
		int horizon = forecasts.isEmpty() ? 0 : forecasts.get(0).prediction().horizon();
		int total = forecasts.size() * horizon;
		for (int from = 0; from < total; from += PointForecasts.BATCH) {
			int n = Math.min(PointForecasts.BATCH, total - from);
			Long[] skus = new Long[n];
			String[] dates = new String[n];
			Double[] units = new Double[n];
			Double[] naive = new Double[n];
			Double[] mean = new Double[n];
			Double[] p80 = new Double[n];
			Double[] p95 = new Double[n];
			String[] methods = new String[n];
			for (int k = 0; k < n; k++) {
				RegionForecast f = forecasts.get((from + k) / horizon);
				int h = (from + k) % horizon;
				Prediction p = f.prediction();
				skus[k] = f.sku().value();
				dates[k] = issuedOn.plusDays(h + 1).toString();
				units[k] = PointForecasts.round(p.p50()[h]);
				naive[k] = PointForecasts.round(f.naive()[h]);
				mean[k] = PointForecasts.round(p.mean()[h]);
				p80[k] = Math.max(units[k], PointForecasts.round(p.p80()[h]));
				p95[k] = Math.max(p80[k], PointForecasts.round(p.p95()[h]));
				methods[k] = p.method();
			}
			jdbc.sql("""
					insert into inventory.forecast (region_id, sku_id, target_date, issued_on, units, naive_units, mean_units,
					                                p80_units, p95_units, method, made_at)
					select ?, s, d, ?, u::numeric(14,3), nv::numeric(14,3), m::numeric(14,3), q80::numeric(14,3),
					       q95::numeric(14,3), me, ?
					  from unnest(?::bigint[], ?::text[]::date[], ?::float8[], ?::float8[], ?::float8[], ?::float8[],
					              ?::float8[], ?::text[]) as x(s, d, u, nv, m, q80, q95, me)
					on conflict (region_id, sku_id, target_date) do update
					   set issued_on = excluded.issued_on, units = excluded.units, naive_units = excluded.naive_units,
					       mean_units = excluded.mean_units, p80_units = excluded.p80_units, p95_units = excluded.p95_units,
					       method = excluded.method, made_at = excluded.made_at
					 where forecast.issued_on <= excluded.issued_on""")
				.params(region.value(), issuedOn, Timestamp.from(now), skus, dates, units, naive, mean, p80, p95, methods)
				.update();
		}
	}

	/**
	 * Stores the baselines' forecasts of the region made on {@code issuedOn}: per method, per SKU (in the order
	 * of {@code skus}) the point forecast of each day ahead. A later issue of the same day replaces them.
	 */
	public void saveBaselines(RegionId region, LocalDate issuedOn, List<SkuId> skus, Map<String, List<double[]>> byMethod) {
		List<Long> sku = new java.util.ArrayList<>();
		List<String> dates = new java.util.ArrayList<>();
		List<String> methods = new java.util.ArrayList<>();
		List<Double> units = new java.util.ArrayList<>();
		byMethod.forEach((method, forecasts) -> {
			for (int i = 0; i < skus.size(); i++) {
				double[] f = forecasts.get(i);
				for (int h = 0; h < f.length; h++) {
					sku.add(skus.get(i).value());
					dates.add(issuedOn.plusDays(h + 1).toString());
					methods.add(method);
					units.add(PointForecasts.round(Math.max(0, f[h])));
				}
			}
		});
		for (int from = 0; from < sku.size(); from += PointForecasts.BATCH) {
			int to = Math.min(sku.size(), from + PointForecasts.BATCH);
			jdbc.sql("""
					insert into inventory.forecast_baseline (region_id, sku_id, target_date, method, issued_on, units)
					select ?, s, d, me, ?, u::numeric(14,3)
					  from unnest(?::bigint[], ?::text[]::date[], ?::text[], ?::float8[]) as x(s, d, me, u)
					on conflict (region_id, target_date, method, sku_id) do update
					   set issued_on = excluded.issued_on, units = excluded.units
					 where forecast_baseline.issued_on <= excluded.issued_on""")
				.params(region.value(), issuedOn, sku.subList(from, to).toArray(Long[]::new),
						dates.subList(from, to).toArray(String[]::new), methods.subList(from, to).toArray(String[]::new),
						units.subList(from, to).toArray(Double[]::new))
				.update();
		}
	}

	/**
	 * Scores every baseline's forecasts made for a day the region sold on, as {@link #score} scores Linli's:
	 * over the SKUs the baseline forecast or the region sold, a SKU it did not forecast counting as 0.
	 */
	public void scoreBaselines(RegionId region, LocalDate day, Instant now) {
		jdbc.sql("""
				insert into inventory.forecast_baseline_score (region_id, score_date, method, skus, actual_units, error, scored_at)
				select :region, :day, m.method, count(*), coalesce(sum(coalesce(d.units, 0)), 0),
				       coalesce(sum(abs(coalesce(d.units, 0) - coalesce(b.units, 0))), 0), :now
				  from (select distinct method from inventory.forecast_baseline where region_id = :region and target_date = :day) m
				  cross join (select sku_id from inventory.forecast_baseline where region_id = :region and target_date = :day
				              union
				              select sku_id from inventory.daily_demand where region_id = :region and demand_date = :day) k
				  left join inventory.forecast_baseline b
				         on b.region_id = :region and b.target_date = :day and b.method = m.method and b.sku_id = k.sku_id
				  left join inventory.daily_demand d on d.region_id = :region and d.demand_date = :day and d.sku_id = k.sku_id
				 where exists (select 1 from inventory.demand_day where region_id = :region and demand_date = :day)
				 group by m.method
				on conflict (region_id, score_date, method) do update
				   set skus = excluded.skus, actual_units = excluded.actual_units, error = excluded.error,
				       scored_at = excluded.scored_at""")
			.param("region", region.value())
			.param("day", day)
			.param("now", Timestamp.from(now))
			.update();
	}

	/** Summed actual units and absolute errors of one method over scored days. */
	public record MethodTotals(String method, int days, long actualUnits, double error) {
	}

	/**
	 * Linli's (as {@code "linli"}) and every baseline's totals over the days scored between the dates; only the
	 * days where Linli was scored too, so that every method is measured on the same days.
	 */
	public List<MethodTotals> methodTotals(RegionId region, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select 'linli', count(*), coalesce(sum(actual_units), 0), coalesce(sum(linli_error), 0), 0
				  from inventory.forecast_score where region_id = :region and score_date between :from and :to
				union all
				select b.method, count(*), coalesce(sum(b.actual_units), 0), coalesce(sum(b.error), 0), 1
				  from inventory.forecast_baseline_score b
				  join inventory.forecast_score s on s.region_id = b.region_id and s.score_date = b.score_date
				 where b.region_id = :region and b.score_date between :from and :to
				 group by b.method
				 order by 5, 1""")
			.param("region", region.value())
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> new MethodTotals(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getDouble(4)))
			.list();
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
