package com.linli.demo.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Pays at the simulated bank through its public API ({@code POST /api/payments/sim/{transaction}/pay}),
 * as a resident does at the cashier, over HTTP to this very server: the bank then notifies the
 * platform with a signed callback, exactly as it does for a real resident. The API lets any signed-in
 * user press the button, so one sign-in serves all residents. Payments go out on a few threads; the
 * caller waits for their effect on the orders.
 */
@Component
public class BankCashier implements DisposableBean {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private final Environment environment;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5)).build();

	private final ExecutorService payers = Executors.newFixedThreadPool(3, r -> {
		var thread = new Thread(r, "demo-cashier");
		thread.setDaemon(true);
		return thread;
	});

	BankCashier(Environment environment) {
		this.environment = environment;
	}

	/** A signed-in cashier: its bearer token. Sign out when done. */
	public record Session(String token) {
	}

	/** What the bank answered a payment: paid now, or refused (already paid, closed, expired) with its reason. */
	public record Outcome(boolean paid, String refusal) {
	}

	public Session signIn(String phone, String password) {
		var response = send(HttpRequest.newBuilder(uri("/api/auth/token")).timeout(TIMEOUT)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(Map.of("phone", phone, "password", password))))
			.build());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("the simulator could not sign in as " + phone + " to pay at the simulated bank: HTTP "
					+ response.statusCode() + " " + response.body());
		}
		return new Session(JSON.readTree(response.body()).required("token").asText());
	}

	public void signOut(Session session) {
		send(HttpRequest.newBuilder(uri("/api/auth/logout")).timeout(TIMEOUT)
			.header("Authorization", "Bearer " + session.token())
			.POST(HttpRequest.BodyPublishers.noBody())
			.build());
	}

	/** Presses 确认支付 for a transaction, in the background. */
	public CompletableFuture<Outcome> pay(Session session, String transactionId) {
		return CompletableFuture.supplyAsync(() -> {
			var response = send(HttpRequest.newBuilder(uri("/api/payments/sim/" + transactionId + "/pay")).timeout(TIMEOUT)
				.header("Authorization", "Bearer " + session.token())
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{}"))
				.build());
			if (response.statusCode() == 200) {
				return new Outcome(true, null);
			}
			if (response.statusCode() == 409) {
				return new Outcome(false, response.body());
			}
			throw new IllegalStateException("the simulated bank answered HTTP " + response.statusCode() + " to paying "
					+ transactionId + ": " + response.body());
		}, payers);
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new IllegalStateException("the simulator could not reach this server at " + request.uri(), e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while paying", e);
		}
	}

	/** This server on localhost: its port is known once it listens (a test server's random port too). */
	private URI uri(String path) {
		String port = environment.getProperty("local.server.port");
		if (port == null) {
			throw new IllegalStateException("the day simulator pays over this server's HTTP API: start it with a web server");
		}
		String context = environment.getProperty("server.servlet.context-path", "");
		return URI.create("http://localhost:" + port + context + path);
	}

	@Override
	public void destroy() {
		payers.shutdownNow();
	}
}
