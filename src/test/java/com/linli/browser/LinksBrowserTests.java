package com.linli.browser;

import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.linli.Api;
import com.linli.Deadline;
import com.linli.aftersales.AfterSalesRequestId;
import com.linli.aftersales.AfterSalesRequested;
import com.linli.aftersales.RequestKind;
import com.linli.aftersales.RequestReason;
import com.linli.aftersales.ReviewId;
import com.linli.aftersales.ReviewPosted;
import com.linli.catalog.CategoryManagement;
import com.linli.catalog.NewCategory;
import com.linli.catalog.NewProduct;
import com.linli.catalog.NewSku;
import com.linli.catalog.ProductId;
import com.linli.catalog.ProductManagement;
import com.linli.catalog.SkuId;
import com.linli.catalog.StorageTemperature;
import com.linli.identity.AccountId;
import com.linli.identity.Actor;
import com.linli.network.NetworkFixtures;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.ordering.OrderId;
import com.linli.ordering.OrderLineId;
import com.linli.shared.Money;
import com.linli.supply.SupplyFixtures;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * After-sales as other modules show it: the supplier scorecard's complaint column, and the leader's service
 * figures on the phone workbench and in the console's leader list. The events are published here as aftersales
 * publishes them.
 */
class LinksBrowserTests extends BrowserTest {

	private static final Actor FIXTURES = Actor.system("links-fixtures");

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ProductManagement products;

	@Autowired
	CategoryManagement categories;

	@Autowired
	Clock clock;

	@Test
	void theScorecardShowsTheComplaintRate() {
		var admin = Api.at(port).asAdmin();
		var net = new NetworkFixtures(admin).network();
		long supplier = new SupplyFixtures(admin, port).supplier("投诉率供应商", "PREFERRED",
				LocalDate.now(clock).plusYears(1));
		var category = categories.createCategory(new NewCategory("链接" + NetworkFixtures.unique(), null, 99),
				FIXTURES.actedBy());
		var product = products.createProduct(new NewProduct(category.id(), "投诉率西瓜" + NetworkFixtures.unique(),
				"产地直采。", "海南", Set.of(), null,
				List.of(new NewSku("1个", "个", null, StorageTemperature.AMBIENT, 10, 5000))), FIXTURES.actedBy());
		var sku = products.skusOf(product.id()).get(0);
		LocalDate day = LocalDate.now(clock);
		Timestamp now = Timestamp.from(clock.instant());
		long po = jdbc.sql("""
				insert into supply.purchase_order (po_no, supplier_id, region_id, warehouse_id, pickup_date, status,
				       expected_at, created_at, sent_at, confirmed_at, delivered_at)
				values (?, ?, ?, ?, ?, 'DELIVERED', ?, ?, ?, ?, ?) returning id""")
			.params("PO-LB-" + System.nanoTime(), supplier, net.regionId(), net.gridId(), Date.valueOf(day),
					Timestamp.from(clock.instant().plusSeconds(3600)), now, now, now, now)
			.query(Long.class).single();
		jdbc.sql("""
				insert into supply.purchase_order_line (po_id, sku_id, sku_name, unit, price_fen, ordered_qty, confirmed_qty,
				       accepted_qty, rejected_qty, received_at) values (?, ?, ?, ?, 1200, 40, 40, 40, 0, ?)""")
			.params(po, sku.id().value(), sku.displayName(), sku.unit(), now).update();
		long request = 8_000_000_000_000L + System.nanoTime() % 1_000_000_000L;
		var filed = new AfterSalesRequested(new AfterSalesRequestId(request), "AS" + request, new OrderId(1),
				new OrderLineId(1), new AccountId(1), new RegionId(net.regionId()), new PickupPointId(net.pickupPointId()),
				day, sku.id(), sku.displayName(), sku.categoryId(), RequestKind.REFUND_ONLY, RequestReason.DAMAGED, 2,
				Money.ofFen(5000), clock.instant());
		tx.executeWithoutResult(s -> events.publishEvent(filed));
		awaitRow("select count(*) from supply.aftersales_case where request_id = ?", request);

		signIn(Api.ADMIN_PHONE, Api.ADMIN_PASSWORD);
		page.navigate(url("/console/supplier-scores/" + supplier));
		// 2 damaged units of 40 accepted
		assertThat(page.locator("td.complaint").last()).hasText("5.0%");
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/LinksBrowserTests-scorecard.png"))
			.setFullPage(true));
	}

	@Test
	void theLeaderSeesTheirServiceFigures() {
		var admin = Api.at(port).asAdmin();
		var net = new NetworkFixtures(admin).network();
		String phone = Api.newPhone();
		var appointed = admin.post("/api/leaders", Map.of("phone", phone, "name", "星级团长", "password", "leader123",
				"pickupPointId", net.pickupPointId()));
		org.assertj.core.api.Assertions.assertThat(appointed.status()).isEqualTo(201);
		long review = 8_500_000_000_000L + System.nanoTime() % 1_000_000_000L;
		var posted = new ReviewPosted(new ReviewId(review), new AccountId(1), new OrderId(1), new OrderLineId(1),
				new SkuId(1), new ProductId(1), new PickupPointId(net.pickupPointId()), 5, 4, false,
				clock.instant().plusSeconds(1));
		tx.executeWithoutResult(s -> events.publishEvent(posted));
		awaitRow("select count(*) from leader.service_rating where review_id = ?", review);

		page.close();
		var mobileContext = browser.newContext(phone());
		try {
			var mobile = mobileContext.newPage();
			mobile.navigate(url("/login"));
			mobile.fill("#phone", phone);
			mobile.fill("#password", "leader123");
			mobile.click("button[type=submit]");
			assertThat(mobile.locator("#service-stars b")).hasText("4.0");
			assertThat(mobile.locator("#service-complaints b")).hasText("0");
			assertThat(mobile.locator("#service-satisfaction b")).hasText("—");
			mobile.screenshot(new Page.ScreenshotOptions()
				.setPath(Path.of("target/screenshots/LinksBrowserTests-workbench-service.png")).setFullPage(true));
		}
		finally {
			mobileContext.close();
		}
		page = context.newPage();
		signIn(Api.ADMIN_PHONE, Api.ADMIN_PASSWORD);
		page.navigate(url("/console/leaders?regionId=" + net.regionId()));
		assertThat(page.locator("td.service-stars").first()).hasText("4.0 (1)");
	}

	private void awaitRow(String sql, long id) {
		Deadline deadline = Deadline.inMillis(15_000);
		while (jdbc.sql(sql).param(id).query(Long.class).single() == 0) {
			org.assertj.core.api.Assertions.assertThat(deadline.passed()).as("listener did not run in time").isFalse();
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}
}
