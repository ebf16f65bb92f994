package com.linli.browser;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.linli.Api;
import com.linli.Deadline;
import com.linli.QrCodes;
import com.linli.catalog.SkuId;
import com.linli.identity.AccountId;
import com.linli.leader.internal.CommissionAccruals;
import com.linli.leader.internal.payouts.PayoutJobs;
import com.linli.ordering.OrderCutoffManagement;
import com.linli.ordering.OrderDeliveryManagement;
import com.linli.ordering.OrderId;
import com.linli.ordering.OrderLineId;
import com.linli.ordering.OrderPickedUp;
import com.linli.ordering.OrderPickedUp.PickedUpLine;
import com.linli.ordering.OrderingFixtures;
import com.linli.ordering.PickupFixtures;
import com.linli.shared.Money;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The leader's phone: a withdrawal requested on the earnings page, then today's share card and the chat text
 * copied with one tap on the sharing page; and a course of the basic path passed after a failed attempt.
 */
class SharingBrowserTests extends BrowserTest {

	@Autowired
	ApplicationContext beans;

	@Autowired
	CommissionAccruals accruals;

	@Autowired
	PayoutJobs jobs;

	@Autowired
	Clock clock;

	@Override
	protected com.microsoft.playwright.Browser.NewContextOptions contextOptions() {
		return phone().setPermissions(List.of("clipboard-read", "clipboard-write"));
	}

	@Test
	void aLeaderRequestsAWithdrawalAndSharesTodaysCard() {
		var world = new OrderingFixtures(beans, port);
		var pickups = new PickupFixtures(world, beans.getBean(OrderCutoffManagement.class),
				beans.getBean(OrderDeliveryManagement.class), port);
		var leader = pickups.leader(world.pickupPoint);
		var cherries = world.listing("车厘子" + port, "39.90", 100, 5);
		String buyer = Api.newPhone();
		Api.at(port).post("/api/auth/register", Map.of("phone", buyer, "displayName", "王小明", "password", "secret123"));
		var buyerApi = Api.at(port).as(buyer, "secret123");
		buyerApi.put("/api/me/pickup-point", Map.of("pickupPointId", world.pickupPoint.id().value()));
		pickups.paidOrder(buyerApi, cherries, 3);
		// 86.00 yuan earned 8 days ago: available after the after-sales window
		long line = 6_500_000_000L + System.nanoTime() % 1_000_000_000L;
		accruals.accrue(new OrderPickedUp(new OrderId(line), "B" + line, new AccountId(0), world.pickupPoint.id(),
				world.region.id(), Instant.now(clock).minus(Duration.ofDays(8)), true, List.of(new PickedUpLine(
						new OrderLineId(line), new SkuId(1), null, 1, Money.ofFen(17_200), "测试商品", 5000))));
		var deadline = Deadline.inMillis(15_000);
		while (jobs.runOnce(Instant.now(clock)) < 0 && !deadline.passed()) {
			page.waitForTimeout(200);
		}

		signIn(leader.phone(), leader.password());
		page.navigate(url("/leader"));
		page.click("#earnings-link");
		assertThat(page.locator("#available")).containsText("86.00");
		page.fill("#amount", "50");
		page.click("#withdraw-submit");
		assertThat(page.locator("#requested")).containsText("50.00");
		assertThat(page.locator("#available")).containsText("36.00");
		assertThat(page.locator("#history")).containsText("待审核");
		page.screenshot(new Page.ScreenshotOptions()
			.setPath(Path.of("target/screenshots/SharingBrowserTests-withdrawal.png")).setFullPage(true));

		page.navigate(url("/leader"));
		page.click("#share-link");
		var card = page.locator("#card-" + cherries.id().value());
		assertThat(card).containsText("车厘子" + port);
		assertThat(card).containsText("¥39.90");
		assertThat(card.locator(".countdown")).containsText("距截单");
		// the card image is a real PNG whose QR code leads to the pickup point's storefront
		var image = card.locator("img");
		image.scrollIntoViewIfNeeded();
		page.waitForFunction("el => el.complete && el.naturalWidth > 0", image.elementHandle());
		var png = page.request().get(url("/leader/share/cards/" + cherries.id().value() + ".png"));
		org.assertj.core.api.Assertions.assertThat(png.headers().get("content-type")).startsWith("image/png");
		org.assertj.core.api.Assertions.assertThat(QrCodes.read(png.body()))
			.endsWith("/shop/points/" + world.pickupPoint.id().value() + "?listing=" + cherries.id().value());
		assertThat(page.locator("#save-" + cherries.id().value())).hasAttribute("download", "车厘子" + port + ".png");

		page.click("#share-copy");
		assertThat(page.locator("#share-copied")).hasText("已复制");
		String copied = (String) page.evaluate("() => navigator.clipboard.readText()");
		org.assertj.core.api.Assertions.assertThat(copied)
			.contains("车厘子" + port + " 500g/份 ¥39.90")
			.contains("王** 车厘子" + port + "×3")
			.doesNotContain("王小明");
		page.screenshot(new Page.ScreenshotOptions()
			.setPath(Path.of("target/screenshots/SharingBrowserTests-share.png")).setFullPage(true));
	}

	@Test
	void aLeaderPassesACourseAfterAFailedAttempt() {
		var world = new OrderingFixtures(beans, port);
		var pickups = new PickupFixtures(world, beans.getBean(OrderCutoffManagement.class),
				beans.getBean(OrderDeliveryManagement.class), port);
		var admin = Api.at(port).asAdmin();
		var created = admin.post("/api/admin/leaders/training/courses", Map.of("regionId", world.region.id().value(),
				"title", "核销入门", "category", "PLATFORM", "body", "居民到店后，先扫取货码。\n核对商品后交付。",
				"pathPosition", 1, "passMark", 100, "questions",
				List.of(Map.of("text", "居民来取货，第一步做什么？", "options", List.of("直接给货", "扫取货码"), "correct", List.of(1)))));
		org.assertj.core.api.Assertions.assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long course = created.id();
		var leader = pickups.leader(world.pickupPoint);

		signIn(leader.phone(), leader.password());
		page.navigate(url("/leader"));
		page.click("#training-link");
		assertThat(page.locator("#course-" + course)).containsText("核销入门");
		assertThat(page.locator("#course-" + course)).containsText("未开始");
		page.click("#course-" + course + " a");
		assertThat(page.locator(".course-body")).containsText("先扫取货码");
		page.check("#q-1 input[value='0']");
		page.click("#submit");
		assertThat(page.locator("#failed")).containsText("未通过");
		page.screenshot(new Page.ScreenshotOptions()
			.setPath(Path.of("target/screenshots/SharingBrowserTests-failed.png")).setFullPage(true));
		page.click("#retry");
		page.check("#q-1 input[value='1']");
		page.click("#submit");
		assertThat(page.locator("#passed")).containsText("恭喜通过");
		assertThat(page.locator("#path-passed")).isVisible();
		page.click("#back");
		assertThat(page.locator("#course-" + course)).containsText("已通过 100 分");
		page.screenshot(new Page.ScreenshotOptions()
			.setPath(Path.of("target/screenshots/SharingBrowserTests-training.png")).setFullPage(true));

		// the operator sees who is done
		var desktop = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
			.setViewportSize(1366, 900).setLocale("zh-CN"));
		try {
			var console = desktop.newPage();
			console.navigate(url("/login"));
			console.fill("#phone", Api.ADMIN_PHONE);
			console.fill("#password", Api.ADMIN_PASSWORD);
			console.click("button[type=submit]");
			console.waitForLoadState();
			console.navigate(url("/console/leaders/training?regionId=" + world.region.id().value()));
			assertThat(console.locator("#leader-" + leader.leaderId())).containsText("✓ 100");
			assertThat(console.locator("#courses")).containsText("核销入门");
			// a course written in the form: the quiz one question a line, the correct options numbered from 1
			console.fill("#title", "售后处理");
			console.selectOption("#category", "SERVICE");
			console.fill("#body", "先道歉，再请居民在 App 提交售后。");
			console.fill("#pathPosition", "2");
			console.fill("#passMark", "101");
			console.fill("#questions", "居民说苹果坏了？|私下退钱|请对方提交售后|2");
			console.click("#save");
			assertThat(console.locator("#error")).containsText("及格分应在 0 到 100 之间");
			console.fill("#passMark", "60");
			console.click("#save");
			assertThat(console.locator("#courses")).containsText("售后处理");

			console.screenshot(new Page.ScreenshotOptions()
				.setPath(Path.of("target/screenshots/SharingBrowserTests-console.png")).setFullPage(true));
		}
		finally {
			desktop.close();
		}
	}
}
