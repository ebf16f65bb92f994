package com.linli.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;

import com.linli.IntegrationTest;
import com.linli.identity.AccountId;
import com.linli.identity.AccountManagement;
import com.linli.identity.Actor;
import com.linli.identity.NewAccount;
import com.linli.identity.Role;
import com.linli.marketing.FlashSaleManagement;
import com.linli.marketing.NewFlashSale;
import com.linli.marketing.TeamIntent;
import com.linli.marketing.TeamManagement;
import com.linli.marketing.TeamTerms;
import com.linli.network.ResidentBindingManagement;
import com.linli.ordering.OrderingFixtures;
import com.linli.ordering.TeamOrderManagement;
import com.linli.shared.Money;
import com.microsoft.playwright.Browser;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * On a phone: a resident opens a neighbour's team through its share link (from the home page's team strip),
 * joins it and goes to the cashier; a resident whose phone clock is an hour wrong sees a flash sale's countdown
 * run by the server's time, turn to "ends in" at the start, and buys.
 */
@IntegrationTest
class TeamsBrowserTests extends BrowserTest {

	static final Actor OPERATOR = Actor.system("teams-browser-test");

	@Autowired
	ApplicationContext beans;

	@Autowired
	AccountManagement accounts;

	@Autowired
	ResidentBindingManagement network;

	@Autowired
	TeamManagement teams;

	@Autowired
	FlashSaleManagement flashSales;

	@Autowired
	TeamOrderManagement submits;

	@Autowired
	Clock clock;

	@Override
	protected Browser.NewContextOptions contextOptions() {
		return phone();
	}

	AccountId resident(OrderingFixtures world, String phone, String name) {
		var id = accounts.create(new NewAccount(phone, name, "secret123", Set.of(Role.RESIDENT), Set.of())).id();
		network.bindResident(id, world.pickupPoint.id());
		return id;
	}

	@Test
	void aResidentJoinsANeighboursTeamThroughItsShareLink() {
		var world = new OrderingFixtures(beans, port);
		var listing = world.listing("阳山水蜜桃", "20.00", 100, 3);
		teams.setTerms(OPERATOR, new TeamTerms(listing.id(), 3, 120, Money.ofYuan("12.00"), false));
		var opener = resident(world, com.linli.Api.newPhone(), "李阿姨");
		submits.place(opener, "open-" + opener.value(), listing.id(), TeamIntent.open());
		long teamId = teams.joinable(world.region.id(), 100).stream().filter(t -> t.listing().equals(listing.id()))
			.findFirst().orElseThrow().id();
		String phone = com.linli.Api.newPhone();
		resident(world, phone, "王阿姨");

		signIn(phone, "secret123");
		page.navigate(url("/shop"));
		var card = page.locator("#group-teams .team-card[data-team-id='" + teamId + "']");
		assertThat(card).containsText("阳山水蜜桃");
		assertThat(card).containsText("1/3");
		assertThat(card.locator("[data-countdown]")).hasAttribute("data-phase", "running");
		card.click();

		assertThat(page).hasURL(Pattern.compile(".*/shop/teams/" + teamId));
		assertThat(page.locator("#team-places")).containsText("1/3");
		assertThat(page.locator(".team-member-list")).containsText("李*");
		page.click("#join-team");
		assertThat(page).hasURL(Pattern.compile(".*/pay/sim/.*"));

		page.navigate(url("/shop/teams/" + teamId));
		assertThat(page.locator("#team-places")).containsText("2/3");
		assertThat(page.locator(".team-member-list")).containsText("王*");
		assertThat(page.locator("#team-member-notice")).isVisible();
		assertThat(page.locator("#join-team")).hasCount(0);
	}

	@Test
	void aResidentBuysInAFlashSaleWhenTheServersCountdownEnds() {
		var world = new OrderingFixtures(beans, port);
		var listing = world.listing("秒杀土鸡蛋", "25.80", 50, 1);
		var startsAt = clock.instant().plus(Duration.ofSeconds(6));
		flashSales.save(OPERATOR, new NewFlashSale(listing.id(), Money.ofYuan("9.90"), startsAt, null, 0, null));
		String phone = com.linli.Api.newPhone();
		resident(world, phone, "赵大爷");

		// the phone's clock is an hour behind: the countdown must not believe it
		page.clock().install(new com.microsoft.playwright.Clock.InstallOptions()
			.setTime(clock.millis() - Duration.ofHours(1).toMillis()));
		signIn(phone, "secret123");
		page.navigate(url("/shop"));
		var countdown = page.locator("#flash-sales .flash-card[data-listing-id='" + listing.id().value() + "'] [data-countdown]");
		assertThat(countdown).hasAttribute("data-phase", "upcoming");
		assertThat(countdown).containsText("距开抢 00:00:0");
		assertThat(countdown).hasAttribute("data-phase", "running",
				new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(15_000));
		assertThat(countdown).containsText("距结束");

		page.locator("#flash-sales .flash-card[data-listing-id='" + listing.id().value() + "']").click();
		page.click("#add-to-cart");
		page.click(".buy-added a");
		page.click("#checkout");
		page.click("#submit-order");
		assertThat(page).hasURL(Pattern.compile(".*/pay/sim/.*"));
	}

	@Test
	void anOperatorGivesAListingTeamTermsAndAFlashSaleInTheConsoleAndFollowsItsTeams() {
		var world = new OrderingFixtures(beans, port);
		var peaches = world.listing("控制台水蜜桃", "20.00", 100, 3);
		var eggs = world.listing("控制台鸡蛋", "25.80", 50, 1);
		String phone = com.linli.Api.newPhone();
		com.linli.Api.at(port).asAdmin().post("/api/admin/accounts", java.util.Map.of("phone", phone, "displayName", "运营小周",
				"password", "secret123", "roles", new String[] { "OPERATOR" }, "regionIds",
				new long[] { world.region.id().value() }));
		var desktop = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 850).setLocale("zh-CN"));
		var previous = page;
		page = desktop.newPage();
		try {
			signIn(phone, "secret123");
			assertThat(page.locator("a[href='/console/team-listings']")).hasCount(1);
			assertThat(page.locator("a[href='/console/flash-sales']")).hasCount(1);

			page.navigate(url("/console/team-listings?regionId=" + world.region.id().value()));
			page.selectOption("#team-form #listingId", String.valueOf(peaches.id().value()));
			page.fill("#teamSize", "3");
			page.fill("#timeLimitMinutes", "90");
			page.fill("#teamPrice", "12.00");
			page.click("#team-form button[type=submit]");
			assertThat(page.locator(".alert.ok")).isVisible();
			var card = page.locator(".team-listing", new com.microsoft.playwright.Page.LocatorOptions().setHasText("控制台水蜜桃"));
			assertThat(card).containsText("3 人团");
			assertThat(card).containsText("12.00");
			var opener = resident(world, com.linli.Api.newPhone(), "孙阿姨");
			submits.place(opener, "console-open-" + opener.value(), peaches.id(), TeamIntent.open());
			page.reload();
			assertThat(card.locator("table.teams tbody tr")).hasCount(1);
			assertThat(card.locator("table.teams tbody tr")).containsText("拼团中");
			assertThat(card.locator("table.teams tbody tr")).containsText("1/3");

			page.navigate(url("/console/flash-sales?regionId=" + world.region.id().value()));
			page.selectOption("#flash-form #listingId", String.valueOf(eggs.id().value()));
			page.fill("#flashPrice", "9.90");
			page.click("#flash-form button[type=submit]");
			assertThat(page.locator(".alert.ok")).isVisible();
			var row = page.locator("table.flash-sales tbody tr", new com.microsoft.playwright.Page.LocatorOptions().setHasText("控制台鸡蛋"));
			assertThat(row).containsText("¥9.90");
			assertThat(row).containsText("未开始");
		}
		finally {
			page = previous;
			desktop.close();
		}
	}
}
