package com.linli.browser;

import java.util.regex.Pattern;

import com.linli.identity.AccountManagement;
import com.linli.identity.NewAccount;
import com.linli.identity.Role;
import com.linli.marketing.engine.EngineTestPromotions;
import com.linli.network.ResidentBindingManagement;
import com.linli.ordering.OrderingFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A resident on a phone at the review step: the price is explained deduction by deduction, a change of
 * the coupon choice or the points asks for the price again in place, and the cashier takes what was shown.
 * (The discounts come from the test-only calculators of {@link EngineTestPromotions}.)
 */
class EngineBrowserTests extends BrowserTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	ResidentBindingManagement network;

	@Autowired
	AccountManagement accounts;

	@Override
	protected com.microsoft.playwright.Browser.NewContextOptions contextOptions() {
		return phone();
	}

	@Test
	void theReviewExplainsThePriceAndTheCashierTakesWhatItShowed() {
		var world = new OrderingFixtures(context, port);
		var listing = world.listing("引擎脐橙", "10.00", 20, 5);
		String phone = com.linli.Api.newPhone();
		var id = accounts.create(new NewAccount(phone, "李阿姨", "secret123", java.util.Set.of(Role.RESIDENT),
				java.util.Set.of())).id();
		network.bindResident(id, world.pickupPoint.id());
		EngineTestPromotions.PLANS.put(id, new EngineTestPromotions.Plan(0, 200, 0));
		EngineTestPromotions.givePoints(context, id, 1000);

		signIn(phone, "secret123");
		page.navigate(url("/shop/listings/" + listing.id().value()));
		page.selectOption("#buy-quantity", "2");
		page.click("#add-to-cart");
		assertThat(page.locator(".buy-added")).isVisible();
		page.navigate(url("/shop/checkout"));

		assertThat(page.locator(".quote-deduction")).hasCount(1);
		assertThat(page.locator(".quote-deduction")).containsText("满减");
		assertThat(page.locator("#review-total")).hasText("18.00");

		page.selectOption("#coupon-choice", "none");
		page.fill("#points", "25");
		assertThat(page.locator("#review-total")).hasText("17.75");
		assertThat(page.locator(".quote-deduction")).hasCount(2);
		assertThat(page.locator("#quote-points")).containsText("25");
		page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions()
			.setPath(java.nio.file.Path.of("target/screenshots/engine-review.png")));

		page.click("#submit-order");
		assertThat(page).hasURL(Pattern.compile(".*/pay/sim/.*"));
		assertThat(page.locator("#amount")).hasText("17.75");
	}
}
