package com.linli.bench;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import com.linli.inventory.internal.forecast.ForecastJob;
import com.linli.inventory.internal.forecast.PointDemands;
import com.linli.marketing.MarketingFixtures;
import com.linli.network.Region;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The nightly forecast of pickup point × SKU series (issue 15's target: 10,000 series in under 60 s). Starts
 * Linli on a fresh embedded PostgreSQL, seeds one region with {@code bench.points} pickup points (100) ×
 * {@code bench.skus} SKUs (100) and {@code bench.days} days (120) of demand straight into inventory's tables
 * (the region's daily demand is the sum of its points'; series of every volume, from several units a day to a
 * unit a fortnight, so that some are forecast directly and the rest take their share), then times the whole job
 * for the region: the region series with Linli's model and the baselines, the point series read in one query,
 * forecast and reconciled, all forecasts written in batches, the scores. Runs it {@code bench.runs} times (3):
 * the first is cold (the JIT not warmed). The baseline, measured in the same run, is the job's bare I/O: the
 * same point history streamed through JDBC and as many forecast rows written in one batch into a scratch table.
 *
 * <pre>java -cp $CP com.linli.bench.ForecastJobBenchmark          # -Dbench.points= -Dbench.skus= -Dbench.days= -Dbench.runs=</pre>
 */
public final class ForecastJobBenchmark {

	public static void main(String[] args) {
		int points = Integer.getInteger("bench.points", 100);
		int skus = Integer.getInteger("bench.skus", 100);
		int days = Integer.getInteger("bench.days", 120);
		int runs = Integer.getInteger("bench.runs", 3);
		ConfigurableApplicationContext context = OrderPlacementBenchmark.start("target/bench-forecast");
		int exit = 0;
		try {
			var jdbc = context.getBean(JdbcClient.class);
			var job = context.getBean(ForecastJob.class);
			var clock = context.getBean(Clock.class);
			Region region = new MarketingFixtures(context).region();
			LocalDate today = LocalDate.now(clock.withZone(region.zone()));
			long t0 = System.nanoTime();
			seed(jdbc, region, today, points, skus, days);
			long rows = jdbc.sql("select count(*) from inventory.point_demand where region_id = ?")
				.param(region.id().value()).query(Long.class).single();
			long series = jdbc.sql("""
					select count(*) from (select distinct pickup_point_id, sku_id from inventory.point_demand
					                       where region_id = ?) x""")
				.param(region.id().value()).query(Long.class).single();
			System.out.printf("Seeded %,d point series (%d points × %d SKUs, %d days): %,d rows in %.1f s%n", series, points,
					skus, days, rows, (System.nanoTime() - t0) / 1e9);

			double best = Double.MAX_VALUE;
			for (int r = 1; r <= runs; r++) {
				long start = System.nanoTime();
				if (!job.run(Set.of(region.id()))) {
					throw new IllegalStateException("a forecast run was already at work");
				}
				double seconds = (System.nanoTime() - start) / 1e9;
				var status = job.status();
				if (status.lastError() != null) {
					throw new IllegalStateException("the job failed: " + status.lastError());
				}
				best = Math.min(best, seconds);
				System.out.printf("run %d%s: %.2f s, %,d series (region SKUs and point series), %,.0f series/s%n", r,
						r == 1 ? " (cold)" : "", seconds, status.series(), status.series() / seconds);
			}
			long stored = jdbc.sql("select count(*) from inventory.point_forecast where region_id = ? and issued_on = ?")
				.params(region.id().value(), today).query(Long.class).single();
			long direct = jdbc.sql("""
					select count(distinct (pickup_point_id, sku_id)) from inventory.point_forecast
					 where region_id = ? and issued_on = ? and method <> 'share'""")
				.params(region.id().value(), today).query(Long.class).single();
			double gap = jdbc.sql("""
					select coalesce(max(abs(p.total - f.mean_units)), 0)
					  from (select sku_id, target_date, sum(mean_units) total from inventory.point_forecast
					         where region_id = :region and issued_on = :today group by sku_id, target_date) p
					  join inventory.forecast f on f.region_id = :region and f.sku_id = p.sku_id and f.target_date = p.target_date""")
				.param("region", region.id().value()).param("today", today).query(Double.class).single();
			System.out.printf("point forecasts stored: %,d rows (%,d series forecast directly, the rest by share); "
					+ "largest gap between a SKU's points and its region forecast: %.3f units%n", stored, direct, gap);

			double baseline = baseline(context, jdbc, region, today, stored);
			System.out.printf("baseline (the job's bare I/O: history streamed, %,d rows written in one batch): %.2f s%n",
					stored, baseline);
			System.out.printf("Forecast job, %,d point series: best %.2f s (target < 60 s: %s); ratio job/baseline %.1f%n",
					series, best, best < 60 ? "met" : "NOT met", best / baseline);
		}
		catch (Throwable e) {
			e.printStackTrace();
			exit = 1;
		}
		context.close();
		System.exit(exit);
	}

	/**
	 * Demand of {@code points × skus} series: series {@code (p, s)} sells on average {@code level = (p % 10 + 1)
	 * × (s % 10 + 1) / 20} units a day (0.05 to 5), times a weekday factor (Fridays and Saturdays busier), as a
	 * rounded-down uniform draw plus a uniform draw in [0, 1) (so that the sparsest series still sell a unit every
	 * week or two); the region's daily demand is the sum of its points' and every day is a selling day.
	 */
	private static void seed(JdbcClient jdbc, Region region, LocalDate today, int points, int skus, int days) {
		LocalDate from = today.minusDays(days - 1);
		jdbc.sql("""
				insert into inventory.point_demand (region_id, demand_date, pickup_point_id, sku_id, units, promoted, recorded_at)
				select :region, d::date, 1000000 + p, 2000000 + s, u, false, now()
				  from (select d, p, s,
				               floor((p % 10 + 1) * (s % 10 + 1) / 20.0
				                     * (case extract(isodow from d) when 5 then 1.4 when 6 then 1.3 else 0.9 end)
				                     * 2 * random() + random())::bigint u
				          from generate_series(:from::date, :to::date, interval '1 day') d,
				               generate_series(1, :points) p, generate_series(1, :skus) s) x
				 where u > 0""")
			.param("region", region.id().value()).param("from", from).param("to", today).param("points", points)
			.param("skus", skus)
			.update();
		jdbc.sql("""
				insert into inventory.daily_demand (region_id, sku_id, demand_date, units, promoted, sku_name, recorded_at)
				select region_id, sku_id, demand_date, sum(units), false, '压测商品' || sku_id, now()
				  from inventory.point_demand where region_id = ? group by region_id, sku_id, demand_date""")
			.param(region.id().value())
			.update();
		jdbc.sql("""
				insert into inventory.demand_day (region_id, demand_date, recorded_at)
				select ?, d::date, now() from generate_series(?::date, ?::date, interval '1 day') d""")
			.params(region.id().value(), from, today)
			.update();
		jdbc.sql("analyze inventory.point_demand").update();
		jdbc.sql("analyze inventory.daily_demand").update();
	}

	/** The job's bare I/O: the region's point history streamed through JDBC, then {@code rows} rows written at once. */
	private static double baseline(ConfigurableApplicationContext context, JdbcClient jdbc, Region region, LocalDate today,
			long rows) {
		var demands = context.getBean(PointDemands.class);
		jdbc.sql("create unlogged table if not exists inventory.bench_scratch (a bigint, b bigint, d date, m numeric(14,3), "
				+ "q50 numeric(14,3), q80 numeric(14,3), q95 numeric(14,3), method text)").update();
		long start = System.nanoTime();
		AtomicLong read = new AtomicLong();
		demands.between(region.id(), today.minusDays(181), today, r -> read.incrementAndGet());
		int n = (int) rows;
		Long[] ids = new Long[n];
		String[] dates = new String[n];
		Double[] values = new Double[n];
		String[] methods = new String[n];
		for (int i = 0; i < n; i++) {
			ids[i] = (long) i;
			dates[i] = today.plusDays(1 + i % 7).toString();
			values[i] = i % 100 / 10.0;
			methods[i] = "linli";
		}
		jdbc.sql("""
				insert into inventory.bench_scratch
				select a, a, d, v::numeric(14,3), v::numeric(14,3), v::numeric(14,3), v::numeric(14,3), me
				  from unnest(?::bigint[], ?::text[]::date[], ?::float8[], ?::text[]) as x(a, d, v, me)""")
			.params(ids, dates, values, methods)
			.update();
		double seconds = (System.nanoTime() - start) / 1e9;
		jdbc.sql("drop table inventory.bench_scratch").update();
		return seconds;
	}

	private ForecastJobBenchmark() {
	}
}
