package com.linli.fulfilment;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.linli.LinliApplication;
import com.linli.TestClock;
import com.linli.identity.Actor;
import com.linli.network.CommunityManagement;
import com.linli.network.NewCommunity;
import com.linli.network.NewPickupPoint;
import com.linli.network.NewRegion;
import com.linli.network.NewWarehouse;
import com.linli.network.PickupPoint;
import com.linli.network.PickupPointManagement;
import com.linli.network.Region;
import com.linli.network.RegionManagement;
import com.linli.network.Warehouse;
import com.linli.network.WarehouseKind;
import com.linli.network.WarehouseManagement;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark (not a test): the cutoff of one region with 1,000,000 paid order lines (300,000 orders at
 * 2,000 pickup points served by 20 grid warehouses), against a fresh, durable embedded PostgreSQL in
 * target/bench-cutoff. Prints the time of the run and lines per second, then of a rerun that finds
 * nothing new.
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=com.linli.fulfilment.CutoffBenchmark
 * </pre>
 * Optional arguments: the status the orders are generated in, {@code PAID} (default: the run confirms
 * them, which is ordering's work) or {@code CONFIRMED} (only the sorting is timed); orders and pickup
 * points (defaults 300000 and 2000; lines are 10/3 per order).
 */
public final class CutoffBenchmark {

	/** The benchmark sets up its network as the platform itself. */
	private static final Actor BENCH = Actor.system("cutoff-benchmark");

	private CutoffBenchmark() {
	}

	public static void main(String[] args) {
		String status = args.length > 0 ? args[0].toUpperCase(java.util.Locale.ROOT) : "PAID";
		if (!status.equals("PAID") && !status.equals("CONFIRMED")) {
			throw new IllegalArgumentException("orders are generated PAID or CONFIRMED, not " + status);
		}
		int orders = args.length > 1 ? Integer.parseInt(args[1]) : 300_000;
		int points = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
		var app = new SpringApplication(LinliApplication.class);
		// command-line arguments, so that they win over application.properties (default properties would lose
		// to it: the demo city would be seeded, into ./data)
		String[] properties = { "--server.port=0", "--linli.db.data-dir=target/bench-cutoff",
				"--linli.db.clean-on-start=true", "--linli.db.durable=true", "--linli.demo.seed=false",
				"--linli.fulfilment.cutoff.schedule=-", "--linli.ordering.expiry.enabled=false",
				"--logging.level.com.linli.fulfilment=INFO" };
		try (ConfigurableApplicationContext context = app.run(properties)) {
			var jdbc = context.getBean(JdbcClient.class);
			var cutoffs = context.getBean(CutoffManagement.class);

			long t0 = System.nanoTime();
			Region region = context.getBean(RegionManagement.class).createRegion(BENCH, new NewRegion("压测城", "BENCH", ZoneId.of("Asia/Shanghai")));
			List<PickupPoint> pickupPoints = pickupPoints(context, region, points);
			LocalDate pickupDate = TestClock.today().plusDays(1);
			long lines = orders(jdbc, region, pickupPoints, pickupDate, orders, status);
			System.out.printf("%nData: %,d %s orders, %,d lines at %,d pickup points in %.1f s%n", orders, status, lines,
					pickupPoints.size(), seconds(t0));

			long start = System.nanoTime();
			CutoffRun run = cutoffs.run(region.id(), pickupDate, Actor.system("test"));
			double elapsed = seconds(start);
			System.out.printf("%nCUTOFF %s: %,d orders, %,d lines, %,d units, %d pickup points, %d grid warehouses%n",
					run.status(), run.orders(), run.lines(), run.units(), run.pickupPoints(), run.gridWarehouses());
			System.out.printf("CUTOFF took %.2f s: %,.0f lines/s%n", elapsed, run.lines() / elapsed);
			// whether the confirming update was HOT (no new index entries): the statistics arrive within a second
			java.util.concurrent.locks.LockSupport.parkNanos(1_500_000_000L);
			jdbc.sql("select n_tup_upd, n_tup_hot_upd from pg_stat_user_tables where schemaname = 'ordering' and relname = 'orders'")
				.query(rs -> {
					System.out.printf("orders updated: %,d rows, of them HOT: %,d%n", rs.getLong(1), rs.getLong(2));
				});

			start = System.nanoTime();
			CutoffRun again = cutoffs.run(region.id(), pickupDate, Actor.system("test"));
			double rerun = seconds(start);
			System.out.printf("RERUN (nothing new, every line merged) took %.2f s; lines still %,d%n%n", rerun, again.lines());
			if (run.lines() != lines || again.lines() != lines) {
				throw new IllegalStateException("expected " + lines + " sorting lines");
			}
		}
	}

	/** 20 grid warehouses, and one community with one pickup point per point asked for, through the network API. */
	private static List<PickupPoint> pickupPoints(ConfigurableApplicationContext context, Region region, int count) {
		var warehouses = context.getBean(WarehouseManagement.class);
		var communities = context.getBean(CommunityManagement.class);
		var network = context.getBean(PickupPointManagement.class);
		List<Warehouse> grids = new ArrayList<>();
		for (int g = 0; g < 20; g++) {
			grids.add(warehouses.createWarehouse(BENCH, new NewWarehouse(region.id(), WarehouseKind.GRID, "网格仓" + (g + 1),
					"物流园 " + (g + 1) + " 号", 30.2 + g * 0.01, 120.1)));
		}
		List<PickupPoint> points = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			var community = communities.createCommunity(BENCH, new NewCommunity(region.id(), "小区" + (i + 1), "压测区",
					"幸福路 " + (i + 1) + " 号", 30.2 + (i % 100) * 0.001, 120.1 + (i / 100) * 0.001, 600));
			points.add(network.openPickupPoint(BENCH, new NewPickupPoint(community.id(), grids.get(i % grids.size()).id(),
					"自提点" + (i + 1), "幸福路 " + (i + 1) + " 号底商", community.latitude(), community.longitude(),
					LocalTime.of(8, 0), LocalTime.of(21, 0))));
		}
		return points;
	}

	/**
	 * Orders (paid, or already confirmed) and their lines written straight into ordering's tables with generate_series. This is
	 * for the benchmark's data only: placing 300,000 orders through the API would measure ordering and
	 * payment, not the cutoff, and take far longer than the cutoff itself. Every third order has four
	 * lines, the others three; quantities 1 to 3 of 200 products at ¥9.90.
	 */
	private static long orders(JdbcClient jdbc, Region region, List<PickupPoint> points, LocalDate pickupDate,
			int orders, String status) {
		Long[] pointIds = points.stream().map(p -> p.id().value()).toArray(Long[]::new);
		Instant now = TestClock.now();
		var created = java.sql.Timestamp.from(now.minus(Duration.ofHours(5)));
		var cutoff = java.sql.Timestamp.from(now.minus(Duration.ofMinutes(1)));
		jdbc.sql("""
				insert into ordering.orders (id, order_no, resident_id, idempotency_key, recipient_name, recipient_phone,
				    region_id, pickup_point_id, pickup_date, status, total_fen, paid_fen, pickup_code, created_at, expires_at,
				    cutoff_at, paid_at, confirmed_at)
				overriding system value
				select i, 'B' || lpad(i::text, 12, '0'), 1000000 + i, 'bench-' || i, '居民' || (i % 997), '139' || lpad((i % 100000000)::text, 8, '0'),
				       ?, (?::bigint[])[1 + i % ?], ?, ?,
				       990 * (select sum(1 + (i + k) % 3) from generate_series(0, case when i % 3 = 0 then 3 else 2 end) k),
				       990 * (select sum(1 + (i + k) % 3) from generate_series(0, case when i % 3 = 0 then 3 else 2 end) k),
				       lpad((i / ?)::text, 6, '0'), ?, ?, ?, ?, case when ? = 'CONFIRMED' then ?::timestamptz end
				  from generate_series(1, ?) i""")
			.params(region.id().value(), pointIds, pointIds.length, pickupDate, status, pointIds.length, created, cutoff,
					cutoff, created, status, cutoff, orders)
			.update();
		jdbc.sql("""
				insert into ordering.order_line (order_id, listing_id, sku_id, category_id, sku_name, spec, unit, unit_price_fen,
				    quantity, amount_fen)
				select i, 1 + (i * 7 + k) % 200, 1 + (i * 7 + k) % 200, 1, '商品' || (1 + (i * 7 + k) % 200), '500g/份', '份', 990,
				       1 + (i + k) % 3, 990 * (1 + (i + k) % 3)
				  from generate_series(1, ?) i, generate_series(0, 3) k
				 where k < case when i % 3 = 0 then 4 else 3 end""")
			.param(orders).update();
		jdbc.sql("analyze ordering.orders").update();
		jdbc.sql("analyze ordering.order_line").update();
		return jdbc.sql("select count(*) from ordering.order_line").query(Long.class).single();
	}

	private static double seconds(long startNanos) {
		return (System.nanoTime() - startNanos) / 1e9;
	}
}
