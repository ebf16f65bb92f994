package com.linli.browser;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.StreamSupport;
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
		String residentPhone = resident(admin, world, "售后居民");
		Api resident = Api.at(port).as(residentPhone, "secret123");
		long orderId = pickedUp(pickups, leader, resident, world, rice);
		String operatorPhone = operator(admin, world, "售后客服");
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

	@Test
	void aResidentExchangesABadBagAndPicksUpTheReplacementTomorrow() throws Exception {
		var world = new OrderingFixtures(appContext, port);
		var pickups = new PickupFixtures(world, cutoffOrders, deliveryOrders, port);
		var riceSku = world.sku("换货五常大米" + System.nanoTime() % 10000, "5kg/袋");
		var rice = world.listing(riceSku, "49.90", 100, 5);
		var leader = pickups.leader(world.pickupPoint);
		var admin = Api.at(port).asAdmin();
		String residentPhone = resident(admin, world, "换货居民");
		Api resident = Api.at(port).as(residentPhone, "secret123");
		long orderId = pickedUp(pickups, leader, resident, world, rice);
		// tomorrow's delivery has the rice
		var clock = appContext.getBean(java.time.Clock.class);
		var now = clock.instant();
		appContext.getBean(com.linli.marketing.ListingManagement.class).publish(com.linli.identity.Actor.system("test"),
				new com.linli.marketing.NewListing(world.region.id(), riceSku.id(), com.linli.shared.Money.ofYuan("47.90"),
						null, 50, 5, now.minus(java.time.Duration.ofHours(1)), now.plus(java.time.Duration.ofHours(4)),
						world.pickupDate.plusDays(1)));

		// the resident asks for an exchange on the phone
		signIn(residentPhone, "secret123");
		page.navigate(url("/shop/orders/" + orderId));
		page.click(".aftersales-link");
		page.selectOption("#kind", "EXCHANGE");
		page.selectOption("#reason", "QUALITY");
		page.fill("#description", "米里有虫，想换一袋");
		page.screenshot(new Page.ScreenshotOptions()
			.setPath(Path.of("target/screenshots/AfterSalesBrowserTests-exchange-form.png")).setFullPage(true));
		page.click("#submit-request");
		assertThat(page.locator("#request-status")).hasText("待处理");
		String detailUrl = page.url();
		long requestId = Long.parseLong(detailUrl.substring(detailUrl.lastIndexOf('/') + 1));

		// the service approves it; the leader takes the bad bag back on the phone
		String operatorPhone = operator(admin, world, "换货客服");
		var approved = Api.at(port).as(operatorPhone, "secret123")
			.post("/api/admin/aftersales/requests/" + requestId + "/approve", Map.of());
		org.assertj.core.api.Assertions.assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
		context.close();
		context = browser.newContext(phone());
		page = context.newPage();
		signIn(leader.phone(), leader.password());
		page.navigate(url("/leader/aftersales"));
		assertThat(page.locator("#return-" + requestId)).containsText("换货五常大米");
		page.screenshot(new Page.ScreenshotOptions()
			.setPath(Path.of("target/screenshots/AfterSalesBrowserTests-exchange-leader.png")).setFullPage(true));
		page.click("#return-" + requestId + " .confirm-return");
		assertThat(page.locator("#return-" + requestId)).hasCount(0);

		// the resident sees the exchange done and the replacement order for tomorrow, at no cost
		context.close();
		context = browser.newContext(phone());
		page = context.newPage();
		signIn(residentPhone, "secret123");
		page.navigate(url("/shop/aftersales/" + requestId));
		assertThat(page.locator("#request-status")).hasText("已换货");
		assertThat(page.locator("#thread")).containsText("已安排换货补发");
		page.screenshot(new Page.ScreenshotOptions()
			.setPath(Path.of("target/screenshots/AfterSalesBrowserTests-exchange-done.png")).setFullPage(true));
		var replacement = StreamSupport.stream(resident.get("/api/orders").json().spliterator(), false)
			.filter(o -> o.get("id").asLong() != orderId).findFirst().orElseThrow();
		org.assertj.core.api.Assertions.assertThat(replacement.get("totalFen").asLong()).isZero();
		page.navigate(url("/shop/orders/" + replacement.get("id").asLong()));
		assertThat(page.locator("body")).containsText("售后换货");
		page.screenshot(new Page.ScreenshotOptions()
			.setPath(Path.of("target/screenshots/AfterSalesBrowserTests-exchange-order.png")).setFullPage(true));
	}

	/** A resident registered (password secret123) and bound to the fixture's pickup point: their phone. */
	private String resident(Api admin, OrderingFixtures world, String name) {
		String phone = Api.newPhone();
		assertThat201(admin.anonymous().post("/api/auth/register", Map.of("phone", phone, "displayName", name,
				"password", "secret123")));
		Api.at(port).as(phone, "secret123").put("/api/me/pickup-point",
				Map.of("pickupPointId", world.pickupPoint.id().value()));
		return phone;
	}

	/** An order of one unit of the listing, received at the point and handed out by its leader: its id. */
	private static long pickedUp(PickupFixtures pickups, PickupFixtures.LeaderLogin leader, Api resident,
			OrderingFixtures world, com.linli.marketing.Listing listing) {
		var ready = pickups.readyOrder(resident, world.pickupPoint, listing, 1);
		var handedOut = leader.api().post("/api/leader/pickups", Map.of("pickupCode", ready.get("pickupCode").asText()));
		org.assertj.core.api.Assertions.assertThat(handedOut.status()).as(handedOut.toString()).isEqualTo(200);
		return ready.get("id").asLong();
	}

	/** An operator of the fixture's region (password secret123): their phone. */
	private static String operator(Api admin, OrderingFixtures world, String name) {
		String phone = Api.newPhone();
		assertThat201(admin.post("/api/admin/accounts", Map.of("phone", phone, "displayName", name, "password",
				"secret123", "roles", new String[] { "OPERATOR" }, "regionIds", new long[] { world.region.id().value() })));
		return phone;
	}

	private static void assertThat201(Api.Response response) {
		org.assertj.core.api.Assertions.assertThat(response.status()).as(response.toString()).isEqualTo(201);
	}
}
