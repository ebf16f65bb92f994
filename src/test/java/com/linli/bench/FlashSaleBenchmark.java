package com.linli.bench;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.linli.Api;
import com.linli.identity.AccountManagement;
import com.linli.identity.internal.ApiTokens;
import com.linli.marketing.Listing;
import com.linli.marketing.ListingManagement;
import com.linli.ordering.OrderingFixtures;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A flash sale (秒杀) through HTTP: {@code bench.requests} order submits (default 20,000) from
 * {@code bench.residents} residents (5,000) for one listing of {@code bench.units} units (100, one per
 * resident), sent as fast as {@code bench.connections} connections (64) allow. Prints the throughput of
 * the whole burst, latency percentiles (all answers, winners, losers), how many were sold, and fails
 * unless exactly the units on offer were sold: as many 201 answers as units, the listing's count and
 * the order lines agreeing, every other answer "sold out" (or "over the limit": a winner's next request
 * answered before the sell-out was known). A first sale of the same size on another
 * listing warms the server up (JIT, token and pickup-point caches) and is printed too.
 * {@code -Dbench.flash-sale=true} makes the listings flash sales (a flash price from a minute ago), the only
 * listings hot stock takes in Redis: with {@code -Dlinli.hot-stock=redis -Dspring.data.redis.port=…} (a
 * {@code redis-server} started beforehand) the burst goes through Redis.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=com.linli.bench.FlashSaleBenchmark</pre>
 */
public final class FlashSaleBenchmark {

	public static void main(String[] args) throws Exception {
		int connections = Integer.getInteger("bench.connections", 64);
		int requests = Integer.getInteger("bench.requests", 20_000);
		int residentsCount = Integer.getInteger("bench.residents", 5_000);
		int units = Integer.getInteger("bench.units", 100);

		ConfigurableApplicationContext context = OrderPlacementBenchmark.start("target/bench-flash");
		int exit = 0;
		try {
			int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
			var world = new OrderingFixtures(context, port);
			var jdbc = context.getBean(JdbcClient.class);
			System.out.printf("Setting up %,d residents…%n", residentsCount);
			List<String> tokens = world.residents(residentsCount).stream().map(Api::token).toList();
			String base = "http://127.0.0.1:" + port;

			boolean flash = Boolean.getBoolean("bench.flash-sale");
			var warmup = sale(base, flashSale(context, world.listing("秒杀预热 鸡蛋", "0.99", units, 1), flash), tokens, requests,
					connections);
			System.out.println("warm-up sale: " + warmup);
			check(jdbc, warmup, units);

			var listing = flashSale(context, world.listing("秒杀 鸡蛋 30枚", "0.99", units, 1), flash);
			var result = sale(base, listing, tokens, requests, connections);
			System.out.println();
			System.out.printf("Flash sale, %,d requests from %,d residents for %d units, %d connections, durable commits%n",
					requests, residentsCount, units, connections);
			System.out.println(result);
			check(jdbc, result, units);
		}
		catch (Throwable e) {
			e.printStackTrace();
			exit = 1;
		}
		context.close();
		System.exit(exit);
	}

	/** The listing made a flash sale (0.50 from a minute ago) when {@code flash}. */
	private static Listing flashSale(ConfigurableApplicationContext context, Listing listing, boolean flash) {
		if (flash) {
			context.getBean(com.linli.marketing.FlashSaleManagement.class).save(com.linli.identity.Actor.system("bench"),
					new com.linli.marketing.NewFlashSale(listing.id(), com.linli.shared.Money.ofYuan("0.50"),
							context.getBean(Clock.class).instant().minusSeconds(60), null, 0, null));
		}
		return listing;
	}

	/** Units sold by the sale according to the database, checked against the answers: exactly {@code units}. */
	private static void check(JdbcClient jdbc, Sale sale, int units) {
		int sold = jdbc.sql("select sold from marketing.listing where id = ?").param(sale.listing().id().value())
			.query(Integer.class).single();
		long lines = jdbc.sql("""
				select coalesce(sum(l.quantity), 0) from ordering.order_line l join ordering.orders o on o.id = l.order_id
				 where l.listing_id = ? and o.status <> 'CANCELLED'""").param(sale.listing().id().value())
			.query(Long.class).single();
		long overLimit = jdbc.sql("select count(*) from marketing.listing_purchase where listing_id = ? and quantity > 1")
			.param(sale.listing().id().value()).query(Long.class).single();
		System.out.printf("units sold: %d (listing counter), %d (order lines), %d answers 201; residents over the limit: %d%n",
				sold, lines, sale.won(), overLimit);
		if (sold != units || lines != units || sale.won() != units || overLimit != 0 || sale.errors() != 0) {
			throw new AssertionError("expected exactly " + units + " units sold to " + units
					+ " residents and only sold-out answers otherwise; last unexpected answer: " + sale.lastError());
		}
	}

	record Sale(Listing listing, int requests, double seconds, int won, int soldOut, int overLimit, int errors,
			String lastError,
			long[] all, long[] winners, long[] losers) {

		@Override
		public String toString() {
			return String.format("%,.0f requests/s (%,d in %.2f s); all p50 %.2f ms p95 %.2f ms p99 %.2f ms max %.2f ms;"
					+ " winners (%d) p50 %.2f ms p99 %.2f ms; sold out (%,d) p50 %.2f ms p99 %.2f ms; over the limit %d; other answers %d",
					requests / seconds, requests, seconds, ms(all, 50), ms(all, 95), ms(all, 99), ms(all, 100), won,
					ms(winners, 50), ms(winners, 99), soldOut, ms(losers, 50), ms(losers, 99), overLimit, errors);
		}

		private static double ms(long[] sorted, double p) {
			if (sorted.length == 0) {
				return 0;
			}
			return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)] / 1e6;
		}
	}

	/** Sends {@code requests} submits for one unit of the listing, resident i % residents for request i. */
	private static Sale sale(String base, Listing listing, List<String> tokens, int requests, int connections)
			throws InterruptedException {
		String body = "{\"items\":[{\"listingId\":" + listing.id().value() + ",\"quantity\":1}]}";
		String run = Long.toString(System.nanoTime(), 36);
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
						String[] headers = { "Authorization", "Bearer " + tokens.get(i % tokens.size()),
								"Idempotency-Key", run + "-" + i };
						long before = System.nanoTime();
						try {
							var response = connection.post("/api/orders", body, headers);
							latency[i] = System.nanoTime() - before;
							if (response.status() == 201) {
								status[i] = 1;
							}
							else if (response.status() == 409 && response.body().contains("\"sold-out\"")) {
								status[i] = 2;
							}
							else if (response.status() == 409 && response.body().contains("\"limit-exceeded\"")) {
								// a winner's next request, answered before the sell-out was known
								status[i] = 4;
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
			}, "flash-" + t);
			thread.setDaemon(true);
			thread.start();
		}
		ready.await();
		long start = System.nanoTime();
		go.countDown();
		done.await();
		double seconds = (System.nanoTime() - start) / 1e9;
		int won = 0;
		int soldOut = 0;
		int overLimit = 0;
		int errors = 0;
		for (int s : status) {
			switch (s) {
				case 1 -> won++;
				case 2 -> soldOut++;
				case 4 -> overLimit++;
				default -> errors++;
			}
		}
		return new Sale(listing, requests, seconds, won, soldOut, overLimit, errors, lastError.get(), sorted(latency, status, 0),
				sorted(latency, status, 1), sorted(latency, status, 2));
	}

	private static long[] sorted(long[] latency, int[] status, int which) {
		long[] picked = new long[latency.length];
		int n = 0;
		for (int i = 0; i < latency.length; i++) {
			if (which == 0 || status[i] == which) {
				picked[n++] = latency[i];
			}
		}
		long[] result = Arrays.copyOf(picked, n);
		Arrays.sort(result);
		return result;
	}

	private FlashSaleBenchmark() {
	}
}
