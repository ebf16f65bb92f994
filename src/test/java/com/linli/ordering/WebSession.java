package com.linli.ordering;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A browser without the browser: signs in through the login form (session cookie, CSRF token) and
 * fetches pages, for tests of what a page answers (status, the text in it).
 */
public final class WebSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final String base;

	private final HttpClient http;

	private WebSession(String base, HttpClient http) {
		this.base = base;
		this.http = http;
	}

	public static WebSession signIn(int port, String phone, String password) {
		var http = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
		var session = new WebSession("http://localhost:" + port, http);
		var login = session.get("/login");
		var csrf = CSRF.matcher(login.body());
		if (!csrf.find()) {
			throw new IllegalStateException("no CSRF token on the login page");
		}
		String form = "phone=" + enc(phone) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
		var response = session.send(HttpRequest.newBuilder(URI.create(session.base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
		if (response.uri().getPath().startsWith("/login")) {
			throw new IllegalStateException("sign-in of " + phone + " failed");
		}
		return session;
	}

	public Page get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET());
	}

	/**
	 * Posts a form as the page's script would, with the CSRF token of {@code page} (its hidden field or its
	 * {@code _csrf} meta tag) added; {@code form} is already URL-encoded ("a=1&b=2").
	 */
	public Page post(String path, String form, Page page) {
		var token = CSRF.matcher(page.body());
		var meta = Pattern.compile("name=\"_csrf\"\\s+content=\"([^\"]+)\"").matcher(page.body());
		String csrf = token.find() ? token.group(1) : meta.find() ? meta.group(1) : "";
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded").header("HX-Request", "true")
			.POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + enc(csrf))));
	}

	private Page send(HttpRequest.Builder request) {
		try {
			var response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Page(response.statusCode(), response.body(), response.uri());
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

	/** A fetched page: status, HTML and where the redirects ended. */
	public record Page(int status, String body, URI uri) {
	}
}
