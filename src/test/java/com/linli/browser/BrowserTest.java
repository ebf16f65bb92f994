package com.linli.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.linli.IntegrationTest;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A user's journey in Debian's Chromium, driven by Playwright against the running application.
 * Without /usr/bin/chromium the tests are skipped with the command that installs it.
 * Each test leaves a screenshot of its last page in target/screenshots.
 */
@IntegrationTest
public abstract class BrowserTest {

	static final Path CHROMIUM = Path.of(System.getProperty("linli.chromium", "/usr/bin/chromium"));

	static Playwright playwright;

	static Browser browser;

	@LocalServerPort
	protected int port;

	protected BrowserContext context;

	protected Page page;

	private String testName;

	/**
	 * One Chromium for all browser test classes of this test JVM (each test still gets a fresh context, so no
	 * cookie or storage is shared): launching Playwright's driver and the browser took a few seconds per class.
	 * Launched again if it went away; closed when the JVM exits.
	 */
	@BeforeAll
	static synchronized void launch() {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
				"Chromium not found at " + CHROMIUM + ": install it with 'apt-get install -y chromium fonts-noto-cjk'");
		if (browser != null && browser.isConnected()) {
			return;
		}
		if (playwright != null) {
			playwright.close();
		}
		playwright = Playwright.create();
		// pages answer in milliseconds; the margin is for a machine busy with a whole build beside the browser
		com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(10_000);
		browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
			.setHeadless(true)
			.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
					"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
		if (!closeHookAdded) {
			closeHookAdded = true;
			Runtime.getRuntime().addShutdownHook(new Thread(BrowserTest::closeBrowser, "close-chromium"));
		}
	}

	private static boolean closeHookAdded;

	private static synchronized void closeBrowser() {
		try {
			if (browser != null) {
				browser.close();
			}
			if (playwright != null) {
				playwright.close();
			}
		}
		catch (RuntimeException ignored) {
			// the JVM is going: Chromium goes with Playwright's driver process
		}
		browser = null;
		playwright = null;
	}

	@BeforeEach
	void open(TestInfo info) {
		testName = info.getTestClass().map(Class::getSimpleName).orElse("test") + "-"
				+ info.getTestMethod().map(m -> m.getName()).orElse("");
		context = browser.newContext(contextOptions());
		context.setDefaultTimeout(15_000);
		page = context.newPage();
	}

	/** Desktop size by default; phone pages override with {@link #phone()}. */
	protected Browser.NewContextOptions contextOptions() {
		return new Browser.NewContextOptions().setViewportSize(1366, 850).setLocale("zh-CN");
	}

	protected static Browser.NewContextOptions phone() {
		return new Browser.NewContextOptions().setViewportSize(390, 844).setDeviceScaleFactor(2).setIsMobile(true)
			.setHasTouch(true).setLocale("zh-CN");
	}

	@AfterEach
	void screenshotAndClose() {
		if (page != null) {
			try {
				Files.createDirectories(Path.of("target/screenshots"));
				page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/" + testName + ".png"))
					.setFullPage(true));
			}
			catch (Exception ignored) {
				// a screenshot is a courtesy; the assertions decide
			}
		}
		if (context != null) {
			context.close();
		}
	}

	protected String url(String path) {
		return "http://localhost:" + port + path;
	}

	/**
	 * Waits until the page has loaded and htmx has processed it: an interaction before that (a select
	 * that should reload part of the form) would go unnoticed.
	 */
	protected void htmxReady() {
		page.waitForLoadState();
		page.waitForFunction("() => window.htmx !== undefined && document.readyState === 'complete'");
	}

	/**
	 * Does something that makes htmx swap part of the page, and waits until the new content is settled
	 * (htmx listens on it only then: a change fired earlier on a swapped-in select would go unheard).
	 */
	protected void htmxSwap(Runnable action) {
		page.evaluate("() => { window.__linliSettled = false; document.body.addEventListener('htmx:afterSettle', "
				+ "() => window.__linliSettled = true, { once: true }); }");
		action.run();
		page.waitForFunction("() => window.__linliSettled === true");
	}

	/** Signs in through the login form, as a person would. */
	protected void signIn(String phone, String password) {
		page.navigate(url("/login"));
		page.fill("#phone", phone);
		page.fill("#password", password);
		page.click("button[type=submit]");
		page.waitForLoadState();
	}
}
