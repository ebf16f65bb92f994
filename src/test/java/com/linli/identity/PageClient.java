package com.linli.identity;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The console without a browser: a cookie jar, the login form and its CSRF token, pages fetched and
 * forms posted (redirects followed), for tests of what a signed-in session may still do.
 */
final class PageClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+(?:value|content)=\"([^\"]+)\"");

	private final String base;

	private final HttpClient http;

	private PageClient(int port) {
		this.base = "http://localhost:" + port;
		this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
	}

	static PageClient anonymous(int port) {
		return new PageClient(port);
	}

	/** Signs in through the login form; fails unless the sign-in succeeded. */
	static PageClient signIn(int port, String phone, String password) {
		var client = new PageClient(port);
		var after = client.submitLogin(phone, password);
		if (after.uri().getPath().startsWith("/login")) {
			throw new IllegalStateException("sign-in of " + phone + " failed: " + after.uri());
		}
		return client;
	}

	Page submitLogin(String phone, String password) {
		return post("/login", "/login", Map.of("phone", phone, "password", password));
	}

	Page get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET());
	}

	/** Posts a form the way its page would: the CSRF token is read from {@code formPage} first. */
	Page post(String formPage, String path, Map<String, String> fields) {
		var page = get(formPage);
		var csrf = CSRF.matcher(page.body());
		if (!csrf.find()) {
			throw new IllegalStateException("no CSRF token on " + formPage + ": " + page.status() + " " + page.uri());
		}
		var form = new LinkedHashMap<>(fields);
		form.put("_csrf", csrf.group(1));
		String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private Page send(HttpRequest.Builder request) {
		try {
			var response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Page(response.statusCode(), response.body(), response.uri(), response.headers());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** A fetched page: status, HTML, where the redirects ended, the headers of the last response. */
	record Page(int status, String body, URI uri, HttpHeaders headers) {
	}
}
