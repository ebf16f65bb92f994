package com.linli.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import com.linli.Api;
import com.linli.leader.IdNumbers;
import com.linli.leader.recruitment.SmsLog;
import com.linli.ordering.OrderingFixtures;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A would-be leader applies on their phone (the code from the SMS log), and an operator approves in the console. */
class RecruitmentBrowserTests extends BrowserTest {

	static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

	@Autowired
	ApplicationContext spring;

	@Override
	protected com.microsoft.playwright.Browser.NewContextOptions contextOptions() {
		return phone();
	}

	@Test
	void anApplicantAppliesOnAPhoneAndAnOperatorApproves() throws Exception {
		SmsLog.listen();
		var world = new OrderingFixtures(spring, port);
		long region = world.region.id().value();
		String phone = Api.newPhone();

		page.navigate(url("/join?ref=L8XYZ&regionId=" + region));
		htmxReady();
		assertThat(page.locator("#join-ref")).containsText("L8XYZ");
		page.fill("#name", "李娜");
		page.fill("#phone", phone);
		htmxSwap(() -> page.click("#send-code"));
		assertThat(page.locator("#code-status")).containsText("验证码已发送");
		page.fill("#code", SmsLog.codeFor(phone));
		String first17 = "33010619880808456";
		page.fill("#idNumber", first17 + IdNumbers.checkCharacter(first17));
		page.selectOption("#communityId", Long.toString(world.pickupPoint.communityId().value()));
		page.selectOption("#kind", "SHOP");
		page.fill("#pointName", "李娜生鲜" + phone.substring(7));
		page.fill("#address", "幸福路 18 号底商");
		page.fill("#latitude", "30.2900");
		page.fill("#longitude", "120.1450");
		page.fill("#followers", "260");
		page.fill("#households", "700");
		page.fill("#storageSqm", "8");
		Path photo = Files.createTempFile("shop", ".png");
		Files.write(photo, Base64.getDecoder().decode(PNG));
		page.setInputFiles("#photos", photo);
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/RecruitmentBrowserTests-0-form.png"))
			.setFullPage(true));
		page.click("#join-submit");
		assertThat(page.locator("#applied-no")).isVisible();
		String no = page.locator("#applied-no").textContent().strip();
		assertThat(no).startsWith("LA");
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/RecruitmentBrowserTests-1-applied.png"))
			.setFullPage(true));

		// the operator of the region reviews it in the console
		String operatorPhone = Api.newPhone();
		var created = Api.at(port).asAdmin().post("/api/admin/accounts", Map.of("phone", operatorPhone, "displayName",
				"招募运营", "password", "secret123", "roles", new String[] { "OPERATOR" }, "regionIds", new long[] { region }));
		assertThat(created.status()).isEqualTo(201);
		try (var desk = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
			.setViewportSize(1366, 850).setLocale("zh-CN"))) {
			var console = desk.newPage();
			console.navigate(url("/login"));
			console.fill("#phone", operatorPhone);
			console.fill("#password", "secret123");
			console.click("button[type=submit]");
			console.waitForLoadState();
			console.navigate(url("/console/leader-applications?regionId=" + region));
			console.click("text=" + no);
			assertThat(console.locator("#score-total")).containsText("/ 100");
			assertThat(console.locator("#application-photos img")).hasCount(1);
			for (String check : new String[] { "IDENTITY", "PHOTOS", "SITE", "INTERVIEW" }) {
				console.check("#check-" + check);
			}
			console.screenshot(new Page.ScreenshotOptions()
				.setPath(Path.of("target/screenshots/RecruitmentBrowserTests-2-review.png")).setFullPage(true));
			console.click("#approve");
			assertThat(console.locator("#decision-done")).isVisible();
			assertThat(console.locator("#application-status")).hasText("已通过");
			assertThat(console.locator("#opened-point")).isVisible();
			console.screenshot(new Page.ScreenshotOptions()
				.setPath(Path.of("target/screenshots/RecruitmentBrowserTests-3-approved.png")).setFullPage(true));
		}

		// the applicant sees it approved on the status page, and has their sign-in by SMS
		page.navigate(url("/join/status"));
		page.fill("#applicationNo", no);
		page.fill("#status-phone", phone);
		page.click("#status-submit");
		assertThat(page.locator("#application-status")).hasText("已通过");
		assertThat(SmsLog.passwordFor(phone)).hasSize(8);
	}
}
