package com.linli.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import com.linli.Api;
import com.linli.ordering.OrderingFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The cluster of {@code scripts/cluster}: PostgreSQL, RabbitMQ, Redis, two Linli nodes from the packaged jar and
 * nginx in front, in {@code target/cluster-it} on free ports, with the demo city (no history) as the fixture.
 * Every claim is made over HTTP, through nginx and straight to one node or the other, and checked in the
 * database. Run by failsafe in {@code verify} after the jar is packaged; skipped, saying what to install, when
 * a server's binary is absent. The kill of a node mid-cutoff comes last: it leaves one node.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ClusterIT {

	private static final Path BASE = Path.of("target/cluster-it").toAbsolutePath();

	private static final Map<String, String> ENV = new HashMap<>();

	private static int http;

	private static int node1;

	private static int node2;

	private static int pg;

	private static boolean started;

	private static Api operator;

	private static long region;

	private static List<Long> pickupPoints;

	private static List<Long> skus;

	private static LocalDate firstFreeDate;

	private static final AtomicInteger DATES = new AtomicInteger();

	private static final AtomicInteger SKUS = new AtomicInteger();

	@BeforeAll
	static void start() throws Exception {
		assumeTrue(binaries(), "the cluster test needs PostgreSQL, RabbitMQ, Redis and nginx: "
				+ "apt-get install -y postgresql rabbitmq-server redis-server nginx");
		http = freePort();
		node1 = freePort();
		node2 = freePort();
		pg = freePort();
		ENV.put("LINLI_CLUSTER_DIR", BASE.toString());
		ENV.put("LINLI_CLUSTER_HTTP_PORT", Integer.toString(http));
		ENV.put("LINLI_CLUSTER_NODE1_PORT", Integer.toString(node1));
		ENV.put("LINLI_CLUSTER_NODE2_PORT", Integer.toString(node2));
		ENV.put("LINLI_CLUSTER_PG_PORT", Integer.toString(pg));
		ENV.put("LINLI_CLUSTER_AMQP_PORT", Integer.toString(freePort()));
		ENV.put("LINLI_CLUSTER_REDIS_PORT", Integer.toString(freePort()));
		ENV.put("LINLI_CLUSTER_SEED", "true");
		ENV.put("LINLI_CLUSTER_JAVA_OPTS", "-Xmx512m -XX:TieredStopAtLevel=1");
		// the demo city without its history or its year: a region, pickup points, SKUs and an operator in seconds
		ENV.put("LINLI_CLUSTER_NODE_ARGS", "--linli.demo.history-days=0 --linli.demo.year-residents=0 "
				+ "--linli.admin.initial-password=" + Api.ADMIN_PASSWORD + " --linli.admin.must-change-password=false "
				+ "--linli.notification.reminders.enabled=false --linli.fulfilment.cutoff.chunk-lines=1");
		// a cluster left over by a run that was killed: stopped, then a fresh base directory
		cluster("stop");
		deleteBase();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				cluster("stop");
			}
			catch (Exception e) {
				// the JVM is going anyway
			}
		}));
		started = true;
		cluster("start");

		operator = Api.at(http).as("13800000001", "linli123");
		var regions = Api.at(http).get("/api/network/regions").json();
		region = regions.get(0).get("id").asLong();
		pickupPoints = new ArrayList<>();
		Api.at(http).get("/api/network/pickup-points?regionId=" + region + "&limit=200").json()
			.forEach(p -> pickupPoints.add(p.get("id").asLong()));
		var listings = operator.get("/api/listings?regionId=" + region + "&size=100").json().get("items");
		skus = new ArrayList<>();
		LocalDate latest = null;
		for (var l : listings) {
			long sku = l.get("skuId").asLong();
			if (!skus.contains(sku)) {
				skus.add(sku);
			}
			LocalDate date = LocalDate.parse(l.get("pickupDate").asText());
			latest = latest == null || date.isAfter(latest) ? date : latest;
		}
		assertThat(pickupPoints).as("the demo's pickup points").isNotEmpty();
		assertThat(skus).as("the demo's listed SKUs").hasSizeGreaterThan(8);
		// after the demo's last pickup date: the tests' listings never meet the demo's (server time, not ours)
		firstFreeDate = latest.plusDays(3);
	}

	@AfterAll
	static void stop() throws Exception {
		if (started) {
			cluster("stop");
		}
	}

	@Test
	@Order(1)
	void aFlashSaleBurstSpreadOverBothNodesSellsExactlyTheCap() throws Exception {
		int cap = 10;
		long listing = listing(cap, 1);
		List<Api> residents = residents(36);
		var answers = burst(listing, residents);
		assertThat(answers.stream().filter(s -> s == 201).count()).as("orders accepted").isEqualTo(cap);
		assertThat(answers).as("every other answer: sold out").allMatch(s -> s == 201 || s == 409);
		assertSold(listing, cap);
	}

	@Test
	@Order(2)
	void aTokenRevokedOnOneNodeIsRefusedOnTheOtherAtOnce() {
		var resident = Api.at(node1).newResident();
		var onB = Api.at(node2).withToken(resident.token());
		assertThat(onB.get("/api/me").status()).as("the token on node B before").isEqualTo(200);
		assertThat(resident.post("/api/auth/logout", Map.of()).status()).isEqualTo(204);
		assertThat(onB.get("/api/me").status()).as("the revoked token on node B, at once").isEqualTo(401);
	}

	@Test
	@Order(3)
	void aListingWithdrawnOnOneNodeCannotBeOrderedOnTheOther() throws Exception {
		long listing = listing(100, 5);
		var buyers = residents(2);
		var onB = Api.at(node2).withToken(buyers.get(0).token());
		// node B has the listing in its caches
		assertThat(order(onB, listing, "w1").status()).isEqualTo(201);
		assertThat(Api.at(node1).withToken(operator.token()).post("/api/listings/" + listing + "/withdraw", Map.of())
			.status()).isEqualTo(200);
		var refused = order(Api.at(node2).withToken(buyers.get(1).token()), listing, "w2");
		assertThat(refused.status()).as("an order on node B for the listing withdrawn on node A: " + refused)
			.isBetween(400, 499);
		assertSold(listing, 1);
	}

	@Test
	@Order(4)
	void aRedisRestartLosesNoSale() throws Exception {
		int cap = 8;
		long listing = listing(cap, 1);
		var residents = residents(24);
		var first = burst(listing, residents.subList(0, 4));
		assertThat(first).containsOnly(201);
		cluster("stop", "redis");
		cluster("start");
		var rest = burst(listing, residents.subList(4, residents.size()));
		assertThat(rest.stream().filter(s -> s == 201).count()).as("sold after the restart: the rest of the cap")
			.isEqualTo(cap - 4);
		assertSold(listing, cap);
	}

	@Test
	@Order(5)
	void aBrokerRestartInTheMiddleOfADayLosesNoEventAndAppliesNoneTwice() throws Exception {
		long listing = listing(100, 2);
		long sku = operator.get("/api/listings/" + listing).json().get("skuId").asLong();
		var residents = residents(6);
		// analytics' sales per SKU, kept from ordering's OrderPaid: each event applied once adds its units once
		String units = "select coalesce(sum(units), 0) from analytics.daily_sku where region_id = " + region
				+ " and sku_id = " + sku;
		long unitsBefore;
		try (var db = db()) {
			unitsBefore = count(db, units);
		}
		cluster("stop", "rabbitmq");
		List<Long> orders = new ArrayList<>();
		for (int i = 0; i < residents.size(); i++) {
			var placed = order(residents.get(i), listing, "b" + i);
			assertThat(placed.status()).isEqualTo(201);
			assertThat(OrderingFixtures.pay(residents.get(i), placed.json().get("payment").asText()).status())
				.isEqualTo(200);
			orders.add(placed.json().get("id").asLong());
		}
		cluster("start");
		for (int i = 0; i < residents.size(); i++) {
			assertThat(OrderingFixtures.awaitStatus(residents.get(i), orders.get(i), "PAID").get("status").asText())
				.isEqualTo("PAID");
		}
		try (var db = db()) {
			awaitZero(db, "select count(*) from event_publication where completion_date is null",
					"event publications still incomplete after the broker came back");
			awaitZero(db, "select " + (unitsBefore + residents.size()) + " - (" + units + ")",
					"units of the orders paid while the broker was down, not yet in analytics");
			// a redelivery would come late: a moment more, and still each order counted once
			Thread.sleep(2_000);
			assertThat(count(db, units)).as("units in analytics: each OrderPaid applied once")
				.isEqualTo(unitsBefore + residents.size());
		}
		assertSold(listing, residents.size());
	}

	@Test
	@Order(6)
	void killingANodeInTheMiddleOfACutoffLeavesTheOtherToFinishItWithNoDuplicateAndNoMissingLine() throws Exception {
		LocalDate pickupDate = nextDate();
		long a = listing(pickupDate, 1000, 3);
		pickupDate = listingDate(a);
		long b = listing(pickupDate, 1000, 3);
		var residents = residents(60);
		for (int i = 0; i < residents.size(); i++) {
			var resident = residents.get(i);
			var placed = resident.post("/api/orders", Map.of("items", List.of(Map.of("listingId", a, "quantity", 1 + i % 3),
					Map.of("listingId", b, "quantity", 1))), Map.of("Idempotency-Key", "cut-" + i));
			assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
			assertThat(OrderingFixtures.pay(resident, placed.json().get("payment").asText()).status()).isEqualTo(200);
		}
		try (var db = db()) {
			awaitZero(db, "select count(*) from ordering.orders where region_id = " + region + " and pickup_date = '"
					+ pickupDate + "' and status <> 'PAID'", "orders not yet paid");
			// node A's runner commits the sorting lines pickup point by pickup point (chunks of one line), in the order of
			// the pickup points' ids; a row of the last point's, inserted here first and left uncommitted, holds it
			// there, half way, where it dies
			db.setAutoCommit(false);
			String sequence = text(db, "select pg_get_serial_sequence('fulfilment.cutoff_run', 'id')");
			long nextRun = count(db, "select case when is_called then last_value + 1 else last_value end from " + sequence);
			String last = "select o.id, o.order_no, o.pickup_point_id, l.id, l.sku_id from ordering.order_line l"
					+ " join ordering.orders o on o.id = l.order_id where o.region_id = " + region + " and o.pickup_date = '"
					+ pickupDate + "' order by o.pickup_point_id desc, o.id desc, l.id desc limit 1";
			try (var st = db.createStatement(); var rs = st.executeQuery(last)) {
				rs.next();
				// the next ids too: a run of another region scheduled meanwhile takes one
				for (long id = nextRun; id < nextRun + 3; id++) {
					try (var insert = db.prepareStatement("insert into fulfilment.sorting_line (run_id, order_line_id, "
							+ "order_id, order_no, pickup_code, recipient_name, phone_tail, pickup_point_id, sku_id, sku_name, "
							+ "spec, unit, quantity) values (?, ?, ?, ?, 'HOLD', 'hold', '0000', ?, ?, 'hold', 'hold', 'x', 1)")) {
						insert.setLong(1, id);
						insert.setLong(2, rs.getLong(4));
						insert.setLong(3, rs.getLong(1));
						insert.setString(4, rs.getString(2));
						insert.setLong(5, rs.getLong(3));
						insert.setLong(6, rs.getLong(5));
						insert.executeUpdate();
					}
				}
			}
			var start = Api.at(node1).withToken(operator.token()).post("/api/cutoff-runs",
					Map.of("regionId", region, "pickupDate", pickupDate.toString(), "early", true));
			assertThat(start.status()).as(start.toString()).isEqualTo(202);
			long run = start.json().get("id").asLong();
			assertThat(run).as("the run's id, as foreseen").isBetween(nextRun, nextRun + 2);
			int pointsDone;
			try (var watch = db()) {
				int before = -1;
				long stable = System.nanoTime();
				while (true) {
					pointsDone = (int) count(watch, "select points_done from fulfilment.cutoff_run where id = " + run);
					if (pointsDone != before) {
						before = pointsDone;
						stable = System.nanoTime();
					}
					else if (pointsDone > 0 && System.nanoTime() - stable > Duration.ofSeconds(1).toNanos()) {
						break;
					}
					assertThat(System.nanoTime() - stable).as("node A's run made no progress").isLessThan(
							Duration.ofSeconds(30).toNanos());
					Thread.sleep(100);
				}
				assertThat(text(watch, "select status from fulfilment.cutoff_run where id = " + run)).isEqualTo("RUNNING");
			}
			kill9(BASE.resolve("node1/pid"));
			db.rollback();
			db.setAutoCommit(true);
			long written = count(db, "select count(*) from fulfilment.sorting_line where run_id = " + run);
			assertThat(written).as("lines node A committed before it died").isPositive();

			// node B resumes it (the scheduled job would too, after a minute without progress)
			var onB = Api.at(node2).withToken(operator.token());
			var resumed = onB.post("/api/cutoff-runs", Map.of("regionId", region, "pickupDate", pickupDate.toString(),
					"early", true));
			long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
			while (resumed.status() == 409 || resumed.status() == 423) {
				// the dead node's lock goes with its connection; until PostgreSQL has noticed, another attempt is "at it"
				assertThat(System.nanoTime()).as("resumed within 90 s").isLessThan(deadline);
				Thread.sleep(500);
				resumed = onB.post("/api/cutoff-runs", Map.of("regionId", region, "pickupDate", pickupDate.toString(),
						"early", true));
			}
			assertThat(resumed.status()).as(resumed.toString()).isEqualTo(202);
			assertThat(resumed.json().get("id").asLong()).isEqualTo(run);
			String status;
			do {
				assertThat(System.nanoTime()).as("completed within 90 s").isLessThan(deadline);
				Thread.sleep(300);
				status = onB.get("/api/cutoff-runs/" + run).json().get("status").asText();
			}
			while (!status.equals("COMPLETED"));

			long orderLines = count(db, "select count(*) from ordering.order_line l join ordering.orders o on o.id = l.order_id"
					+ " where o.region_id = " + region + " and o.pickup_date = '" + pickupDate + "' and o.status = 'CONFIRMED'");
			long sortingLines = count(db, "select count(*) from fulfilment.sorting_line where run_id = " + run);
			long missing = count(db, "select count(*) from ordering.order_line l join ordering.orders o on o.id = l.order_id"
					+ " where o.region_id = " + region + " and o.pickup_date = '" + pickupDate + "' and o.status = 'CONFIRMED'"
					+ " and not exists (select 1 from fulfilment.sorting_line s where s.run_id = " + run
					+ " and s.order_line_id = l.id)");
			long units = count(db, "select coalesce(sum(quantity), 0) from fulfilment.sorting_line where run_id = " + run);
			long ordered = count(db, "select coalesce(sum(l.quantity), 0) from ordering.order_line l join ordering.orders o"
					+ " on o.id = l.order_id where o.region_id = " + region + " and o.pickup_date = '" + pickupDate + "'"
					+ " and o.status = 'CONFIRMED'");
			assertThat(orderLines).as("confirmed order lines").isEqualTo(2L * residents.size());
			assertThat(missing).as("order lines missing from the sorting lines").isZero();
			assertThat(sortingLines).as("sorting lines, one per order line").isEqualTo(orderLines);
			assertThat(units).as("units sorted").isEqualTo(ordered);
		}
	}

	// ---------------------------------------------------------------------------------------------------

	/** One order submit per resident, all at once, spread over node A, node B and nginx; the statuses. */
	private static List<Integer> burst(long listing, List<Api> residents) throws InterruptedException {
		var statuses = new ConcurrentLinkedQueue<Integer>();
		var go = new CountDownLatch(1);
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < residents.size(); i++) {
			int port = i % 3 == 0 ? node1 : i % 3 == 1 ? node2 : http;
			var resident = Api.at(port).withToken(residents.get(i).token());
			String key = "burst-" + listing + "-" + i;
			var thread = new Thread(() -> {
				try {
					go.await();
					statuses.add(order(resident, listing, key).status());
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			});
			thread.start();
			threads.add(thread);
		}
		go.countDown();
		for (var t : threads) {
			t.join();
		}
		return new ArrayList<>(statuses);
	}

	private static Api.Response order(Api resident, long listing, String key) {
		return resident.post("/api/orders", Map.of("items", List.of(Map.of("listingId", listing, "quantity", 1))),
				Map.of("Idempotency-Key", key));
	}

	/** Exactly {@code units} sold according to the listing's count and to the order lines. */
	private static void assertSold(long listing, long units) throws SQLException {
		try (var db = db()) {
			assertThat(count(db, "select sold from marketing.listing where id = " + listing)).as("listing's sold")
				.isEqualTo(units);
			assertThat(count(db, "select coalesce(sum(l.quantity), 0) from ordering.order_line l join ordering.orders o"
					+ " on o.id = l.order_id where l.listing_id = " + listing + " and o.status <> 'CANCELLED'"))
				.as("units in order lines").isEqualTo(units);
		}
	}

	private static long listing(int cap, int limit) {
		return listing(nextDate(), cap, limit);
	}

	/** A listing published by the operator through nginx, open now, for {@code pickupDate}. */
	private static long listing(LocalDate pickupDate, int cap, int limit) {
		long sku = skus.get(SKUS.getAndIncrement() % skus.size());
		while (true) {
			var published = operator.post("/api/listings", Map.of("regionId", region, "skuId", sku, "groupPriceFen", 990,
					"stockCap", cap, "perResidentLimit", limit, "pickupDate", pickupDate.toString()));
			if (published.status() == 409 && published.text().contains("\"market-closed\"")) {
				// the demo closes the market on some days: the next date
				pickupDate = nextDate();
				continue;
			}
			assertThat(published.status()).as(published.toString()).isEqualTo(201);
			return published.json().get("id").asLong();
		}
	}

	private static LocalDate listingDate(long listing) {
		return LocalDate.parse(operator.get("/api/listings/" + listing).json().get("pickupDate").asText());
	}

	private static LocalDate nextDate() {
		return firstFreeDate.plusDays(DATES.getAndIncrement());
	}

	/** Residents registered through nginx, bound to the demo's pickup points in turn. */
	private static List<Api> residents(int count) {
		return IntStream.range(0, count).parallel().mapToObj(i -> {
			var resident = Api.at(http).newResident();
			var bound = resident.put("/api/me/pickup-point",
					Map.of("pickupPointId", pickupPoints.get(i % pickupPoints.size())));
			assertThat(bound.status()).as(bound.toString()).isIn(200, 204);
			return resident;
		}).toList();
	}

	private static Connection db() throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pg + "/linli", "linli", "linli");
	}

	private static long count(Connection db, String sql) throws SQLException {
		try (var st = db.createStatement(); var rs = st.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static String text(Connection db, String sql) throws SQLException {
		try (var st = db.createStatement(); var rs = st.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static void awaitZero(Connection db, String sql, String what) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		long left;
		while ((left = count(db, sql)) != 0) {
			assertThat(System.nanoTime()).as(what + ": " + left).isLessThan(deadline);
			Thread.sleep(250);
		}
	}

	private static void kill9(Path pidFile) throws Exception {
		long pid = Long.parseLong(Files.readString(pidFile).trim());
		var process = ProcessHandle.of(pid).orElseThrow();
		new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start().waitFor();
		process.onExit().get(30, TimeUnit.SECONDS);
	}

	private static void cluster(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of("scripts/cluster").toAbsolutePath().toString());
		command.addAll(List.of(args));
		var builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile()));
		builder.environment().putAll(ENV);
		var process = builder.start();
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException("scripts/cluster " + String.join(" ", args) + " took over 5 minutes");
		}
		if (process.exitValue() != 0) {
			throw new IllegalStateException("scripts/cluster " + String.join(" ", args) + " failed: "
					+ Files.readString(logFile().toPath()));
		}
	}

	private static java.io.File logFile() throws IOException {
		Files.createDirectories(BASE.getParent());
		return BASE.getParent().resolve("cluster-it.log").toFile();
	}

	private static void deleteBase() throws IOException {
		if (Files.exists(BASE)) {
			try (var paths = Files.walk(BASE)) {
				paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}

	private static boolean binaries() {
		boolean postgres = Files.isDirectory(Path.of("/usr/lib/postgresql")) && listsInitdb();
		return postgres && onPath("redis-server") && onPath("nginx")
				&& (Files.isExecutable(Path.of("/usr/lib/rabbitmq/bin/rabbitmq-server")));
	}

	private static boolean listsInitdb() {
		try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
			return versions.anyMatch(v -> Files.isExecutable(v.resolve("bin/initdb")));
		}
		catch (IOException e) {
			return false;
		}
	}

	private static boolean onPath(String binary) {
		for (String dir : (System.getenv("PATH") + ":/usr/sbin:/usr/bin").split(":")) {
			if (Files.isExecutable(Path.of(dir, binary))) {
				return true;
			}
		}
		return false;
	}

	private static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
