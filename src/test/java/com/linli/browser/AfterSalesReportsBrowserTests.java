package com.linli.browser;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;

import com.linli.Api;
import com.linli.catalog.Sku;
import com.linli.marketing.Listing;
import com.linli.marketing.MarketingFixtures;
import com.linli.ordering.OrderCutoffManagement;
import com.linli.ordering.OrderDeliveryManagement;
import com.linli.ordering.OrderingFixtures;
import com.linli.ordering.PickupFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The operator opens the after-sales reports of a region: tiles, the three charts, the tables, "check now". */
class AfterSalesReportsBrowserTests extends BrowserTest {

	@Autowired
	ApplicationContext beans;

	@Autowired
	OrderCutoffManagement cutoffOrders;

	@Autowired
	OrderDeliveryManagement deliveryOrders;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theOperatorReadsTheReportWithItsChartsAndRunsTheQualityCheck() {
		var world = new OrderingFixtures(beans, port);
		var pickups = new PickupFixtures(world, cutoffOrders, deliveryOrders, port);
		var marketing = new MarketingFixtures(beans);
		var fruit = marketing.category("报表浏览水果", 1);
		Sku kiwis = marketing.sku(fruit, "浏览猕猴桃", "6个/盒");
		Sku grapes = marketing.sku(fruit, "浏览阳光玫瑰", "500g/盒");
		Listing kiwiListing = world.listing(kiwis, "19.90", 500, 50);
		Listing grapeListing = world.listing(grapes, "29.90", 500, 50);
		var leader = pickups.leader(world.pickupPoint);
		var order = pickups.readyOrder(world.resident(), world.pickupPoint, kiwiListing, 30, grapeListing, 20);
		var handedOut = leader.api().post("/api/leader/pickups", Map.of("pickupCode", order.get("pickupCode").asText()));
		org.assertj.core.api.Assertions.assertThat(handedOut.status()).isEqualTo(200);
		LocalDate day = world.pickupDate;
		insert(world, kiwis, "QUALITY", 2, 3980, 3980L, "REFUNDED", true, day, 9);
		insert(world, kiwis, "DAMAGED", 1, 1990, 1990L, "REFUNDED", false, day, 10);
		insert(world, grapes, "WRONG_ITEM", 1, 2990, null, "EXCHANGED", false, day.plusDays(1), 11);
		insert(world, grapes, "OTHER", 1, 2990, null, "REJECTED", false, day.plusDays(1), 12);

		String operatorPhone = MarketingFixtures.operatorOf(Api.at(port), world.region).get("/api/me").json().get("phone")
			.asText();
		signIn(operatorPhone, "secret123");
		page.navigate(url("/console/aftersales/reports?regionId=" + world.region.id().value() + "&from=" + day.minusDays(3)
				+ "&to=" + day.plusDays(1)));
		assertThat(page.locator("#tile-requests")).hasText("3");
		assertThat(page.locator("#tile-refunded")).hasText("¥59.70");
		// 4 units of 50 handed out
		assertThat(page.locator("#tile-rate")).hasText("8.00%");
		assertThat(page.locator("#chart-days canvas")).isVisible();
		assertThat(page.locator("#chart-reasons canvas")).isVisible();
		assertThat(page.locator("#chart-top canvas")).isVisible();
		assertThat(page.locator("#table-products tbody tr")).hasCount(2);
		assertThat(page.locator("#table-leaders")).containsText(world.pickupPoint.name());
		assertThat(page.locator("#table-reasons")).containsText("质量问题");
		// the check of the pickup day: 2 product-cause requests, fewer than 5, no alert
		page.fill("#check-now input[name=day]", day.toString());
		page.click("#check-now button[type=submit]");
		assertThat(page.locator("#check-result")).containsText("新增 0 条预警");
		assertThat(page.locator("#alerts")).containsText("暂无质量预警");
		page.navigate(url("/console/aftersales/reports?regionId=" + world.region.id().value() + "&from=" + day.minusDays(3)
				+ "&to=" + day.plusDays(1)));
		page.waitForTimeout(400);
	}

	private void insert(OrderingFixtures world, Sku sku, String reason, int quantity, long amountFen, Long refundedFen,
			String status, boolean quick, LocalDate day, int hour) {
		var submitted = day.atTime(LocalTime.of(hour, 0)).atZone(world.region.zone()).toInstant();
		jdbc.sql("""
				insert into aftersales.request (request_no, resident_id, order_id, order_no, line_id, region_id,
				    pickup_point_id, pickup_date, sku_id, product_id, category_id, sku_name, kind, reason, quantity,
				    amount_fen, refunded_fen, status, quick, submit_key, submitted_at, decided_at)
				values (?, 0, 0, 'BROWSER', 0, ?, ?, ?, ?, ?, ?, ?, 'REFUND_ONLY', ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params("BR" + (System.nanoTime() % 1_000_000_000_000L), world.region.id().value(),
					world.pickupPoint.id().value(), world.pickupDate, sku.id().value(), sku.productId().value(),
					sku.categoryId().value(), sku.displayName(), reason, quantity, amountFen, refundedFen, status, quick,
					UUID.randomUUID().toString(), Timestamp.from(submitted),
					status.equals("REJECTED") || refundedFen != null || status.equals("EXCHANGED")
							? Timestamp.from(submitted.plusSeconds(1800)) : null)
			.update();
	}
}
