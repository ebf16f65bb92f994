package com.linli.browser;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.linli.Deadline;
import com.linli.Api;
import com.linli.ordering.OrderCutoffManagement;
import com.linli.ordering.OrderDeliveryManagement;
import com.linli.ordering.OrderLineId;
import com.linli.ordering.OrderingFixtures;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Residents and leaders read their message centre on the phone. */
class MessagesBrowserTests extends BrowserTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	OrderCutoffManagement cutoffOrders;

	@Autowired
	OrderDeliveryManagement deliveryOrders;

	OrderingFixtures world;

	@Override
	protected Browser.NewContextOptions contextOptions() {
		return phone();
	}

	@BeforeEach
	void world() {
		world = new OrderingFixtures(context, port);
	}

	@Test
	void aResidentSeesThePaymentMessageOpensItAndMarksAllRead() {
		String phone = Api.newPhone();
		var resident = resident(phone);
		var kept = placeAndPay(resident, world.listing("红富士苹果 5斤", "29.90", 50, 5), 1);
		var cancelled = placeAndPay(resident, world.listing("土鸡蛋 30枚", "22.80", 50, 5), 1);
		assertThat(resident.post("/api/orders/" + cancelled.get("id").asLong() + "/cancel", Map.of()).status())
			.isEqualTo(200);
		awaitUnread(resident, 3); // two payments, one refund

		signIn(phone, "secret123");
		page.navigate(url("/shop/messages"));
		htmxReady();
		assertThat(page.locator(".msg-item.unread")).hasCount(3);
		assertThat(page.locator("#unread-summary")).hasText("3 条未读");
		assertThat(page.locator(".msg-header .msg-badge")).hasText("3");
		var payment = page.locator(".msg-item[data-kind=ORDER_PAID]").last();
		assertThat(payment.locator(".msg-title")).hasText("支付成功，取货码 " + kept.get("pickupCode").asText());
		assertThat(page.locator(".msg-item[data-kind=REFUND] .msg-title")).hasText("退款 ¥22.80 已原路退回");
		assertThat(page.locator(".shop-tabs")).isVisible();
		shot("resident-unread");

		payment.locator("button").click();
		page.waitForURL("**/shop/orders/" + kept.get("id").asLong());
		assertThat(page.locator("#pickup-code")).hasText(kept.get("pickupCode").asText());

		page.navigate(url("/shop/messages"));
		htmxReady();
		assertThat(page.locator(".msg-item.unread")).hasCount(2);
		assertThat(page.locator(".msg-item.read[data-kind=ORDER_PAID]")).hasCount(1);
		page.click("#read-all");
		page.waitForURL("**/shop/messages");
		assertThat(page.locator(".msg-item.unread")).hasCount(0);
		assertThat(page.locator(".msg-item.read")).hasCount(3);
		assertThat(page.locator("#unread-summary")).hasText("没有未读消息");
		assertThat(page.locator("#read-all")).isDisabled();
		assertThat(page.locator(".msg-header .msg-badge")).isHidden();
		assertThat(resident.get("/api/messages/unread-count").json().get("count").asLong()).isZero();
	}

	@Test
	void aLeaderSeesARefundAtTheirPickupPoint() {
		String leaderPhone = Api.newPhone();
		var body = new HashMap<String, Object>();
		body.put("phone", leaderPhone);
		body.put("name", "王姐");
		body.put("password", "leader123");
		body.put("pickupPointId", world.pickupPoint.id().value());
		assertThat(Api.at(port).asAdmin().post("/api/leaders", body).status()).isEqualTo(201);
		var resident = resident(Api.newPhone());
		var eggs = world.listing("土鸡蛋 30枚", "22.80", 50, 5);
		var order = placeAndPay(resident, eggs, 2);
		cutoffOrders.confirmForCutoff(world.region.id(), world.pickupDate);
		deliveryOrders.receive(world.pickupPoint.id(), world.pickupDate,
				Map.of(new OrderLineId(order.get("lines").get(0).get("id").asLong()), 1), "破损");
		var leader = Api.at(port).as(leaderPhone, "leader123");
		awaitUnread(leader, 1);

		signIn(leaderPhone, "leader123");
		page.navigate(url("/leader/messages"));
		htmxReady();
		var refund = page.locator(".msg-item[data-kind=LEADER_REFUND]");
		assertThat(refund).hasCount(1);
		assertThat(refund.locator(".msg-title")).hasText("订单 " + order.get("orderNo").asText() + " 有退款");
		assertThat(refund.locator(".msg-body")).containsText("土鸡蛋 30枚 ×1");
		assertThat(page.locator(".msg-back")).hasAttribute("href", "/leader");
		shot("leader");
		refund.locator("button").click();
		page.waitForURL("**/leader");
		assertThat(leader.get("/api/messages/unread-count").json().get("count").asLong()).isZero();
		page.navigate(url("/leader/messages"));
	}

	private Api resident(String phone) {
		var registered = Api.at(port).post("/api/auth/register",
				Map.of("phone", phone, "displayName", "张阿姨", "password", "secret123"));
		assertThat(registered.status()).isEqualTo(201);
		var api = Api.at(port).as(phone, "secret123");
		assertThat(api.put("/api/me/pickup-point", Map.of("pickupPointId", world.pickupPoint.id().value())).status())
			.isIn(200, 204);
		return api;
	}

	private JsonNode placeAndPay(Api resident, com.linli.marketing.Listing listing, int quantity) {
		var placed = resident.post("/api/orders", Map.of("items", List.of(Map.of("listingId", listing.id().value(),
				"quantity", quantity))), Map.of("Idempotency-Key", "b-" + System.nanoTime()));
		assertThat(placed.status()).isEqualTo(201);
		OrderingFixtures.pay(resident, placed.json().get("payment").asText());
		var paid = OrderingFixtures.awaitStatus(resident, placed.id(), "PAID");
		assertThat(paid.get("status").asText()).isEqualTo("PAID");
		return paid;
	}

	/** The listeners run after commit: wait until the messages are there. */
	private static void awaitUnread(Api api, long count) {
		Deadline deadline = Deadline.inMillis(15_000);
		while (api.get("/api/messages/unread-count").json().get("count").asLong() < count) {
			assertThat(deadline.passed()).as("messages did not arrive in time").isFalse();
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private void shot(String name) {
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/MessagesBrowserTests-" + name + ".png"))
			.setFullPage(true));
	}
}
