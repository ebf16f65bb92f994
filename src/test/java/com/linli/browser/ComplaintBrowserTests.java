package com.linli.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.linli.Api;
import com.linli.fulfilment.FulfilmentFixtures;
import com.linli.network.NetworkFixtures;
import com.linli.ordering.OrderingFixtures;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** A resident files a complaint with a photo on the phone; the operator answers it on the desk, against its SLA timer. */
class ComplaintBrowserTests extends BrowserTest {

	static final byte[] PNG = java.util.Base64.getDecoder().decode(
			"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

	@Autowired
	ApplicationContext beans;

	@Override
	protected Browser.NewContextOptions contextOptions() {
		return phone();
	}

	@Test
	void aResidentFilesAComplaintAndTheOperatorAnswersItOnTheDesk() throws Exception {
		var world = new OrderingFixtures(beans, port);
		var day = new FulfilmentFixtures(world, port);
		var listing = world.listing("投诉用西红柿", "7.50", 50, 5);
		String phone = Api.newPhone();
		Api.at(port).post("/api/auth/register", Map.of("phone", phone, "displayName", "王阿姨", "password", "secret123"));
		Api resident = Api.at(port).as(phone, "secret123");
		resident.put("/api/me/pickup-point", Map.of("pickupPointId", world.pickupPoint.id().value()));
		var order = day.paidOrder(resident, listing, 2);
		var admin = Api.at(port).asAdmin();
		String operatorPhone = Api.newPhone();
		admin.post("/api/admin/accounts", Map.of("phone", operatorPhone, "displayName", "客服小林", "password",
				"secret123", "roles", new String[] { "OPERATOR" }, "regionIds", new long[] { world.region.id().value() }));

		signIn(phone, "secret123");
		page.navigate(url("/shop/me"));
		page.click("#me-complaints");
		page.click("#complaint-new");
		page.selectOption("#subject", "PRODUCT");
		page.selectOption("#orderId", new SelectOption().setValue(order.get("id").asText()));
		page.fill("#text", "西红柿有两个烂了，照片在这里。");
		page.setInputFiles("#photos", new FilePayload("tomato.png", "image/png", PNG));
		page.click("#complaint-submit");
		assertThat(page.locator("#complaint-status")).containsText("待响应");
		assertThat(page.locator("section")).containsText("西红柿有两个烂了");
		assertThat(page.locator(".complaint-detail img")).hasCount(1);
		String detailUrl = page.url();
		long id = Long.parseLong(detailUrl.substring(detailUrl.lastIndexOf('/') + 1));
		Files.createDirectories(Path.of("target/screenshots"));
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/ComplaintBrowserTests-resident.png"))
			.setFullPage(true));
		context.close();

		// the operator's desk (desktop)
		context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 850).setLocale("zh-CN"));
		page = context.newPage();
		signIn(operatorPhone, "secret123");
		page.navigate(url("/console/complaints?regionId=" + world.region.id().value()));
		var row = page.locator("#complaint-" + id);
		assertThat(row).containsText("商品问题");
		assertThat(row.locator(".sla-timer")).containsText("首次响应");
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/ComplaintBrowserTests-desk.png"))
			.setFullPage(true));
		row.locator("a").first().click();
		htmxReady();
		page.fill("#complaint-reply textarea", "您好，抱歉！烂的两个给您退款。");
		htmxSwap(() -> page.click("#complaint-reply button"));
		assertThat(page.locator("#complaint-status")).containsText("处理中");
		assertThat(page.locator("#complaint-thread")).containsText("烂的两个给您退款");
		org.assertj.core.api.Assertions.assertThat(resident.get("/api/aftersales/complaints/" + id).json().get("status")
			.asText()).isEqualTo("RESPONDED");

		// the report of the region: one complaint, answered in time so far, the chart drawn
		page.navigate(url("/console/complaints/report?regionId=" + world.region.id().value()));
		assertThat(page.locator("#report-filed")).hasText("1");
		assertThat(page.locator("#complaint-chart canvas")).hasCount(1);
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/ComplaintBrowserTests-report.png"))
			.setFullPage(true));
		NetworkFixtures.unique();
	}
}
