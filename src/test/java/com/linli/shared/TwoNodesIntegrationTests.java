package com.linli.shared;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.LinliApplication;
import com.linli.marketing.Listing;
import com.linli.marketing.ListingId;
import com.linli.marketing.ListingManagement;
import com.linli.marketing.ListingStatus;
import com.linli.ordering.OrderingFixtures;
import com.linli.shared.cache.CacheBus;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.TaskManagementConfigUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one database, in one JVM: the test context is node A, a second application context on the
 * same PostgreSQL (its URL and credentials, no embedded server of its own, no schedules) is node B. What one
 * node does holds on the other: page sessions, token revocations, withdrawn listings, cache evictions, also
 * after the cache bus lost its connection.
 */
@IntegrationTest
class TwoNodesIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static ConfigurableApplicationContext nodeB;

	private static int portB;

	@LocalServerPort
	int portA;

	@Autowired
	ApplicationContext nodeA;

	@Autowired
	javax.sql.DataSource dataSource;

	@BeforeEach
	void startNodeB() {
		if (nodeB != null) {
			return;
		}
		var hikari = (HikariDataSource) dataSource;
		nodeB = new SpringApplicationBuilder(LinliApplication.class).profiles("test")
			.initializers(context -> context.addBeanFactoryPostProcessor(factory -> {
				// node B runs no schedules: node A (the test context) is the one that would
				var registry = (BeanDefinitionRegistry) factory;
				if (registry.containsBeanDefinition(TaskManagementConfigUtils.SCHEDULED_ANNOTATION_PROCESSOR_BEAN_NAME)) {
					registry.removeBeanDefinition(TaskManagementConfigUtils.SCHEDULED_ANNOTATION_PROCESSOR_BEAN_NAME);
				}
			}))
			.properties(Map.of("server.port", "0", "linli.demo.seed", "false", "spring.datasource.url",
					hikari.getJdbcUrl(), "spring.datasource.username", hikari.getUsername(),
					"spring.datasource.password", hikari.getPassword() == null ? "" : hikari.getPassword(),
					"spring.datasource.hikari.maximum-pool-size", "8",
					// node A's events in flight are node A's to finish
					"spring.modulith.events.republish-outstanding-events-on-restart", "false"))
			.run();
		portB = Integer.parseInt(nodeB.getEnvironment().getProperty("local.server.port"));
	}

	@AfterAll
	static void stopNodeB() {
		if (nodeB != null) {
			nodeB.close();
			nodeB = null;
		}
	}

	@Test
	void aPageSessionMadeOnOneNodeIsValidOnTheOther() throws Exception {
		String cookie = signIn(portA, Api.ADMIN_PHONE, Api.ADMIN_PASSWORD);
		var onB = page(portB, "/console", cookie);
		assertThat(onB.statusCode()).as("the console on node B with node A's session cookie").isEqualTo(200);
		assertThat(page(portB, "/console", null).statusCode()).as("without it").isEqualTo(302);
	}

	@Test
	void aTokenRevokedOnOneNodeIsRefusedOnTheOtherAtOnce() {
		Api residentOnA = Api.at(portA).newResident();
		Api sameOnB = Api.at(portB).withToken(residentOnA.token());
		assertThat(sameOnB.get("/api/me").status()).isEqualTo(200);
		assertThat(sameOnB.get("/api/me").status()).as("asked twice: node B has it in memory").isEqualTo(200);

		assertThat(residentOnA.post("/api/auth/logout", Map.of()).status()).isIn(200, 204);

		assertThat(sameOnB.get("/api/me").status()).as("the next request on node B").isEqualTo(401);
	}

	@Test
	void aListingWithdrawnOnOneNodeCannotBeOrderedOnTheOther() {
		var world = new OrderingFixtures(nodeA, portA);
		Listing listing = world.listing("两节点草莓", "19.90", 100, 5);
		Api resident = world.resident();
		Api residentOnB = Api.at(portB).withToken(resident.token());
		assertThat(order(residentOnB, listing).status()).as("node B takes and caches the listing").isEqualTo(201);

		var withdrawn = Api.at(portA).asAdmin().post("/api/listings/" + listing.id().value() + "/withdraw", Map.of());
		assertThat(withdrawn.status()).isEqualTo(200);

		var refused = order(residentOnB, listing);
		assertThat(refused.status()).as("the next order on node B: the reservation asks the database").isEqualTo(409);
		assertThat(refused.json().get("code").asText()).isEqualTo("listing-closed");
		var listingsOnB = nodeB.getBean(ListingManagement.class);
		assertThat(await(() -> listingsOnB.cachedListings(List.of(listing.id())).get(listing.id())
			.status() == ListingStatus.WITHDRAWN, 1_000)).as("node B's cache shows it withdrawn within a second").isTrue();
	}

	@Test
	void anEvictionReachesTheOtherNodeQuicklyAndTheBusRecoversFromALostConnection() {
		var world = new OrderingFixtures(nodeA, portA);
		Listing listing = world.listing("两节点蓝莓", "29.90", 100, 5);
		var onA = listingCache(nodeA);
		var onB = listingCache(nodeB);
		var listingsOnB = nodeB.getBean(ListingManagement.class);

		List<Long> micros = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			assertThat(loaded(listingsOnB, onB, listing)).isTrue();
			long start = System.nanoTime();
			onA.evict(listing.id());
			assertThat(awaitGone(onB, listing.id(), 1_000)).as("evicted on node B within a second").isTrue();
			micros.add((System.nanoTime() - start) / 1_000);
		}
		micros.sort(null);
		System.out.println("cache bus: eviction on A to gone on B, median " + micros.get(10) + " µs, max "
				+ micros.get(19) + " µs");

		// the listening connection of node B is cut: it listens again and forgets everything it held meanwhile
		var busB = nodeB.getBean(CacheBus.class);
		long connects = busB.connects();
		assertThat(loaded(listingsOnB, onB, listing)).isTrue();
		JdbcClient.create(dataSource).sql("select pg_terminate_backend(?)").param(busB.listenerPid()).query(Boolean.class)
			.single();
		assertThat(await(() -> busB.connects() > connects, 5_000)).as("node B listens again").isTrue();
		assertThat(onB.holds(listing.id())).as("cleared after the reconnection").isFalse();

		assertThat(loaded(listingsOnB, onB, listing)).isTrue();
		onA.evict(listing.id());
		assertThat(awaitGone(onB, listing.id(), 1_000)).as("and evictions reach it again").isTrue();
	}

	@Test
	void aTokenCheckIsOneIndexedRead() throws Exception {
		Api resident = Api.at(portA).newResident();
		var jdbc = JdbcClient.create(dataSource);
		String hash = sha256(resident.token());
		int rounds = 2_000;
		for (int i = 0; i < 200; i++) {
			tokenRead(jdbc, hash);
		}
		long start = System.nanoTime();
		for (int i = 0; i < rounds; i++) {
			assertThat(tokenRead(jdbc, hash)).isEqualTo(1);
		}
		long micros = (System.nanoTime() - start) / 1_000 / rounds;
		System.out.println("bearer token check: " + micros + " µs per request (one read, from the pool)");
		assertThat(micros).isLessThan(5_000);
	}

	private static int tokenRead(JdbcClient jdbc, String hash) {
		return jdbc.sql("""
				select t.account_id, a.security_version from identity.api_token t
				  join identity.account a on a.id = t.account_id and a.enabled
				 where t.token_hash = ? and t.expires_at > ?""")
			.params(hash, java.sql.Timestamp.from(java.time.Instant.EPOCH))
			.query((rs, n) -> rs.getLong(1))
			.list()
			.size();
	}

	private static String sha256(String token) throws Exception {
		return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
			.digest(token.getBytes(StandardCharsets.UTF_8)));
	}

	@SuppressWarnings("unchecked")
	private static ReadCache<ListingId, Listing> listingCache(ApplicationContext node) {
		return (ReadCache<ListingId, Listing>) node.getBean(CacheBus.class).caches("marketing.listing").get(0);
	}

	/** Loads the listing into node B's cache (a load that meets an eviction from elsewhere is not kept: again). */
	private static boolean loaded(ListingManagement listings, ReadCache<ListingId, Listing> cache, Listing listing) {
		return await(() -> {
			listings.cachedListings(List.of(listing.id()));
			return cache.holds(listing.id());
		}, 1_000);
	}

	private static boolean awaitGone(ReadCache<?, ?> cache, Object key, long millis) {
		return await(() -> !cache.holds(key), millis);
	}

	private static boolean await(java.util.function.BooleanSupplier condition, long millis) {
		long until = System.nanoTime() + millis * 1_000_000;
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > until) {
				return false;
			}
			Thread.onSpinWait();
		}
		return true;
	}

	private static Api.Response order(Api resident, Listing listing) {
		return resident.post("/api/orders", Map.of("items", List.of(Map.of("listingId", listing.id().value(), "quantity", 1))),
				Map.of("Idempotency-Key", UUID.randomUUID().toString()));
	}

	/** Signs in through the login form of the node; the session cookie it answers with. */
	private static String signIn(int port, String phone, String password) throws Exception {
		var login = page(port, "/login", null);
		String cookie = cookie(login, null);
		var csrf = CSRF.matcher(login.body());
		assertThat(csrf.find()).isTrue();
		String form = "phone=" + enc(phone) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
		var response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
			.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("/login");
		return cookie(response, cookie);
	}

	private static HttpResponse<String> page(int port, String path, String cookie) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html");
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** The session cookie the response sets (a sign-in makes a new one), else the one sent. */
	private static String cookie(HttpResponse<?> response, String sent) {
		return response.headers().allValues("Set-Cookie").stream()
			.map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
			.filter(c -> !c.endsWith("="))
			.reduce((a, b) -> b)
			.orElse(sent);
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}
}
