package com.linli.marketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import com.linli.Api;
import com.linli.marketing.internal.hotstock.HotStock;
import com.linli.ordering.OrderingFixtures;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Hot stock in a real Redis ({@code linli.hot-stock=redis}, a {@code redis-server} started here on a free port,
 * without persistence), through HTTP: a burst of 2,000 submits from 500 residents for a flash sale of 100 units
 * sells exactly 100, in PostgreSQL and in Redis; Redis killed in the middle of such a burst and started again
 * empty still sells exactly the cap, the counter rebuilt from the database; a burst of claims issues exactly the
 * template's quantity. The class's own Spring context (the switch), on the test JVM's database, closed after it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "linli.hot-stock=redis", "linli.hot-stock.reconcile-interval=PT1H" })
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class HotStockRedisIntegrationTests {

	static final File REDIS = new File("/usr/bin/redis-server");

	static final int REDIS_PORT = freePort();

	static final Path REDIS_DIR = Path.of("target", "redis-hot-stock");

	static Process redis;

	static RedisClient client;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HotStock hotStock;

	@Autowired
	Clock clock;

	@DynamicPropertySource
	static void redisAt(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.host", () -> "127.0.0.1");
		registry.add("spring.data.redis.port", () -> REDIS_PORT);
	}

	@BeforeAll
	static void startRedis() throws Exception {
		assumeTrue(REDIS.canExecute(), "no redis-server: apt-get install redis-server (the Redis hot-stock tests are skipped)");
		Files.createDirectories(REDIS_DIR);
		startRedisServer();
		client = RedisClient.create(RedisURI.create("127.0.0.1", REDIS_PORT));
	}

	@AfterAll
	static void stopRedis() throws InterruptedException {
		if (client != null) {
			client.shutdown();
		}
		if (redis != null) {
			redis.destroy();
			if (!redis.waitFor(5, TimeUnit.SECONDS)) {
				redis.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
	}

	static void startRedisServer() throws IOException, InterruptedException {
		redis = new ProcessBuilder(REDIS.getPath(), "--port", Integer.toString(REDIS_PORT), "--bind", "127.0.0.1",
				"--save", "", "--appendonly", "no", "--dir", REDIS_DIR.toAbsolutePath().toString())
			.redirectErrorStream(true).redirectOutput(REDIS_DIR.resolve("redis.log").toFile()).start();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (System.nanoTime() < deadline) {
			try (var socket = new java.net.Socket("127.0.0.1", REDIS_PORT)) {
				return;
			}
			catch (IOException notYet) {
				Thread.sleep(20);
			}
		}
		throw new IllegalStateException("redis-server did not start on " + REDIS_PORT);
	}

	/** Kills Redis (no goodbye, nothing saved) and starts an empty one on the same port. */
	static void restartRedisEmpty() throws Exception {
		redis.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
		startRedisServer();
	}

	static int freePort() {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	Map<String, String> counter(String counter) {
		try (var c = client.connect()) {
			return c.sync().hgetall("hs:s:" + counter);
		}
	}

	int heldInRedis(String counter) {
		try (var c = client.connect()) {
			return c.sync().hvals("hs:h:" + counter).stream().mapToInt(Integer::parseInt).sum();
		}
	}

	Listing flashSale(OrderingFixtures world, int units) {
		Listing listing = world.listing("热库存秒杀" + MarketingFixtures.next(), "29.90", units, 1);
		Api operator = MarketingFixtures.operatorOf(Api.at(port), world.region);
		var body = new HashMap<String, Object>();
		body.put("flashPriceFen", 990);
		body.put("startsAt", clock.instant().minus(Duration.ofMinutes(1)).toString());
		body.put("earlyAccessMinutes", 0);
		var saved = operator.put("/api/admin/marketing/flash-sales/" + listing.id().value(), body);
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
		return listing;
	}

	/**
	 * {@code requests} submits for one unit from the residents in turn, over 32 threads; answers by status and
	 * code. {@code onWin} hears the number of wins so far after each win.
	 */
	Map<String, AtomicInteger> burst(List<Api> residents, int requests, String path, Map<String, Object> body,
			boolean idempotent, IntConsumer onWin) throws InterruptedException {
		List<Api> callers = new ArrayList<>();
		for (int i = 0; i < requests; i++) {
			callers.add(residents.get(i % residents.size()));
		}
		Collections.shuffle(callers, new Random(17));
		var next = new AtomicInteger();
		var wins = new AtomicInteger();
		var answers = new ConcurrentHashMap<String, AtomicInteger>();
		int threads = 32;
		var go = new CountDownLatch(1);
		var done = new CountDownLatch(threads);
		for (int t = 0; t < threads; t++) {
			var thread = new Thread(() -> {
				try {
					go.await();
					for (int i; (i = next.getAndIncrement()) < callers.size();) {
						var response = idempotent
								? callers.get(i).post(path, body, Map.of("Idempotency-Key", UUID.randomUUID().toString()))
								: callers.get(i).post(path, body);
						String key = response.status() == 201 ? "201"
								: response.status() + " " + response.json().path("code").asText();
						answers.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
						if (response.status() == 201) {
							onWin.accept(wins.incrementAndGet());
						}
					}
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
				finally {
					done.countDown();
				}
			});
			thread.setDaemon(true);
			thread.start();
		}
		go.countDown();
		assertThat(done.await(60, TimeUnit.SECONDS)).as("the burst ends").isTrue();
		return answers;
	}

	Map<String, AtomicInteger> flashBurst(OrderingFixtures world, List<Api> residents, Listing listing, IntConsumer onWin)
			throws InterruptedException {
		return burst(residents, 2_000, "/api/orders",
				Map.of("items", List.of(Map.of("listingId", listing.id().value(), "quantity", 1))), true, onWin);
	}

	void exactlySold(Listing listing, Map<String, AtomicInteger> answers, int units) {
		assertThat(answers.get("201")).as(answers.toString()).hasValue(units);
		assertThat(answers.keySet()).as(answers.toString())
			.allMatch(k -> k.equals("201") || k.equals("409 sold-out") || k.equals("409 limit-exceeded"));
		long id = listing.id().value();
		assertThat(jdbc.sql("select sold from marketing.listing where id = ?").param(id).query(Integer.class).single())
			.isEqualTo(units);
		assertThat(jdbc.sql("""
				select coalesce(sum(l.quantity), 0) from ordering.order_line l join ordering.orders o on o.id = l.order_id
				 where l.listing_id = ? and o.status <> 'CANCELLED'""").param(id).query(Long.class).single())
			.isEqualTo(units);
		assertThat(jdbc.sql("select count(*) from marketing.listing_purchase where listing_id = ? and quantity > 1")
			.param(id).query(Long.class).single()).isZero();
		// Redis agrees once the reconciliation has settled the takes of the burst
		hotStock.reconcile();
		assertThat(counter("l:" + id)).as("the counter in Redis").containsEntry("rem", "0");
		assertThat(heldInRedis("l:" + id)).isEqualTo(units);
	}

	@Test
	void aBurstOfTwoThousandSubmitsSellsExactlyTheCapInRedisAndInPostgres() throws InterruptedException {
		var world = new OrderingFixtures(context, port);
		List<Api> residents = world.residents(500);
		Listing listing = flashSale(world, 100);

		var answers = flashBurst(world, residents, listing, wins -> {
		});

		exactlySold(listing, answers, 100);
		assertThat(jdbc.sql("select count(distinct token) from marketing.hot_stock_take where counter = ?")
			.param("l:" + listing.id().value()).query(Long.class).single())
			// a take falls back to the database alone only when Redis is slow to answer (1 s) on a loaded machine
			.as("the winners went through Redis").isGreaterThanOrEqualTo(95);
	}

	@Test
	void redisKilledInTheMiddleOfABurstAndStartedEmptyLosesNoSaleAndSellsNoMore() throws Exception {
		var world = new OrderingFixtures(context, port);
		List<Api> residents = world.residents(500);
		Listing listing = flashSale(world, 100);
		var restarted = new CountDownLatch(1);
		var restarter = new AtomicInteger();

		var answers = flashBurst(world, residents, listing, wins -> {
			if (wins == 30 && restarter.getAndIncrement() == 0) {
				try {
					restartRedisEmpty();
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
				restarted.countDown();
			}
		});

		assertThat(restarted.getCount()).as("Redis was restarted in the middle").isZero();
		exactlySold(listing, answers, 100);
		try (var c = client.connect()) {
			assertThat(c.sync().get("hs:gen")).as("a new generation in the new Redis").isNotNull();
		}
	}

	@Test
	void aBurstOfClaimsIssuesExactlyTheTemplatesQuantity() throws InterruptedException {
		var world = new OrderingFixtures(context, port);
		Api operator = MarketingFixtures.operatorOf(Api.at(port), world.region);
		Map<String, Object> body = new HashMap<>();
		body.put("name", "热库存抢券" + MarketingFixtures.next());
		body.put("kind", "FIXED");
		body.put("amountFen", 300);
		body.put("thresholdFen", 0);
		body.put("scope", "ALL");
		body.put("regionIds", List.of(world.region.id().value()));
		body.put("validDays", 7);
		body.put("perResidentLimit", 1);
		body.put("totalQuantity", 60);
		var created = operator.post("/api/admin/marketing/coupon-templates", body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long template = created.json().get("id").asLong();
		List<Api> residents = world.residents(200);

		var answers = burst(residents, 600, "/api/marketing/coupons/claims", Map.of("templateId", template), false,
				wins -> {
				});

		assertThat(answers.get("201")).as(answers.toString()).hasValue(60);
		assertThat(answers.keySet()).as(answers.toString())
			.allMatch(k -> k.equals("201") || k.equals("409 coupons-gone") || k.equals("409 coupon-limit-reached"));
		assertThat(jdbc.sql("select issued from marketing.coupon_template where id = ?").param(template)
			.query(Integer.class).single()).isEqualTo(60);
		assertThat(jdbc.sql("select count(distinct resident_id) from marketing.coupon where template_id = ?")
			.param(template).query(Long.class).single()).isEqualTo(60);
		hotStock.reconcile();
		assertThat(counter("c:" + template)).containsEntry("rem", "0");
		assertThat(heldInRedis("c:" + template)).isEqualTo(60);
	}
}
