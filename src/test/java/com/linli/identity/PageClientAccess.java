package com.linli.identity;

/** {@link PageClient} for tests in sub-packages: the final URL and body of a page fetched after sign-in. */
public final class PageClientAccess {

	private final PageClient client;

	private PageClientAccess(PageClient client) {
		this.client = client;
	}

	public static PageClientAccess signIn(int port, String phone, String password) {
		return new PageClientAccess(PageClient.signIn(port, phone, password));
	}

	public Fetched get(String path) {
		var page = client.get(path);
		return new Fetched(page.status(), page.body(), page.uri());
	}

	public record Fetched(int status, String body, java.net.URI uri) {
	}
}
