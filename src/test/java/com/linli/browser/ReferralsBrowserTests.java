package com.linli.browser;

import java.util.List;
import java.util.Map;

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
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Referrals and the 接龙 on a phone: a resident opens the invite page and sees the share poster, a friend
 * accepts the invitation from the link; a leader copies the chain text of the day into the clipboard.
 */
class ReferralsBrowserTests extends BrowserTest {

	@Autowired
	ApplicationContext beans;

	@Autowired
	OrderCutoffManagement cutoffOrders;

	@Autowired
	OrderDeliveryManagement deliveryOrders;

	@Override
	protected Browser.NewContextOptions contextOptions() {
		return phone().setPermissions(List.of("clipboard-read", "clipboard-write"));
	}

	@Test
	void aResidentSeesTheirPosterAndAFriendAcceptsTheInvitation() {
		var world = new OrderingFixtures(beans, port);
		String inviterPhone = resident(world, "陈晓明");
		String friendPhone = resident(world, "林小红");

		signIn(inviterPhone, "secret123");
		page.navigate(url("/shop/invite"));
		String code = page.locator("#invite-code").textContent().trim();
		assertThat(code).hasSize(8);
		assertThat(page.locator("#invite-link")).hasValue(url("/shop/invite/" + code));
		assertThat(page.locator("#invite-poster")).isVisible();
		page.waitForFunction("() => { const i = document.getElementById('invite-poster'); return i.complete && i.naturalWidth > 0; }");
		assertThat((Integer) page.evaluate("() => document.getElementById('invite-poster').naturalWidth")).isEqualTo(750);
		page.click("#invite-copy");
		assertThat(page.locator("#invite-copied")).hasText("已复制");
		page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/screenshots/ReferralsBrowserTests-invite.png")).setFullPage(true));

		// a product's poster: its QR code leads a friend to the product through the invitation
		var apples = world.listing("红富士苹果", "12.35", 100, 5);
		long id = apples.id().value();
		page.navigate(url("/shop/listings/" + id));
		assertThat(page.locator("#share-poster")).isVisible();
		var poster = page.request().get(url("/shop/listings/" + id + "/poster.png"));
		assertThat(poster.headers().get("content-type")).isEqualTo("image/png");
		assertThat(com.linli.QrCodes.read(poster.body())).isEqualTo(url("/shop/invite/" + code + "?listing=" + id));

		// the friend, on their own phone, follows the link
		var friend = browser.newContext(contextOptions());
		try {
			// the friend follows the link before signing in: the invitation waits on the phone
			Page p = friend.newPage();
			p.navigate(url("/shop/invite/" + code));
			assertThat(p.locator("#invite-anonymous")).containsText("陈*");
			p.click("#invite-login");
			p.fill("#phone", friendPhone);
			p.fill("#password", "secret123");
			p.click("button[type=submit]");
			p.navigate(url("/shop"));
			assertThat(p.locator("#invite-banner")).hasText("你有一个好友邀请，点此接受 ›");
			p.click("#invite-banner");
			assertThat(p.locator("body")).containsText("陈*");
			p.click("#invite-accept button[type=submit]");
			assertThat(p.locator(".alert.ok")).containsText("已接受邀请");
			assertThat(p.locator("body")).containsText("邀请人：陈*");
			assertThat((String) p.evaluate("() => localStorage.getItem('linli.deviceId')")).isNotBlank();
		}
		finally {
			friend.close();
		}

		page.navigate(url("/shop/invite"));
		assertThat(page.locator(".invite-friends")).containsText("林*");
		assertThat(page.locator(".invite-friends")).containsText("待首单");
	}

	@Test
	void aLeaderCopiesTheChainTextOfTheDay() {
		var world = new OrderingFixtures(beans, port);
		var pickups = new PickupFixtures(world, cutoffOrders, deliveryOrders, port);
		var tomatoes = world.listing("西红柿", "6.80", 100, 5);
		String buyer = resident(world, "张三丰");
		pickups.paidOrder(Api.at(port).as(buyer, "secret123"), tomatoes, 2);
		var leader = pickups.leader(world.pickupPoint);

		signIn(leader.phone(), leader.password());
		page.navigate(url("/leader/orders"));
		page.click("#chain-link");
		assertThat(page.locator("#chain-text")).hasValue(java.util.regex.Pattern.compile("西红柿[\\s\\S]*¥6\\.80[\\s\\S]*张\\*\\* 西红柿×2"));
		page.click("#chain-copy");
		assertThat(page.locator("#chain-copied")).hasText("已复制");
		String copied = (String) page.evaluate("() => navigator.clipboard.readText()");
		assertThat(copied).contains("张** 西红柿×2").doesNotContain("张三丰");
	}

	private String resident(OrderingFixtures world, String name) {
		String phone = Api.newPhone();
		var r = Api.at(port).post("/api/auth/register", Map.of("phone", phone, "displayName", name, "password", "secret123"));
		org.assertj.core.api.Assertions.assertThat(r.status()).isEqualTo(201);
		Api api = Api.at(port).as(phone, "secret123");
		api.put("/api/me/pickup-point", Map.of("pickupPointId", world.pickupPoint.id().value()));
		return phone;
	}
}
