package com.linli.fulfilment.internal;

import java.nio.file.Path;
import java.util.regex.Pattern;

import com.linli.Api;
import com.linli.browser.BrowserTest;
import com.linli.fulfilment.CutoffManagement;
import com.linli.fulfilment.FulfilmentFixtures;
import com.linli.fulfilment.internal.CutoffInterruption.CutoffInterrupted;
import com.linli.identity.Actor;
import com.linli.ordering.OrderingFixtures;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The console shows an interrupted cutoff with its progress; resuming it from there completes it. */
class CutoffProgressBrowserTests extends BrowserTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	CutoffManagement cutoffs;

	@Autowired
	CutoffInterruption interruption;

	@AfterEach
	void disarm() {
		interruption.disarm();
	}

	@Test
	void anInterruptedCutoffShowsWhereItStoppedAndResumesFromTheConsole() {
		var world = new OrderingFixtures(context, port);
		var day = new FulfilmentFixtures(world, port);
		var other = world.anotherPickupPoint();
		var apples = world.listing("红富士苹果", "19.90", 100, 5);
		day.paidOrder(world.resident(), apples, 2);
		day.paidOrder(world.resident(other), apples, 1);
		interruption.arm(world.region.id(), 1);
		assertThatThrownBy(() -> cutoffs.run(world.region.id(), world.pickupDate, Actor.system("test"))).isInstanceOf(CutoffInterrupted.class);
		long runId = cutoffs.find(world.region.id(), world.pickupDate, Actor.system("test")).orElseThrow().id().value();

		signIn(Api.ADMIN_PHONE, Api.ADMIN_PASSWORD);
		page.navigate(url("/console/cutoff-runs/" + runId));
		assertThat(page.locator("#progress .badge")).hasText("已中断");
		assertThat(page.locator("#progress .run-percent")).hasText("47%");
		assertThat(page.locator("#progress")).containsText("interrupted on purpose");
		assertThat(page.locator("#progress")).containsText("已写入 1 行");
		page.screenshot(new Page.ScreenshotOptions()
			.setPath(Path.of("target/screenshots/CutoffProgressBrowserTests-interrupted.png")).setFullPage(true));

		page.click("button:has-text('继续执行')");
		assertThat(page).hasURL(Pattern.compile(".*/console/cutoff-runs/" + runId + "$"));
		assertThat(page.locator(".run-stats")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(20_000));
		assertThat(page.locator(".run-stats .stat").nth(1)).containsText("2");
		assertThat(page.locator("p.muted", new Page.LocatorOptions().setHasText("共执行"))).containsText("共执行 2 次");
	}
}
