package com.linli.browser;

import java.nio.file.Path;
import java.util.Map;

import com.linli.Deadline;
import com.linli.Api;
import com.linli.network.NetworkFixtures;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

class LeaderBrowserTests extends BrowserTest {

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.context.ApplicationContext context;

	@org.springframework.beans.factory.annotation.Autowired
	com.linli.ordering.OrderCutoffManagement cutoffOrders;

	@org.springframework.beans.factory.annotation.Autowired
	com.linli.ordering.OrderDeliveryManagement deliveryOrders;

	@Test
	void theWorkbenchShowsTodaysFigures() {
		var world = new com.linli.ordering.OrderingFixtures(context, port);
		var pickups = new com.linli.ordering.PickupFixtures(world, cutoffOrders, deliveryOrders, port);
		var apples = world.listing("红富士苹果", "19.90", 200, 5);
		var leader = pickups.leader(world.pickupPoint);
		// two orders arrived; one of them picked up today; a third cut off and still to be received
		var collected = pickups.paidOrder(world.resident(), apples, 1);
		pickups.paidOrder(world.resident(), apples, 2);
		pickups.receive(world.pickupPoint);
		pickups.paidOrder(world.resident(), apples, 3);
		cutoffOrders.confirmForCutoff(world.region.id(), world.pickupDate);
		org.assertj.core.api.Assertions.assertThat(leader.api().post("/api/leader/pickups", Map.of("pickupCode", collected.get("pickupCode").asText()))
			.status()).isEqualTo(200);

		page.close();
		var phone = browser.newContext(phone());
		try {
			var mobile = phone.newPage();
			mobile.navigate(url("/login"));
			mobile.fill("#phone", leader.phone());
			mobile.fill("#password", leader.password());
			mobile.click("button[type=submit]");
			assertThat(mobile).hasURL(java.util.regex.Pattern.compile(".*/leader$"));
			assertThat(mobile.locator("#today-to-receive b")).hasText("1");
			assertThat(mobile.locator("#today-to-hand-out b")).hasText("1");
			assertThat(mobile.locator("#today-picked-up b")).hasText("1");
			// commission accrues after the pickup, a moment later: 19.90 at 8%
			Deadline deadline = Deadline.inMillis(15_000);
			while (!mobile.locator("#today-commission b").innerText().contains("1.59")
					&& !deadline.passed()) {
				mobile.waitForTimeout(300);
				mobile.reload();
			}
			assertThat(mobile.locator("#today-commission b")).containsText("1.59");
			assertThat(mobile.locator("#today-to-hand-out")).hasAttribute("href", "/leader/pickup");
			mobile.screenshot(new Page.ScreenshotOptions()
				.setPath(Path.of("target/screenshots/LeaderBrowserTests-workbench-today.png")).setFullPage(true));
		}
		finally {
			phone.close();
			page = null;
		}
	}

	@Test
	void operatorAppointsALeaderWhoSeesTheirPickupPointOnThePhone() {
		var admin = Api.at(port).asAdmin();
		var network = new NetworkFixtures(admin).network();
		String point = admin.get("/api/network/pickup-points/" + network.pickupPointId()).json().get("name").asText();
		for (int i = 0; i < 3; i++) {
			Api.at(port).newResident().put("/api/me/pickup-point", Map.of("pickupPointId", network.pickupPointId()));
		}
		String leaderPhone = Api.newPhone();

		signIn(Api.ADMIN_PHONE, Api.ADMIN_PASSWORD);
		page.navigate(url("/console/leaders/new"));
		htmxReady();
		htmxSwap(() -> page.selectOption("#regionId", String.valueOf(network.regionId())));
		assertThat(page.locator("#pickupPointId")).isEnabled();
		page.selectOption("#pickupPointId", String.valueOf(network.pickupPointId()));
		page.fill("#phone", leaderPhone);
		page.fill("#name", "刘姐");
		page.fill("#password", "12");
		page.click("button[type=submit]");
		assertThat(page.locator("#password ~ .field-error")).isVisible();
		page.fill("#password", "leader123");
		page.click("button[type=submit]");
		assertThat(page.locator(".alert.ok")).containsText("刘姐");
		var row = page.locator("#results tr", new Page.LocatorOptions().setHasText(leaderPhone));
		assertThat(row).containsText(point);
		assertThat(row).containsText("在岗");
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/LeaderBrowserTests-console.png"))
			.setFullPage(true));

		var phone = browser.newContext(phone());
		try {
			var mobile = phone.newPage();
			mobile.navigate(url("/login"));
			mobile.fill("#phone", leaderPhone);
			mobile.fill("#password", "leader123");
			mobile.click("button[type=submit]");
			assertThat(mobile).hasURL(java.util.regex.Pattern.compile(".*/leader$"));
			assertThat(mobile.locator(".lw-point")).containsText(point);
			assertThat(mobile.locator(".lw-point")).containsText("08:00 – 21:30");
			assertThat(mobile.locator("div.lw-stat").first()).containsText("3");
			assertThat(mobile.locator(".tabbar a")).hasCount(5);
			mobile.screenshot(new Page.ScreenshotOptions()
				.setPath(Path.of("target/screenshots/LeaderBrowserTests-workbench.png")).setFullPage(true));
			mobile.click(".lw-profile");
			assertThat(mobile.locator(".lw-facts").first()).containsText(point);
			mobile.screenshot(new Page.ScreenshotOptions()
				.setPath(Path.of("target/screenshots/LeaderBrowserTests-profile.png")).setFullPage(true));
		}
		finally {
			phone.close();
		}
	}

	@Test
	void aShortageIsRefundedOnlyOnceTheLeaderConfirmedItsSumAndItsPhotoIsKeptForTheOperator() throws Exception {
		var world = new com.linli.ordering.OrderingFixtures(context, port);
		var day = new com.linli.fulfilment.FulfilmentFixtures(world, port);
		var apples = world.listing("红富士苹果", "19.90", 200, 5);
		var ann = world.resident();
		var annOrder = day.paidOrder(ann, apples, 2);
		day.paidOrder(world.resident(), apples, 1);
		var leader = new com.linli.ordering.PickupFixtures(world, cutoffOrders, deliveryOrders, port).leader(world.pickupPoint);
		long runId = day.cutoff(Api.at(port).asAdmin()).get("id").asLong();
		long annApples = com.linli.fulfilment.FulfilmentFixtures.line(annOrder, apples).get("id").asLong();

		page.close();
		var phone = browser.newContext(phone());
		try {
			var mobile = phone.newPage();
			mobile.navigate(url("/login"));
			mobile.fill("#phone", leader.phone());
			mobile.fill("#password", leader.password());
			mobile.click("button[type=submit]");
			mobile.navigate(url("/leader/receipt?date=" + world.pickupDate));
			mobile.locator("details.lg-product summary").first().click();
			mobile.fill("#short-" + annApples, "1");
			mobile.fill("#reason", "1 个苹果压坏");
			mobile.click(".lg-submit button");

			// a confirmation step sums up what will be refunded; nothing is refunded yet
			assertThat(mobile.locator("#shortage-confirm")).isVisible();
			assertThat(mobile.locator("#shortage-total")).containsText("1 件");
			assertThat(mobile.locator("#shortage-total")).containsText("19.90");
			assertThat(mobile.locator("#shortage-confirm")).containsText(annOrder.get("pickupCode").asText());
			org.assertj.core.api.Assertions.assertThat(refunded(ann, annOrder)).isZero();

			// a file that is not an image is refused, and still nothing is refunded
			mobile.setInputFiles("#photo", new com.microsoft.playwright.options.FilePayload("note.txt", "text/plain",
					"not a photo".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
			mobile.click("#confirm-refund");
			assertThat(mobile.locator("#photo-error")).containsText("JPEG");
			org.assertj.core.api.Assertions.assertThat(refunded(ann, annOrder)).isZero();

			mobile.setInputFiles("#photo", new com.microsoft.playwright.options.FilePayload("apples.png", "image/png", png()));
			mobile.screenshot(new Page.ScreenshotOptions()
				.setPath(Path.of("target/screenshots/LeaderBrowserTests-shortage-confirm.png")).setFullPage(true));
			mobile.click("#confirm-refund");
			assertThat(mobile.locator(".lg-done")).containsText("19.90");
			org.assertj.core.api.Assertions.assertThat(refunded(ann, annOrder)).isEqualTo(1990);
			String leaderPhoto = mobile.locator("a.receipt-photo").getAttribute("href");
			var fetched = phone.request().get(url(leaderPhoto));
			org.assertj.core.api.Assertions.assertThat(fetched.status()).isEqualTo(200);
			org.assertj.core.api.Assertions.assertThat(fetched.headers().get("content-type")).startsWith("image/png");
		}
		finally {
			phone.close();
			page = null;
		}

		// the operator sees the photo with the pickup point's receipt
		var desktop = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setLocale("zh-CN"));
		try {
			var console = desktop.newPage();
			console.navigate(url("/login"));
			console.fill("#phone", Api.ADMIN_PHONE);
			console.fill("#password", Api.ADMIN_PASSWORD);
			console.click("button[type=submit]");
			console.navigate(url("/console/cutoff-runs/" + runId));
			var row = console.locator("table.points tr", new Page.LocatorOptions().setHasText(world.pickupPoint.name()));
			assertThat(row.locator("a.receipt-photo")).isVisible();
			var photo = desktop.request().get(url(row.locator("a.receipt-photo").getAttribute("href")));
			org.assertj.core.api.Assertions.assertThat(photo.status()).isEqualTo(200);
			org.assertj.core.api.Assertions.assertThat(photo.body()).isEqualTo(png());
		}
		finally {
			desktop.close();
		}
	}

	private static long refunded(Api resident, tools.jackson.databind.JsonNode order) {
		return resident.get("/api/orders/" + order.get("id").asLong()).json().get("refundedFen").asLong();
	}

	/** A small photo: a red square, as PNG. */
	private static byte[] png() throws java.io.IOException {
		var image = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < 8; x++) {
			for (int y = 0; y < 8; y++) {
				image.setRGB(x, y, 0xCC2222);
			}
		}
		var out = new java.io.ByteArrayOutputStream();
		javax.imageio.ImageIO.write(image, "png", out);
		return out.toByteArray();
	}
}
