package com.linli.bench;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.linli.Api;
import com.linli.LinliApplication;
import com.linli.identity.AccountManagement;
import com.linli.identity.internal.ApiTokens;
import com.linli.marketing.Listing;
import com.linli.marketing.ListingManagement;
import com.linli.ordering.OrderingFixtures;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Order placement through HTTP, as the README reports it. Starts Linli on a fresh embedded PostgreSQL
 * with durable commits, creates listings and residents, then places orders (1–3 lines each, a new
 * Idempotency-Key each) from {@code bench.connections} connections, and measures a bare endpoint doing
 * one insert transaction on the same stack as the baseline, in the same run.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.mainClass=com.linli.bench.OrderPlacementBenchmark -Dexec.classpathScope=test [-Dbench.history=1000000]</pre>
 */
public final class OrderPlacementBenchmark {

	public static void main(String[] args) throws Exception {
		int connections = Integer.getInteger("bench.connections", 32);
		long history = Long.getLong("bench.history", 0);
		int listingsCount = Integer.getInteger("bench.listings", 200);
		int residentsCount = Integer.getInteger("bench.residents", 5000);
		var warmup = Duration.ofSeconds(Long.getLong("bench.warmup", 15));
		var measure = Duration.ofSeconds(Long.getLong("bench.seconds", 30));

		ConfigurableApplicationContext context = start("target/bench-orders");
		try {
			int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
			var world = new OrderingFixtures(context, port);
			System.out.printf("Setting up %d listings and %d residents…%n", listingsCount, residentsCount);
			List<Listing> listings = new ArrayList<>();
			for (int i = 0; i < listingsCount; i++) {
				listings.add(world.listing("压测商品" + i, String.format("%d.90", 5 + i % 60), 1_000_000, 99));
			}
			List<String> tokens = world.residents(residentsCount).stream().map(Api::token).toList();
			var jdbc = context.getBean(JdbcClient.class);
			if (history > 0) {
				loadHistory(jdbc, world, listings.get(0), history);
			}
			System.out.printf("Orders in the database before the run: %,d%n",
					jdbc.sql("select count(*) from ordering.orders").query(Long.class).single());

			var load = new LoadGenerator("http://127.0.0.1:" + port, connections);
			var keys = new AtomicLong();
			String run = Long.toString(System.nanoTime(), 36);
			var activity = Boolean.getBoolean("bench.activity") ? ActivitySampler.start(jdbc) : null;
			java.util.function.IntFunction<LoadGenerator.Call> submit = thread -> {
				String token = tokens.get(LoadGenerator.random(tokens.size()));
				int lines = 1 + LoadGenerator.random(3);
				int first = LoadGenerator.random(listings.size());
				var body = new StringBuilder("{\"items\":[");
				for (int l = 0; l < lines; l++) {
					long listing = listings.get((first + l * 7) % listings.size()).id().value();
					body.append(l == 0 ? "" : ",").append("{\"listingId\":").append(listing).append(",\"quantity\":1}");
				}
				body.append("]}");
				return new LoadGenerator.Call("/api/orders", body.toString(), new String[] { "Authorization",
						"Bearer " + token, "Idempotency-Key", run + "-" + keys.incrementAndGet() });
			};
			var orders = load.run("POST /api/orders", warmup, measure, submit);
			if (activity != null) {
				activity.stopAndPrint();
			}
			LoadGenerator.Result promoted = null;
			if (Boolean.parseBoolean(System.getProperty("bench.promotions", "true"))) {
				setUpPromotions(context, world, port, Integer.getInteger("bench.coupons-each", 8));
				promoted = load.run("POST /api/orders, engine: full reduction + best coupon", warmup, measure, submit);
				long used = jdbc.sql("select count(*) from marketing.coupon where status = 'USED'").query(Long.class).single();
				System.out.printf("Coupons used by the promoted orders: %,d%n", used);
			}
			var baseline = load.run("baseline: one insert", warmup, measure,
					thread -> new LoadGenerator.Call("/api/bench/baseline", "{\"listingId\":1,\"quantity\":1}",
							new String[] { "Authorization", "Bearer " + tokens.get(LoadGenerator.random(tokens.size())) }));

			System.out.println();
			System.out.printf("Order placement, %d connections, history %,d orders, durable commits (fsync on)%n",
					connections, history);
			System.out.println(orders);
			System.out.println(baseline);
			System.out.printf("ratio orders/baseline: %.2f%n", orders.perSecond() / baseline.perSecond());
			if (promoted != null) {
				System.out.println(promoted);
				System.out.printf("ratio promoted/orders: %.2f (issue 11: at least 0.90)%n",
						promoted.perSecond() / orders.perSecond());
			}
		}
		catch (Exception e) {
			e.printStackTrace();
			context.close();
			System.exit(1);
		}
		context.close();
		System.exit(0);
	}

	/**
	 * The promotions of the second run: a full reduction every order reaches (满5减1) and, for every resident,
	 * {@code each} coupons of 1 yuan off (no threshold), so that every order of the run carries a reduction and
	 * a coupon that the engine picks ("best") and the order's transaction marks used.
	 */
	private static void setUpPromotions(ConfigurableApplicationContext context, OrderingFixtures world, int port, int each)
			throws Exception {
		var system = com.linli.identity.Actor.system("benchmark");
		var now = context.getBean(Clock.class).instant();
		context.getBean(com.linli.marketing.ReductionManagement.class).create(system,
				new com.linli.marketing.NewReduction(world.region.id(), null, null, "压测满减",
						List.of(new com.linli.marketing.Reduction.Tier(com.linli.shared.Money.ofFen(500),
								com.linli.shared.Money.ofFen(100))),
						null, now.plus(Duration.ofDays(2))));
		var template = context.getBean(com.linli.marketing.CouponTemplateManagement.class).create(system,
				new com.linli.marketing.NewCouponTemplate("压测券", com.linli.marketing.CouponTemplate.Kind.FIXED,
						com.linli.shared.Money.ofFen(100), null, null, null, com.linli.marketing.CouponTemplate.Scope.ALL,
						null, java.util.Set.of(world.region.id().value()), 7, null, null, each, 10_000_000, false, false,
						false));
		long templateId = template.id();
		var grants = context.getBean(com.linli.marketing.internal.CouponGrants.class);
		var clock = context.getBean(Clock.class);
		List<Long> residents = context.getBean(JdbcClient.class)
			.sql("select account_id from network.resident_pickup_point where pickup_point_id = ?")
			.param(world.pickupPoint.id().value()).query(Long.class).list();
		System.out.printf("Granting %d coupons to each of %,d residents…%n", each, residents.size());
		long t0 = System.nanoTime();
		var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		var futures = new ArrayList<java.util.concurrent.Future<?>>();
		for (long resident : residents) {
			futures.add(pool.submit(() -> {
				for (int i = 0; i < each; i++) {
					grants.grant(new com.linli.identity.AccountId(resident), templateId, "bench:" + i, clock.instant());
				}
			}));
		}
		for (var f : futures) {
			f.get();
		}
		pool.shutdown();
		System.out.printf("Coupons granted in %.1f s%n", (System.nanoTime() - t0) / 1e9);
	}

	/**
	 * Starts Linli for a benchmark: a fresh embedded PostgreSQL in {@code dataDir}, no demo city, the
	 * baseline endpoint. Command-line arguments, so that they win over application.properties (default
	 * properties would lose to it: the demo would be seeded into ./data).
	 */
	static ConfigurableApplicationContext start(String dataDir) {
		var app = new SpringApplication(LinliApplication.class);
		return app.run("--linli.db.data-dir=" + dataDir, "--linli.db.clean-on-start=true", "--linli.demo.seed=false",
				"--linli.bench.baseline=true", "--server.port=0", "--logging.level.root=WARN",
				"--logging.level.com.linli.bench=INFO", "--spring.main.banner-mode=off",
				"--linli.fulfilment.cutoff.schedule=-");
	}

	/**
	 * Fills the order history with picked-up orders of past days, straight into ordering's tables:
	 * benchmark data only (a million orders through the API would take the benchmark's own time).
	 */
	private static void loadHistory(JdbcClient jdbc, OrderingFixtures world, Listing listing, long count) {
		System.out.printf("Loading a history of %,d orders…%n", count);
		long t0 = System.nanoTime();
		Long[] residents = jdbc.sql("select account_id from network.resident_pickup_point where pickup_point_id = ?")
			.param(world.pickupPoint.id().value()).query(Long.class).list().toArray(Long[]::new);
		jdbc.sql("""
				insert into ordering.orders (order_no, resident_id, idempotency_key, recipient_name, recipient_phone,
				    region_id, pickup_point_id, pickup_date, status, total_fen, paid_fen, refunded_fen, pickup_code,
				    created_at, expires_at, cutoff_at, paid_at, confirmed_at, ready_at, picked_up_at)
				select 'H' || lpad(g::text, 12, '0'), (:residents)[1 + g % cardinality(:residents)], 'history-' || g,
				       '历史居民', '13900000000', :region, :point, current_date - (1 + g % 365)::int, 'PICKED_UP',
				       2990, 2990, 0, lpad((g % 1000000)::text, 6, '0'),
				       now() - make_interval(days => 2 + (g % 365)::int), now() - make_interval(days => 2 + (g % 365)::int),
				       now() - make_interval(days => 1 + (g % 365)::int), now() - make_interval(days => 2 + (g % 365)::int),
				       now() - make_interval(days => 1 + (g % 365)::int), now() - make_interval(days => 1 + (g % 365)::int),
				       now() - make_interval(days => (g % 365)::int)
				  from generate_series(1, :count) g""")
			.param("residents", residents).param("region", world.region.id().value())
			.param("point", world.pickupPoint.id().value()).param("count", count).update();
		jdbc.sql("""
				insert into ordering.order_line (order_id, listing_id, sku_id, category_id, sku_name, spec, unit,
				    unit_price_fen, quantity, amount_fen, picked_up_quantity)
				select id, :listing, :sku, 1, '历史商品', '500g/份', '份', 2990, 1, 2990, 1
				  from ordering.orders where order_no like 'H%'""")
			.param("listing", listing.id().value()).param("sku", listing.skuId().value()).update();
		jdbc.sql("analyze ordering.orders").update();
		jdbc.sql("analyze ordering.order_line").update();
		System.out.printf("History loaded in %.1f s%n", (System.nanoTime() - t0) / 1e9);
	}

	private OrderPlacementBenchmark() {
	}
}
