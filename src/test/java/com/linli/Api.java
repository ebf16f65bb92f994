package com.linli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A REST client as a mini-program would be: JSON over HTTP with a bearer token. Tests use it to
 * drive the platform through its API, never through its internals.
 */
public final class Api {

	public static final String ADMIN_PHONE = "13800000000";

	public static final String ADMIN_PASSWORD = "linli-admin";

	private static final AtomicLong PHONES = new AtomicLong(System.nanoTime() % 1_000_000);

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private final String base;

	private final String token;

	private Api(String base, String token) {
		this.base = base;
		this.token = token;
	}

	public static Api at(int port) {
		return new Api("http://localhost:" + port, null);
	}

	/** A fresh, unused mainland mobile number for a test account. */
	public static String newPhone() {
		return "139" + String.format("%08d", PHONES.incrementAndGet() % 100_000_000);
	}

	public Api as(String phone, String password) {
		var response = post("/api/auth/token", Map.of("phone", phone, "password", password));
		if (response.status() != 200) {
			throw new IllegalStateException("sign-in of " + phone + " failed: " + response);
		}
		return new Api(base, response.json().get("token").asText());
	}

	public Api asAdmin() {
		return as(ADMIN_PHONE, ADMIN_PASSWORD);
	}

	/** Registers a resident and signs in as them. */
	public Api newResident() {
		String phone = newPhone();
		var r = post("/api/auth/register", Map.of("phone", phone, "displayName", "居民" + phone.substring(7),
				"password", "secret123"));
		if (r.status() != 201) {
			throw new IllegalStateException("registration failed: " + r);
		}
		return as(phone, "secret123");
	}

	/** An account with the given roles, opened by the admin, signed in. */
	public Api newAccount(String... roles) {
		String phone = newPhone();
		var r = asAdmin().post("/api/admin/accounts", Map.of("phone", phone, "displayName", "员工" + phone.substring(7),
				"password", "secret123", "roles", roles));
		if (r.status() != 201) {
			throw new IllegalStateException("account creation failed: " + r);
		}
		return as(phone, "secret123");
	}

	/** The same server with a token issued elsewhere (bulk test accounts). */
	public Api withToken(String token) {
		return new Api(base, token);
	}

	public Api anonymous() {
		return new Api(base, null);
	}

	public String token() {
		return token;
	}

	public Response get(String path) {
		return send(request(path).GET());
	}

	/** A GET with headers of the caller's choosing (e.g. {@code Accept: image/png}). */
	public Response get(String path, Map<String, String> headers) {
		var request = request(path).GET();
		headers.forEach(request::setHeader);
		return send(request);
	}

	public Response delete(String path) {
		return send(request(path).DELETE());
	}

	public Response post(String path, Object body) {
		return send(request(path).POST(body(body)));
	}

	public Response post(String path, Object body, Map<String, String> headers) {
		var request = request(path).POST(body(body));
		headers.forEach(request::header);
		return send(request);
	}

	public Response put(String path, Object body) {
		return send(request(path).PUT(body(body)));
	}

	public Response patch(String path, Object body) {
		return send(request(path).method("PATCH", body(body)));
	}

	private HttpRequest.Builder request(String path) {
		var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
			.header("Accept", "application/json, application/problem+json");
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder;
	}

	private static HttpRequest.BodyPublisher body(Object body) {
		String json = body instanceof String s ? s : JSON.writeValueAsString(body);
		return HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8);
	}

	/** Attempts at one request whose connection keeps closing before any byte of the answer. */
	private static final int ATTEMPTS = 4;

	private static Response send(HttpRequest.Builder builder) {
		HttpRequest request = builder.header("Content-Type", "application/json").build();
		for (int attempt = 1;; attempt++) {
			try {
				var response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
				return new Response(response.statusCode(), response.body(),
						response.headers().firstValue("Content-Type").orElse(""));
			}
			catch (IOException e) {
				if (attempt >= ATTEMPTS || !closedBeforeAnswer(e)) {
					throw new IllegalStateException(request.method() + " " + request.uri() + ": " + e, e);
				}
				pause(50L * attempt);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
	}

	/**
	 * True when the server closed the connection before a single byte of the answer came back: a pooled
	 * keep-alive connection the server dropped as idle just as the request went out (frequent on a loaded
	 * machine). The server has not handled the request, so sending it again on a new connection is safe.
	 * An answer cut off half way is not this case and stays an error.
	 */
	static boolean closedBeforeAnswer(IOException e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			String message = String.valueOf(t.getMessage());
			if (message.contains("header parser received no bytes")
					|| (t instanceof java.net.SocketException
							&& (message.contains("Connection reset") || message.contains("Broken pipe")))) {
				return true;
			}
		}
		return false;
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** Status, body and content type of one HTTP response. */
	public record Response(int status, byte[] body, String contentType) {

		public JsonNode json() {
			return JSON.readTree(body);
		}

		public String text() {
			return new String(body, StandardCharsets.UTF_8);
		}

		/** The field names in a problem detail's {@code errors}. */
		public java.util.List<String> errorFields() {
			var errors = json().get("errors");
			java.util.List<String> fields = new java.util.ArrayList<>();
			if (errors != null) {
				errors.forEach(e -> fields.add(e.get("field").asText()));
			}
			return fields;
		}

		public long id() {
			return json().get("id").asLong();
		}

		@Override
		public String toString() {
			return status + " " + text();
		}
	}
}
