package com.linli.inventory.internal.forecast;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.linli.catalog.SkuId;
import com.linli.inventory.DemandOutlook;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reconciled forecasts per pickup point ({@code inventory.point_forecast}), written in batches. */
@Repository
public class PointForecasts {

	/** Rows per statement: arrays this long bind and plan quickly. */
	static final int BATCH = 20_000;

	private final JdbcClient jdbc;

	PointForecasts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A point's forecast of the days after {@code issuedOn}, with the method that made it. */
	public record PointDays(PickupPointId pickupPointId, String method, LocalDate issuedOn, List<DemandOutlook.Day> days) {
	}

	/**
	 * Stores the run's forecasts (day {@code h} of a prediction is {@code issuedOn + h + 1}), after removing the
	 * region's forecasts for the days ahead made earlier: a point that no longer sells keeps no stale forecast.
	 */
	public void replace(RegionId region, LocalDate issuedOn, List<PointLevel.Forecast> forecasts, Instant now) {
		jdbc.sql("delete from inventory.point_forecast where region_id = ? and target_date > ? and issued_on < ?")
			.params(region.value(), issuedOn, issuedOn)
			.update();
		int horizon = forecasts.isEmpty() ? 0 : forecasts.get(0).prediction().horizon();
		int total = forecasts.size() * horizon;
		for (int from = 0; from < total; from += BATCH) {
			int n = Math.min(BATCH, total - from);
			Long[] skus = new Long[n];
			Long[] points = new Long[n];
			String[] dates = new String[n];
			Double[] mean = new Double[n];
			Double[] p50 = new Double[n];
			Double[] p80 = new Double[n];
			Double[] p95 = new Double[n];
			String[] methods = new String[n];
			for (int k = 0; k < n; k++) {
				int row = from + k;
				PointLevel.Forecast f = forecasts.get(row / horizon);
				int h = row % horizon;
				Prediction p = f.prediction();
				skus[k] = f.skuId();
				points[k] = f.pointId();
				dates[k] = issuedOn.plusDays(h + 1).toString();
				mean[k] = round(p.mean()[h]);
				p50[k] = round(p.p50()[h]);
				// rounded in order: the table checks p50 <= p80 <= p95
				p80[k] = Math.max(round(p.p80()[h]), p50[k]);
				p95[k] = Math.max(round(p.p95()[h]), p80[k]);
				methods[k] = p.method();
			}
			jdbc.sql("""
					insert into inventory.point_forecast (region_id, sku_id, pickup_point_id, target_date, issued_on,
					                                      mean_units, p50_units, p80_units, p95_units, method, made_at)
					select ?, s, p, d, ?, m::numeric(14,3), q50::numeric(14,3), q80::numeric(14,3), q95::numeric(14,3), me, ?
					  from unnest(?::bigint[], ?::bigint[], ?::text[]::date[], ?::float8[], ?::float8[], ?::float8[],
					              ?::float8[], ?::text[]) as x(s, p, d, m, q50, q80, q95, me)
					on conflict (region_id, sku_id, pickup_point_id, target_date) do update
					   set issued_on = excluded.issued_on, mean_units = excluded.mean_units, p50_units = excluded.p50_units,
					       p80_units = excluded.p80_units, p95_units = excluded.p95_units, method = excluded.method,
					       made_at = excluded.made_at
					 where point_forecast.issued_on <= excluded.issued_on""")
				.params(region.value(), issuedOn, Timestamp.from(now), skus, points, dates, mean, p50, p80, p95, methods)
				.update();
		}
	}

	/** The latest forecasts of a SKU per pickup point for the days between the dates, points by id. */
	public List<PointDays> of(RegionId region, SkuId sku, LocalDate from, LocalDate to) {
		Map<Long, List<DemandOutlook.Day>> days = new LinkedHashMap<>();
		Map<Long, String> methods = new LinkedHashMap<>();
		Map<Long, LocalDate> issued = new LinkedHashMap<>();
		jdbc.sql("""
				select pickup_point_id, target_date, mean_units, p50_units, p80_units, p95_units, method, issued_on
				  from inventory.point_forecast
				 where region_id = ? and sku_id = ? and target_date between ? and ?
				 order by pickup_point_id, target_date""")
			.params(region.value(), sku.value(), from, to)
			.query(rs -> {
				long point = rs.getLong(1);
				days.computeIfAbsent(point, k -> new ArrayList<>()).add(new DemandOutlook.Day(rs.getObject(2, LocalDate.class),
						rs.getDouble(3), rs.getDouble(4), rs.getDouble(5), rs.getDouble(6)));
				methods.put(point, rs.getString(7));
				LocalDate on = rs.getObject(8, LocalDate.class);
				issued.merge(point, on, (a, b) -> a.isAfter(b) ? a : b);
			});
		List<PointDays> result = new ArrayList<>();
		days.forEach((point, list) -> result.add(new PointDays(new PickupPointId(point), methods.get(point),
				issued.get(point), List.copyOf(list))));
		return result;
	}

	/** To the thousandth the table keeps. */
	static double round(double units) {
		return Math.round(units * 1000) / 1000.0;
	}
}
