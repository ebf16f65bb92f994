package com.linli.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.linli.Api;
import com.linli.identity.Actor;
import com.linli.marketing.CouponTemplate;
import com.linli.marketing.CouponTemplateManagement;
import com.linli.marketing.NewCouponTemplate;
import com.linli.ordering.OrderingFixtures;
import com.linli.shared.Money;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A coupon-claim burst through HTTP on loopback: {@code bench.requests} claims (default 10,000) from
 * {@code bench.residents} residents (10,000; request i from resident i) for one template of {@code bench.units}
 * coupons (1,000, at most one each), sent as fast as {@code bench.connections} connections (64) allow. Prints
 * whether exactly the coupons on offer were issued (201 answers, the template's counter, the coupon rows and the
 * holdings agree; every other answer "all gone"), claims/s with p50/p95/p99, and the ratio to a baseline (one
 * insert transaction on the same stack) measured in the same run. A first burst on another template warms the
 * server up and is printed too.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=com.linli.bench.CouponClaimBenchmark</pre>
 * or, offline, on the test class path as the README shows: {@code java -cp $CP com.linli.bench.CouponClaimBenchmark}
 */
public final class CouponClaimBenchmark {

	public static void main(String[] args) throws Exception {
		int connections = Integer.getInteger("bench.connections", 64);
		int requests = Integer.getInteger("bench.requests", 10_000);
		int residentsCount = Integer.getInteger("bench.residents", 10_000);
		int units = Integer.getInteger("bench.units", 1_000);
		var baselineWarmup = Duration.ofSeconds(Long.getLong("bench.warmup", 5));
		var baselineMeasure = Duration.ofSeconds(Long.getLong("bench.seconds", 10));

		ConfigurableApplicationContext context = OrderPlacementBenchmark.start("target/bench-coupons");
		int exit = 0;
		try {
			int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
			var world = new OrderingFixtures(context, port);
			var templates = context.getBean(CouponTemplateManagement.class);
			var jdbc = context.getBean(JdbcClient.class);
			System.out.printf("Setting up %,d residents…%n", residentsCount);
			List<String> tokens = world.residents(residentsCount).stream().map(Api::token).toList();
			String base = "http://127.0.0.1:" + port;

			var warmup = burst(base, template(templates, world, "预热券", units), tokens, requests, connections);
			System.out.println("warm-up burst: " + warmup);
			check(jdbc, warmup, units);

			var result = burst(base, template(templates, world, "满39减5", units), tokens, requests, connections);
			var load = new LoadGenerator(base, connections);
			var baseline = load.run("baseline: one insert", baselineWarmup, baselineMeasure,
					thread -> new LoadGenerator.Call("/api/bench/baseline", "{\"templateId\":1}",
							new String[] { "Authorization", "Bearer " + tokens.get(LoadGenerator.random(tokens.size())) }));

			System.out.println();
			System.out.printf("Coupon claims, %,d claims from %,d residents for %,d coupons, %d connections, durable commits%n",
					requests, residentsCount, units, connections);
			System.out.println(result);
			System.out.println(baseline);
			System.out.printf("ratio claims/baseline: %.2f%n", (result.requests() / result.seconds()) / baseline.perSecond());
			check(jdbc, result, units);
		}
		catch (Throwable e) {
			e.printStackTrace();
			exit = 1;
		}
		context.close();
		System.exit(exit);
	}

	private static CouponTemplate template(CouponTemplateManagement templates, OrderingFixtures world, String name,
			int units) {
		return templates.create(Actor.system("bench"), new NewCouponTemplate(name, CouponTemplate.Kind.FIXED,
				Money.ofYuan("5"), null, null, Money.ofYuan("39"), CouponTemplate.Scope.ALL, Set.of(),
				Set.of(world.region.id().value()), 7, null, null, 1, units, true, false, false));
	}

	/** Coupons issued according to the database, checked against the answers: exactly {@code units}, one a resident. */
	private static void check(JdbcClient jdbc, Burst burst, int units) {
		long id = burst.template().id();
		int counter = jdbc.sql("select issued from marketing.coupon_template where id = ?").param(id).query(Integer.class)
			.single();
		long rows = jdbc.sql("select count(*) from marketing.coupon where template_id = ?").param(id).query(Long.class)
			.single();
		long residents = jdbc.sql("select count(distinct resident_id) from marketing.coupon where template_id = ?").param(id)
			.query(Long.class).single();
		long held = jdbc.sql("select coalesce(sum(issued), 0) from marketing.coupon_holding where template_id = ?")
			.param(id).query(Long.class).single();
		boolean exact = counter == units && rows == units && residents == units && held == units && burst.won() == units
				&& burst.errors() == 0;
		System.out.printf("exactly issued: %s (counter %d, coupons %d to %d residents, holdings %d, answers 201: %d, other answers %d)%n",
				exact ? "yes" : "NO", counter, rows, residents, held, burst.won(), burst.errors());
		if (!exact) {
			throw new AssertionError("expected exactly " + units + " coupons to " + units
					+ " residents and only all-gone answers otherwise; last unexpected answer: " + burst.lastError());
		}
	}

	record Burst(CouponTemplate template, int requests, double seconds, int won, int gone, int errors, String lastError,
			long[] all) {

		@Override
		public String toString() {
			return String.format("%,.0f claims/s (%,d in %.2f s); p50 %.2f ms p95 %.2f ms p99 %.2f ms max %.2f ms;"
					+ " issued %d, all gone %,d, other answers %d", requests / seconds, requests, seconds, ms(50), ms(95),
					ms(99), ms(100), won, gone, errors);
		}

		private double ms(double p) {
			if (all.length == 0) {
				return 0;
			}
			return all[Math.min(all.length - 1, (int) Math.ceil(p / 100 * all.length) - 1)] / 1e6;
		}
	}

	/** Sends {@code requests} claims of the template, resident i % residents for request i. */
	private static Burst burst(String base, CouponTemplate template, List<String> tokens, int requests, int connections)
			throws InterruptedException {
		String body = "{\"templateId\":" + template.id() + "}";
		long[] latency = new long[requests];
		int[] status = new int[requests];
		var next = new AtomicInteger();
		var lastError = new AtomicReference<String>();
		var ready = new CountDownLatch(connections);
		var go = new CountDownLatch(1);
		var done = new CountDownLatch(connections);
		for (int t = 0; t < connections; t++) {
			var thread = new Thread(() -> {
				var connection = RawHttpConnection.to(base);
				try {
					ready.countDown();
					go.await();
					for (int i; (i = next.getAndIncrement()) < requests;) {
						String[] headers = { "Authorization", "Bearer " + tokens.get(i % tokens.size()) };
						long before = System.nanoTime();
						try {
							var response = connection.post("/api/marketing/coupons/claims", body, headers);
							latency[i] = System.nanoTime() - before;
							if (response.status() == 201) {
								status[i] = 1;
							}
							else if (response.status() == 409 && response.body().contains("\"coupons-gone\"")) {
								status[i] = 2;
							}
							else {
								status[i] = 3;
								lastError.set(response.status() + " " + response.body());
							}
						}
						catch (java.io.IOException e) {
							latency[i] = System.nanoTime() - before;
							status[i] = 3;
							lastError.set(e.toString());
							connection.close();
						}
					}
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
				finally {
					connection.close();
					done.countDown();
				}
			}, "claim-" + t);
			thread.setDaemon(true);
			thread.start();
		}
		ready.await();
		long start = System.nanoTime();
		go.countDown();
		done.await();
		double seconds = (System.nanoTime() - start) / 1e9;
		int won = 0;
		int gone = 0;
		int errors = 0;
		for (int s : status) {
			switch (s) {
				case 1 -> won++;
				case 2 -> gone++;
				default -> errors++;
			}
		}
		long[] sorted = latency.clone();
		Arrays.sort(sorted);
		return new Burst(template, requests, seconds, won, gone, errors, lastError.get(), sorted);
	}

	private CouponClaimBenchmark() {
	}
}
