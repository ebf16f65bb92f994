package com.linli.payment.internal.simulated;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The simulated bank's outbox of payment notifications. Each one is an HTTP POST to the platform's
 * callback URL with a signed JSON body; anything but a 2xx answer is retried after the configured
 * delays (default 2s, 10s, 30s, 2m, 10m), then given up. Due notifications are claimed from the table
 * with a lease, so a crash mid-send, a restart or a second node only ever delays them. Each attempt is
 * signed afresh (new timestamp and nonce) and logged in {@code sim_notification_attempt}.
 */
@Component
@ConditionalOnSimulatedProvider
class SimulatedNotifier implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SimulatedNotifier.class);

	static final String NOTIFY_PATH = "/api/payments/notify/" + SimulatedPaymentProvider.NAME;

	private static final int BATCH = 50;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Environment environment;

	private final SimulatedProperties properties;

	private final NotificationSignature signature;

	private final HttpClient http;

	private final ExecutorService senders;

	private final Duration lease;

	private volatile String callbackUrlOverride;

	SimulatedNotifier(JdbcClient jdbc, Clock clock, Environment environment, SimulatedProperties properties,
			SimulatedSecret secret) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.environment = environment;
		this.properties = properties;
		this.signature = new NotificationSignature(secret.value());
		this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5)).build();
		var threads = new AtomicInteger();
		this.senders = Executors.newFixedThreadPool(4, r -> {
			var thread = new Thread(r, "sim-bank-notify-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.lease = properties.requestTimeout().multipliedBy(3);
	}

	/** Sends what is due now, in the background: called right after a payment commits. */
	void kick() {
		try {
			senders.execute(this::deliverDue);
		}
		catch (RejectedExecutionException e) {
			// shutting down: the poller of the next start sends it
		}
	}

	/** The poller: notifications that are due (new or waiting for a retry) are sent. */
	@Scheduled(initialDelayString = "${linli.payment.simulated.poll-interval-ms:1000}",
			fixedDelayString = "${linli.payment.simulated.poll-interval-ms:1000}")
	void poll() {
		kick();
	}

	void deliverDue() {
		List<Claimed> claimed;
		do {
			claimed = claimDue();
			for (Claimed notification : claimed) {
				try {
					senders.execute(() -> deliver(notification));
				}
				catch (RejectedExecutionException e) {
					return;
				}
			}
		}
		while (claimed.size() == BATCH);
	}

	/** Where notifications go: set in tests to make the platform unreachable, null for the default. */
	void setCallbackUrl(String url) {
		this.callbackUrlOverride = url;
	}

	/**
	 * {@code linli.payment.callback-base-url} plus the notify path; without the property, this very
	 * server on localhost, its port read when needed (a test server's random port is known only then).
	 */
	String callbackUrl() {
		String override = callbackUrlOverride;
		if (override != null) {
			return override;
		}
		String base = environment.getProperty("linli.payment.callback-base-url");
		if (base == null || base.isBlank()) {
			base = "http://localhost:" + environment.getProperty("local.server.port",
					environment.getProperty("server.port", "8080"));
		}
		return base.replaceAll("/+$", "") + NOTIFY_PATH;
	}

	private List<Claimed> claimDue() {
		Instant now = clock.instant();
		return jdbc.sql("""
				update payment.sim_notification n
				   set attempts = n.attempts + 1, next_attempt_at = :leaseUntil
				  from payment.sim_transaction t
				 where t.id = n.transaction_id
				   and n.id in (select id from payment.sim_notification
				                 where delivered_at is null and gave_up_at is null and next_attempt_at <= :now
				                 order by next_attempt_at limit :limit for update skip locked)
				returning n.id, n.attempts, t.id as transaction_id, t.merchant_reference, t.amount_fen, t.paid_at""")
			.param("leaseUntil", Timestamp.from(now.plus(lease)))
			.param("now", Timestamp.from(now))
			.param("limit", BATCH)
			.query((rs, n) -> new Claimed(rs.getLong("id"), rs.getInt("attempts"), rs.getString("transaction_id"),
					rs.getString("merchant_reference"), rs.getLong("amount_fen"), rs.getTimestamp("paid_at").toInstant()))
			.list();
	}

	private void deliver(Claimed notification) {
		Result result;
		HttpRequest request = null;
		try {
			request = signedRequest(notification);
			result = send(request);
		}
		catch (IllegalArgumentException e) {
			result = new Result(null, "bad callback URL: " + e.getMessage());
		}
		record(notification, result, false);
		if (result.delivered()) {
			jdbc.sql("update payment.sim_notification set delivered_at = ?, next_attempt_at = null where id = ?")
				.params(Timestamp.from(clock.instant()), notification.id())
				.update();
			if (properties.duplicateNotifications()) {
				// the very same request again, byte for byte, as a provider that lost the first answer would
				record(notification, send(request), true);
			}
			return;
		}
		List<Duration> delays = properties.retryDelays();
		if (notification.attempts() > delays.size()) {
			log.warn("Simulated bank gives up notifying {} after {} attempts (last: {})", notification.transactionId(),
					notification.attempts(), result.describe());
			jdbc.sql("update payment.sim_notification set gave_up_at = ?, next_attempt_at = null where id = ?")
				.params(Timestamp.from(clock.instant()), notification.id())
				.update();
			return;
		}
		Duration delay = delays.get(notification.attempts() - 1);
		log.info("Simulated bank could not notify {} (attempt {}: {}); retry in {}", notification.transactionId(),
				notification.attempts(), result.describe(), delay);
		jdbc.sql("update payment.sim_notification set next_attempt_at = ? where id = ?")
			.params(Timestamp.from(clock.instant().plus(delay)), notification.id())
			.update();
	}

	/** The notification as JSON, signed now with a fresh nonce. */
	private HttpRequest signedRequest(Claimed notification) {
		Instant now = clock.instant();
		String nonce = NotificationSignature.nonce();
		var body = new LinkedHashMap<String, Object>();
		body.put("event", "TRANSACTION.SUCCESS");
		body.put("transactionId", notification.transactionId());
		body.put("merchantReference", notification.merchantReference());
		body.put("amountFen", notification.amountFen());
		body.put("paidAt", notification.paidAt().toString());
		body.put("nonce", nonce);
		body.put("timestamp", now.getEpochSecond());
		byte[] bytes = JSON.writeValueAsBytes(body);
		return HttpRequest.newBuilder(URI.create(callbackUrl()))
			.timeout(properties.requestTimeout())
			.header("Content-Type", "application/json")
			.header(NotificationSignature.HEADER, signature.header(now.getEpochSecond(), nonce, bytes))
			.POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
			.build();
	}

	private Result send(HttpRequest request) {
		try {
			return new Result(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode(), null);
		}
		catch (IOException e) {
			return new Result(null, e.getMessage() == null ? e.getClass().getSimpleName()
					: e.getClass().getSimpleName() + ": " + e.getMessage());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return new Result(null, "interrupted");
		}
	}

	private void record(Claimed notification, Result result, boolean duplicate) {
		String error = result.error() == null ? null : result.error().substring(0, Math.min(500, result.error().length()));
		jdbc.sql("""
				insert into payment.sim_notification_attempt (notification_id, attempt, duplicate, at, http_status, error)
				values (?, ?, ?, ?, ?, ?)""")
			.params(notification.id(), notification.attempts(), duplicate, Timestamp.from(clock.instant()),
					result.status(), error)
			.update();
	}

	@Override
	public void destroy() {
		senders.shutdownNow();
	}

	private record Claimed(long id, int attempts, String transactionId, String merchantReference, long amountFen,
			Instant paidAt) {
	}

	private record Result(Integer status, String error) {

		boolean delivered() {
			return status != null && status >= 200 && status < 300;
		}

		String describe() {
			return status != null ? "HTTP " + status : error;
		}
	}
}
