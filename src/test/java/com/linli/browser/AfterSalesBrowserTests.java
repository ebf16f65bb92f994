package com.linli.browser;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import javax.imageio.ImageIO;

import com.linli.Api;
import com.linli.ordering.OrderCutoffManagement;
import com.linli.ordering.OrderDeliveryManagement;
import com.linli.ordering.OrderingFixtures;
import com.linli.ordering.PickupFixtures;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A resident files an after-sales request with a photo on the phone; an operator approves it in the console. */
class AfterSalesBrowserTests extends BrowserTest {

	@Autowired
	ApplicationContext appContext;

	@Autowired
	OrderCutoffManagement cutoffOrders;

	@Autowired
	OrderDeliveryManagement deliveryOrders;

	@Override
	protected Browser.NewContextOptions contextOptions() {
		return phone();
	}

	@Test
	void aResidentFilesARequestWithAPhotoAndTheOperatorApprovesIt() throws Exception {
		var world = new OrderingFixtures(appContext, port);
		var pickups = new PickupFixtures(world, cutoffOrders, deliveryOrders, port);
		var rice = world.listing("售后东北大米" + System.nanoTime() % 10000, "49.90", 100, 5);
		var leader = pickups.leader(world.pickupPoint);
		var admin = Api.at(port).asAdmin();
		String residentPhone = Api.newPhone();
		assertThat201(admin.anonymous().post("/api/auth/register", Map.of("phone", residentPhone, "displayName", "售后居民",
				"password", "secret123")));
		Api resident = Api.at(port).as(residentPhone, "secret123");
		resident.put("/api/me/pickup-point", Map.of("pickupPointId", world.pickupPoint.id().value()));
		var ready = pickups.readyOrder(resident, world.pickupPoint, rice, 1);
		var handedOut = leader.api().post("/api/leader/pickups", Map.of("pickupCode", ready.get("pickupCode").asText()));
		org.assertj.core.api.Assertions.assertThat(handedOut.status()).as(handedOut.toString()).isEqualTo(200);
		long orderId = ready.get("id").asLong();
		String operatorPhone = Api.newPhone();
		assertThat201(admin.post("/api/admin/accounts", Map.of("phone", operatorPhone, "displayName", "售后客服",
				"password", "secret123", "roles", new String[] { "OPERATOR" }, "regionIds",
				new long[] { world.region.id().value() })));
		Path photo = Files.createTempFile("rice", ".png");
		var image = new BufferedImage(120, 120, BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setColor(new Color(200, 60, 40));
		g.fillRect(0, 0, 120, 120);
		g.setColor(Color.WHITE);
		g.fillOval(30, 30, 60, 60);
		g.dispose();
		ImageIO.write(image, "png", photo.toFile());

		// the resident, on the phone: the order's line offers after-sales; the form with a photo
		signIn(residentPhone, "secret123");
		page.navigate(url("/shop/orders/" + orderId));
		assertThat(page.locator(".aftersales-link")).hasCount(1);
		page.click(".aftersales-link");
		assertThat(page.locator("#request-item")).containsText("售后东北大米");
		page.selectOption("#reason", "QUALITY");
		page.fill("#description", "米里有虫");
		page.setInputFiles("#photos", photo);
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/AfterSalesBrowserTests-form.png"))
			.setFullPage(true));
		page.click("#submit-request");
		assertThat(page.locator("#request-status")).hasText("待处理");
		assertThat(page.locator(".photos img")).hasCount(1);
		String detailUrl = page.url();
		long requestId = Long.parseLong(detailUrl.substring(detailUrl.lastIndexOf('/') + 1));
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/AfterSalesBrowserTests-filed.png"))
			.setFullPage(true));

		// the operator, at the desk: the queue, the request with its photo, approve (refunded at once)
		context.close();
		context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 850).setLocale("zh-CN"));
		page = context.newPage();
		signIn(operatorPhone, "secret123");
		page.navigate(url("/console/aftersales"));
		assertThat(page.locator("#request-" + requestId)).containsText("售后东北大米");
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/AfterSalesBrowserTests-queue.png"))
			.setFullPage(true));
		page.click("#request-" + requestId + " a");
		assertThat(page.locator("#request-photos img")).hasCount(1);
		org.assertj.core.api.Assertions.assertThat(
				(Integer) page.evaluate("() => document.querySelector('#request-photos img').naturalWidth")).isEqualTo(120);
		htmxReady();
		htmxSwap(() -> page.click("#approve"));
		assertThat(page.locator("#request-status")).hasText("已退款");
		assertThat(page.locator("#request-refunded")).containsText("49.90");
		org.assertj.core.api.Assertions.assertThat(resident.get("/api/orders/" + orderId).json().get("refundedFen").asLong())
			.isEqualTo(4990);
	}

	private static void assertThat201(Api.Response response) {
		org.assertj.core.api.Assertions.assertThat(response.status()).as(response.toString()).isEqualTo(201);
	}
}
