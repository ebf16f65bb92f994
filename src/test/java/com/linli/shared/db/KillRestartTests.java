package com.linli.shared.db;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.linli.Api;
import com.linli.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application killed with SIGKILL (power cut of the JVM, OOM killer, kill -9) starts again on the same
 * data directory by itself, although its embedded PostgreSQL outlived it, and every order it acknowledged
 * with a 201 is there. The application runs as a child JVM on the test classpath.
 */
class KillRestartTests {

	static final Duration STARTUP = Duration.ofSeconds(120);

	final Path dataDir = Path.of("target/kill9-" + System.nanoTime()).toAbsolutePath();

	final List<Process> children = new ArrayList<>();

	@Test
	@Timeout(300)
	void afterKill9TheApplicationStartsAgainWithEveryAcknowledgedOrder() throws Exception {
		Process first = startApplication(freePort());
		int port = portOf(first);
		awaitUp(first, port);

		// a small world through the API: region, grid warehouse, pickup point, one product on sale now
		Api admin = Api.at(port).asAdmin();
		long region = created(admin.post("/api/network/regions", Map.of("name", "杭州", "code", "K9", "zone", "Asia/Shanghai")));
		long community = created(admin.post("/api/network/communities", Map.of("regionId", region, "name", "翠苑一区",
				"district", "西湖区", "address", "文三路 1 号", "latitude", 30.28, "longitude", 120.13, "households", 800)));
		long warehouse = created(admin.post("/api/network/warehouses", Map.of("regionId", region, "kind", "GRID",
				"name", "西湖网格仓", "address", "文三路 9 号", "latitude", 30.28, "longitude", 120.12)));
		long point = created(admin.post("/api/network/pickup-points", Map.of("communityId", community,
				"gridWarehouseId", warehouse, "name", "翠苑便利店", "address", "翠苑一区 3 幢", "latitude", 30.28,
				"longitude", 120.13, "opensAt", LocalTime.of(8, 0).toString(), "closesAt", LocalTime.of(21, 0).toString())));
		long category = created(admin.post("/api/catalog/categories", Map.of("name", "蔬菜", "sortOrder", 1)));
		var product = admin.post("/api/catalog/products", Map.of("categoryId", category, "name", "上海青", "skus",
				List.of(Map.of("spec", "500g/袋", "unit", "袋", "storage", "CHILLED", "shelfLifeDays", 3, "weightGrams", 500))));
		assertThat(product.status()).as(product.toString()).isEqualTo(201);
		long sku = product.json().get("skus").get(0).get("id").asLong();
		Instant now = TestClock.now();
		LocalDate pickup = LocalDate.ofInstant(now, TestClock.ZONE).plusDays(2);
		long listing = created(admin.post("/api/listings", Map.of("regionId", region, "skuId", sku, "groupPriceFen", 390,
				"stockCap", 100, "perResidentLimit", 10, "opensAt", now.minus(Duration.ofHours(1)).toString(),
				"cutoffAt", now.plus(Duration.ofHours(6)).toString(), "pickupDate", pickup.toString())));

		Api resident = Api.at(port).newResident();
		var bound = resident.put("/api/me/pickup-point", Map.of("pickupPointId", point));
		assertThat(bound.status()).as(bound.toString()).isIn(200, 204);
		List<Long> acknowledged = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			var placed = resident.post("/api/orders", Map.of("items", List.of(Map.of("listingId", listing, "quantity", 1))),
					Map.of("Idempotency-Key", "kill9-" + i));
			assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
			acknowledged.add(placed.id());
		}

		long postmaster = postmasterPid().orElseThrow();
		first.destroyForcibly().waitFor();
		assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive))
			.as("the embedded PostgreSQL outlives the killed JVM: the case to recover from").contains(true);

		Process second = startApplication(freePort());
		int again = portOf(second);
		awaitUp(second, again);
		Api residentAgain = Api.at(again).withToken(resident.token());
		for (long id : acknowledged) {
			var order = residentAgain.get("/api/orders/" + id);
			assertThat(order.status()).as("order " + id + ": " + order).isEqualTo(200);
		}
		assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false))
			.as("the stray postmaster was stopped").isFalse();

		// a clean stop takes its PostgreSQL down with it
		long current = postmasterPid().orElseThrow();
		second.destroy();
		second.waitFor();
		awaitGone(current);
	}

	@AfterEach
	void stopEverything() throws Exception {
		for (Process child : children) {
			child.destroyForcibly().waitFor();
		}
		postmasterPid().flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroy);
		postmasterPid().ifPresent(this::awaitGone);
		org.springframework.util.FileSystemUtils.deleteRecursively(dataDir);
	}

	Process startApplication(int port) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-Duser.timezone=Asia/Shanghai",
				"-Dlinli.clock.start=" + TestClock.now(), "-cp", System.getProperty("java.class.path"),
				"com.linli.LinliApplication", "--server.port=" + port, "--linli.db.data-dir=" + dataDir,
				"--linli.db.pool-size=6", "--linli.demo.seed=false", "--linli.notification.reminders.enabled=false",
				"--linli.fulfilment.cutoff.schedule=-", "--linli.inventory.forecast.schedule=-",
				"--linli.inventory.alerts.schedule=-",
				"--linli.admin.initial-password=" + Api.ADMIN_PASSWORD, "--linli.admin.must-change-password=false"));
		Files.createDirectories(dataDir.getParent());
		File log = dataDir.resolveSibling(dataDir.getFileName() + "-" + children.size() + ".log").toFile();
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log))
			.start();
		children.add(process);
		ports.put(process, port);
		return process;
	}

	final Map<Process, Integer> ports = new java.util.HashMap<>();

	int portOf(Process process) {
		return ports.get(process);
	}

	void awaitUp(Process process, int port) throws InterruptedException {
		long deadline = System.nanoTime() + STARTUP.toNanos();
		while (true) {
			assertThat(process.isAlive()).as("the application exited while starting (exit %s), see %s-*.log",
					process.isAlive() ? "-" : process.exitValue(), dataDir).isTrue();
			try {
				Api.at(port).asAdmin();
				return;
			}
			catch (IllegalStateException notYet) {
				assertThat(System.nanoTime() - deadline).as("the application did not start within %s, see %s-*.log",
						STARTUP, dataDir).isNegative();
				Thread.sleep(500);
			}
		}
	}

	void awaitGone(long pid) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
			assertThat(System.nanoTime() - deadline).as("postmaster %s still running", pid).isNegative();
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	Optional<Long> postmasterPid() {
		try {
			Path file = dataDir.resolve("postmaster.pid");
			return Files.exists(file) ? Optional.of(Long.parseLong(Files.readAllLines(file).get(0).strip()))
					: Optional.empty();
		}
		catch (IOException | RuntimeException e) {
			return Optional.empty();
		}
	}

	static long created(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.id();
	}

	static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
