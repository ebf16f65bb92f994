package com.linli.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.linli.Api;
import com.linli.LinliApplication;
import com.linli.analytics.NightlyAnalytics;
import com.linli.analytics.internal.facts.FactsRebuild;
import com.linli.demo.CityGenerator;
import com.linli.demo.YearOfCity;
import com.linli.demo.YearOfCity.YearSettings;
import com.linli.identity.Actor;
import com.linli.network.RegionId;
import com.linli.risk.RiskManagement;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard on a year of a city (issue 16's targets: the dashboard under 300 ms at p95 on ≥ 5 million order
 * lines, the nightly RFM and aggregate rebuild for that year under 2 minutes). Starts Linli on a persistent embedded PostgreSQL in
 * {@code target/bench-dashboard} (kept between runs: the year is loaded once, a second run finds it and skips the
 * load), loads the year if it is not there ({@link YearOfCity}: 300 pickup points, 60,000 residents, 365 days
 * ending yesterday, the fraud ring), times the analytics rebuild of the region for the year, the RFM scoring as of
 * the last day and one run of the risk rules over the region (what they find is printed), then sends {@code GET /api/analytics/dashboard} for DAY, WEEK, MONTH and QUARTER
 * holding yesterday ({@code bench.warmup} warm-up requests, then {@code bench.requests} measured, one client) and,
 * as the baseline in the same run, {@code GET /api/network/regions/{id}} (one row through the same stack: Tomcat, the
 * bearer token, JSON), signed in as the region's operator (the year's login {@code 13700000001}). Prints p50/p95/p99, requests per second and the ratio to the baseline. A dashboard period
 * that does not answer 200 is reported as missing and the run exits with status 2: no figure is made up.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=com.linli.bench.DashboardBenchmark
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) com.linli.bench.DashboardBenchmark
 *     # -Dbench.requests=200 -Dbench.warmup=30 -Dbench.intensity=1.0 -Dbench.residents=60000 -Dbench.days=365
 *     # -Dbench.fresh=true (start from an empty database), -Dbench.rebuild=false (the dashboard alone)</pre>
 */
public final class DashboardBenchmark {

	public static void main(String[] args) {
		int requests = Integer.getInteger("bench.requests", 200);
		int warmup = Integer.getInteger("bench.warmup", 30);
		var full = YearSettings.fullYear();
		var settings = new YearSettings(full.seed(), Integer.getInteger("bench.communities", full.communities()),
				Integer.getInteger("bench.residents", full.residents()), Integer.getInteger("bench.days", full.days()),
				Double.parseDouble(System.getProperty("bench.intensity", "1.0")), full.tag(), full.loginPhonePrefix(),
				true);
		var context = start("target/bench-dashboard", Boolean.getBoolean("bench.fresh"));
		int exit = 0;
		List<String> missing = new ArrayList<>();
		try {
			var jdbc = context.getBean(JdbcClient.class);
			var year = context.getBean(YearOfCity.class);
			long t0 = System.nanoTime();
			var loaded = year.load(settings);
			double loadSeconds = (System.nanoTime() - t0) / 1e9;
			RegionId region = loaded.region().id();
			var counts = jdbc.sql("""
					select count(*) as orders, (select count(*) from ordering.order_line l join ordering.orders o on o.id = l.order_id
					                             where o.region_id = :r) as lines
					  from ordering.orders where region_id = :r""").param("r", region.value())
				.query((rs, n) -> new long[] { rs.getLong("orders"), rs.getLong("lines") }).single();
			System.out.printf("Year of a city %s, %s to %s: %d days imported now, %d found imported; %,d orders, %,d order "
					+ "lines in the region; %s in %.1f s%n", loaded.region().name(), loaded.firstDay(), loaded.lastDay(),
					loaded.daysImported(), loaded.daysSkipped(), counts[0], counts[1],
					loaded.cityCreated() ? "city and history loaded" : "history checked/loaded", loadSeconds);

			// -Dbench.rebuild=false measures the dashboard alone on the aggregates a previous run left
			boolean nightly = Boolean.parseBoolean(System.getProperty("bench.rebuild", "true"));
			double rebuildSeconds = nightly ? rebuild(context, region, loaded.firstDay(), loaded.lastDay()) : 0;
			long rfmStart = System.nanoTime();
			int scored = nightly ? context.getBean(NightlyAnalytics.class).scoreResidents(region, loaded.lastDay()) : 0;
			double rfmSeconds = (System.nanoTime() - rfmStart) / 1e9;
			long riskStart = System.nanoTime();
			var risk = nightly ? context.getBean(RiskManagement.class).evaluate(Actor.system("bench"), region.value()) : null;
			double riskSeconds = (System.nanoTime() - riskStart) / 1e9;

			int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
			// the region's operator, one of the year's demo logins
			String token = Api.at(port).as(settings.loginPhonePrefix() + "01", CityGenerator.DEMO_PASSWORD).token();
			var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			String base = "http://127.0.0.1:" + port;
			LocalDate date = loaded.lastDay();
			List<Result> results = new ArrayList<>();
			Result baseline = measure(http, base, token, "baseline GET /api/network/regions/{id}",
					"/api/network/regions/" + region.value(), warmup, requests);
			for (String kind : List.of("DAY", "WEEK", "MONTH", "QUARTER")) {
				String path = "/api/analytics/dashboard?regionId=" + region.value() + "&kind=" + kind + "&date=" + date;
				int status = send(http, base, token, path).statusCode();
				if (status != 200) {
					missing.add("GET /api/analytics/dashboard answers " + status + " for " + kind
							+ (status == 404 ? " (the endpoint is not in this build: helper board builds it)" : ""));
					continue;
				}
				results.add(measure(http, base, token, "dashboard " + kind, path, warmup, requests));
			}
			System.out.println();
			System.out.printf("Dashboard benchmark: region %s, %,d order lines, one client, %d requests each after %d warm-up%n",
					loaded.region().code(), counts[1], requests, warmup);
			System.out.printf("load of the year: %.1f s%n", loadSeconds);
			if (nightly) {
				System.out.printf("analytics rebuild of %s..%s: %.1f s; RFM of %,d residents: %.1f s; together %.1f s "
						+ "(target < 120 s: %s)%n", loaded.firstDay(), loaded.lastDay(), rebuildSeconds, scored, rfmSeconds,
						rebuildSeconds + rfmSeconds, rebuildSeconds + rfmSeconds < 120 ? "met" : "NOT met");
				System.out.printf("risk rules over the region: %.1f s, %s%n", riskSeconds, risk);
			}
			System.out.println(baseline);
			for (Result r : results) {
				System.out.println(r);
				System.out.printf("  p95 %s the 300 ms target; ratio p95 dashboard/baseline %.1f, requests/s baseline/dashboard %.1f%n",
						r.p95 < 300_000_000L ? "meets" : "MISSES", (double) r.p95 / baseline.p95,
						baseline.perSecond() / r.perSecond());
			}
			if (!missing.isEmpty()) {
				System.out.println();
				missing.forEach(m -> System.out.println("MISSING: " + m));
				exit = 2;
			}
		}
		catch (Throwable e) {
			e.printStackTrace();
			exit = 1;
		}
		context.close();
		System.exit(exit);
	}

	/** Times the analytics rebuild of the region for the year, as the nightly job and {@code POST /api/analytics/rebuild} run it. */
	private static double rebuild(ConfigurableApplicationContext context, RegionId region, LocalDate from, LocalDate to) {
		System.out.printf("Rebuilding the analytics aggregates of %s..%s…%n", from, to);
		long start = System.nanoTime();
		var result = context.getBean(FactsRebuild.class).rebuild(region, from, to);
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("rebuild: %.1f s, %s%n", seconds, result);
		return seconds;
	}

	record Result(String name, int requests, double seconds, long p50, long p95, long p99, long max) {

		double perSecond() {
			return requests / seconds;
		}

		@Override
		public String toString() {
			return String.format("%-34s %8.1f req/s  p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  max %7.2f ms  (%d requests)",
					name, perSecond(), p50 / 1e6, p95 / 1e6, p99 / 1e6, max / 1e6, requests);
		}
	}

	private static Result measure(HttpClient http, String base, String token, String name, String path, int warmup,
			int requests) throws Exception {
		for (int i = 0; i < warmup; i++) {
			check(send(http, base, token, path), path);
		}
		long[] latencies = new long[requests];
		long start = System.nanoTime();
		for (int i = 0; i < requests; i++) {
			long before = System.nanoTime();
			check(send(http, base, token, path), path);
			latencies[i] = System.nanoTime() - before;
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		Arrays.sort(latencies);
		return new Result(name, requests, seconds, pct(latencies, 50), pct(latencies, 95), pct(latencies, 99),
				latencies[requests - 1]);
	}

	private static void check(HttpResponse<byte[]> response, String path) {
		if (response.statusCode() != 200) {
			throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": "
					+ new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
		}
	}

	private static HttpResponse<byte[]> send(HttpClient http, String base, String token, String path) throws Exception {
		var request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
			.header("Accept", "application/json").GET().build();
		return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
	}

	private static long pct(long[] sorted, double p) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)];
	}

	/**
	 * Linli on the embedded PostgreSQL in {@code dataDir}, kept between runs unless {@code fresh}; no demo city.
	 * Command-line arguments, so that they win over application.properties.
	 */
	static ConfigurableApplicationContext start(String dataDir, boolean fresh) {
		var app = new SpringApplication(LinliApplication.class);
		return app.run("--linli.db.data-dir=" + dataDir, "--linli.db.clean-on-start=" + fresh, "--linli.demo.seed=false",
				"--server.port=0", "--logging.level.root=WARN", "--logging.level.com.linli.demo=INFO",
				"--logging.level.com.linli.analytics=INFO", "--spring.main.banner-mode=off",
				"--linli.fulfilment.cutoff.schedule=-");
	}

	private DashboardBenchmark() {
	}
}
