package com.linli.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import com.linli.Api;

/**
 * Order placement on one node and on two nodes behind nginx, against the same PostgreSQL: the cluster of
 * {@code scripts/cluster} (PostgreSQL with durable commits, RabbitMQ, Redis, two nodes from the packaged jar,
 * nginx with least_conn) in {@code target/bench-cluster}, the demo city without history as the world. Listings
 * of the demo's SKUs on one pickup date, {@code bench.residents} residents registered through the API, then
 * orders (1–3 lines, a new Idempotency-Key each) from {@code bench.connections} connections (32): first straight
 * to node 1, then through nginx to both; prints orders/s, p50/p95/p99 of each and the ratio. Stops the cluster.
 *
 * <pre>./mvnw -DskipTests package; java -cp $CP com.linli.bench.ClusterBenchmark   # -Dbench.seconds=30 -Dbench.warmup=15</pre>
 */
public final class ClusterBenchmark {

	public static void main(String[] args) throws Exception {
		int connections = Integer.getInteger("bench.connections", 32);
		int residentsCount = Integer.getInteger("bench.residents", 300);
		var warmup = Duration.ofSeconds(Long.getLong("bench.warmup", 15));
		var measure = Duration.ofSeconds(Long.getLong("bench.seconds", 30));
		String base = Path.of(System.getProperty("bench.dir", "target/bench-cluster")).toAbsolutePath().toString();
		int http = Integer.getInteger("bench.port", 18080);
		var env = Map.of("LINLI_CLUSTER_DIR", base, "LINLI_CLUSTER_HTTP_PORT", Integer.toString(http),
				"LINLI_CLUSTER_NODE1_PORT", Integer.toString(http + 1), "LINLI_CLUSTER_NODE2_PORT",
				Integer.toString(http + 2), "LINLI_CLUSTER_PG_PORT", Integer.toString(http + 3),
				"LINLI_CLUSTER_AMQP_PORT", Integer.toString(http + 4), "LINLI_CLUSTER_REDIS_PORT",
				Integer.toString(http + 5), "LINLI_CLUSTER_NODE_ARGS",
				"--linli.demo.history-days=0 --linli.demo.year-residents=0 --linli.notification.reminders.enabled=false");
		int exit = 0;
		try {
			cluster(env, "start");
			var operator = Api.at(http).as("13800000001", "linli123");
			long region = Api.at(http).get("/api/network/regions").json().get(0).get("id").asLong();
			List<Long> points = new ArrayList<>();
			Api.at(http).get("/api/network/pickup-points?regionId=" + region + "&limit=200").json()
				.forEach(p -> points.add(p.get("id").asLong()));
			var existing = operator.get("/api/listings?regionId=" + region + "&size=100").json().get("items");
			List<Long> skus = new ArrayList<>();
			java.time.LocalDate latest = null;
			for (var l : existing) {
				if (!skus.contains(l.get("skuId").asLong())) {
					skus.add(l.get("skuId").asLong());
				}
				var date = java.time.LocalDate.parse(l.get("pickupDate").asText());
				latest = latest == null || date.isAfter(latest) ? date : latest;
			}
			// a pickup date of its own, a fresh one on every run into the same base directory
			var pickupDate = latest.plusDays(2 + Long.getLong("bench.day", System.nanoTime() % 300));
			List<Long> listings = new ArrayList<>();
			for (long sku : skus) {
				var published = operator.post("/api/listings", Map.of("regionId", region, "skuId", sku, "groupPriceFen",
						590 + listings.size(), "stockCap", 1_000_000, "perResidentLimit", 99, "pickupDate",
						pickupDate.toString()));
				if (published.status() != 201) {
					throw new IllegalStateException("listing: " + published);
				}
				listings.add(published.json().get("id").asLong());
			}
			System.out.printf("Setting up %d listings and %d residents through the API…%n", listings.size(), residentsCount);
			List<String> tokens = IntStream.range(0, residentsCount).parallel().mapToObj(i -> {
				var resident = Api.at(http).newResident();
				resident.put("/api/me/pickup-point", Map.of("pickupPointId", points.get(i % points.size())));
				return resident.token();
			}).toList();

			var keys = new AtomicLong();
			String run = Long.toString(System.nanoTime(), 36);
			IntFunction<LoadGenerator.Call> submit = thread -> {
				String token = tokens.get(LoadGenerator.random(tokens.size()));
				int lines = 1 + LoadGenerator.random(3);
				int first = LoadGenerator.random(listings.size());
				var body = new StringBuilder("{\"items\":[");
				for (int l = 0; l < lines; l++) {
					body.append(l == 0 ? "" : ",").append("{\"listingId\":")
						.append(listings.get((first + l * 7) % listings.size())).append(",\"quantity\":1}");
				}
				body.append("]}");
				return new LoadGenerator.Call("/api/orders", body.toString(), new String[] { "Authorization",
						"Bearer " + token, "Idempotency-Key", run + "-" + keys.incrementAndGet() });
			};
			var one = new LoadGenerator("http://127.0.0.1:" + (http + 1), connections)
				.run("one node (node 1)", warmup, measure, submit);
			System.out.println(one);
			var two = new LoadGenerator("http://127.0.0.1:" + http, connections)
				.run("two nodes behind nginx", warmup, measure, submit);
			System.out.println(two);
			System.out.println();
			System.out.printf("Order placement, %d connections, %d listings, %d residents, durable commits, one PostgreSQL "
					+ "(%d cores on this machine)%n", connections, listings.size(), residentsCount,
					Runtime.getRuntime().availableProcessors());
			LoadGenerator.lines(one, two).forEach(System.out::println);
			System.out.printf("two nodes / one node: %.2f%n", two.perSecond() / one.perSecond());
		}
		catch (Throwable e) {
			e.printStackTrace();
			exit = 1;
		}
		finally {
			cluster(env, "stop");
		}
		System.exit(exit);
	}

	private static void cluster(Map<String, String> env, String command) throws Exception {
		var builder = new ProcessBuilder(Path.of("scripts/cluster").toAbsolutePath().toString(), command).inheritIO();
		builder.environment().putAll(env);
		var process = builder.start();
		if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
			throw new IllegalStateException("scripts/cluster " + command + " failed");
		}
	}
}
