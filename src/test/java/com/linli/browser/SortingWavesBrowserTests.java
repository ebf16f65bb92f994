package com.linli.browser;

import java.time.LocalTime;
import java.util.List;

import com.linli.Api;
import com.linli.TestClock;
import com.linli.fulfilment.FulfilmentFixtures;
import com.linli.inventory.InventoryFixtures;
import com.linli.inventory.StockManagement;
import com.linli.logistics.Load;
import com.linli.logistics.warehouse.WarehouseFixtures;
import com.linli.marketing.Listing;
import com.linli.network.PickupPoint;
import com.linli.network.Warehouse;
import com.linli.ordering.OrderingFixtures;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Warehouse staff open the sorting waves of the morning's plan: the routes with their stops and the loading
 * order, execute the central -> grid transfer, and open the crate labels PDF from the page.
 */
class SortingWavesBrowserTests extends BrowserTest {

	@Autowired
	ApplicationContext beans;

	@Autowired
	StockManagement stock;

	@Test
	void warehouseStaffOpenTheWavesExecuteTheTransferAndPrintTheLabels() throws Exception {
		var world = new OrderingFixtures(beans, port);
		var day = new FulfilmentFixtures(world, port);
		var fixtures = new WarehouseFixtures(beans);
		Warehouse central = new InventoryFixtures(beans).central(world.region);
		PickupPoint north = world.pickupPoint;
		var grid = north.gridWarehouseId();
		PickupPoint east = fixtures.pointOn(world.region, grid, "东湖苑", 30.285, 120.14);
		Listing apples = world.listing("红富士苹果", "19.90", 100, 5);
		day.paidOrder(world.resident(north), apples, 2);
		day.paidOrder(world.resident(east), apples, 3);
		long runId = day.cutoff(day.operator()).get("id").asLong();
		stock.receive(central.id(), apples.skuId(), 5, "AP-B1", TestClock.today(), "po-line:bw" + runId, "cutoff-run:" + runId);
		var date = world.pickupDate;
		long planId = fixtures.readyPlan(runId, world.region, grid, date, List.of(WarehouseFixtures.route(1,
				fixtures.vehicle(world.region, grid), date, LocalTime.of(5, 0), List.of(
						WarehouseFixtures.stop(north, date, 20, new Load(0, 1, 0, 1.0), 1),
						WarehouseFixtures.stop(east, date, 40, new Load(0, 2, 0, 1.5), 1)))));

		signIn(WarehouseFixtures.staffPhone(Api.at(port), "WAREHOUSE_STAFF", world.region), "secret123");
		page.navigate(url("/warehouse/logistics/waves?planId=" + planId));
		assertThat(page.locator("h1")).hasText("分拣波次");
		assertThat(page.locator(".wave h2").first()).containsText("第 1 波");
		assertThat(page.locator(".loading-order")).containsText(east.name());
		assertThat(page.locator("table.pick-list tbody tr").first()).containsText(north.name());
		assertThat(page.locator("table.pick-list tbody tr").first()).containsText("红富士苹果");

		page.click("#execute-transfer");
		page.waitForLoadState();
		assertThat(page.locator("#transfer-done")).containsText("本次调拨 5 件");
		assertThat(stock.stock(grid, apples.skuId()).onHand()).isEqualTo(5);

		String href = page.locator("#labels-pdf").getAttribute("href");
		var pdf = page.request().get(url(href));
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.headers().get("content-type")).startsWith("application/pdf");
		var reader = new PdfReader(pdf.body());
		assertThat(reader.getNumberOfPages()).isEqualTo(3);
		assertThat(new PdfTextExtractor(reader).getTextFromPage(3).replaceAll("\\s+", "")).contains(
				east.name().replaceAll("\\s+", ""), "第2/2箱");
	}
}
