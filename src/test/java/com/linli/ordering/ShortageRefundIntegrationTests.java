package com.linli.ordering;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.linli.Deadline;
import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.catalog.Sku;
import com.linli.fulfilment.FulfilmentFixtures;
import com.linli.marketing.Listing;
import com.linli.shared.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link OrderRefundManagement#refundShortage}: units of a SKU that never came are refunded over the confirmed orders
 * of the region and pickup date by the chosen rule, to the fen, once per reference whatever the retries.
 */
@IntegrationTest
class ShortageRefundIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	OrderCutoffManagement cutoffOrders;

	@Autowired
	OrderRefundManagement refundOrders;

	OrderingFixtures world;

	Sku pears;

	Listing listing;

	Api ann;

	Api bob;

	Api cai;

	JsonNode annOrder;

	JsonNode bobOrder;

	JsonNode caiOrder;

	@BeforeEach
	void threeOrdersConfirmedAtCutoff() {
		world = new OrderingFixtures(context, port);
		var day = new FulfilmentFixtures(world, port);
		pears = world.sku("砀山酥梨", "1kg/袋");
		listing = world.listing(pears, "12.34", 100, 5);
		Listing other = world.listing("小番茄", "8.00", 100, 5);
		ann = world.resident();
		bob = world.resident();
		cai = world.resident();
		annOrder = day.paidOrder(ann, listing, 2, other, 1); // oldest
		bobOrder = day.paidOrder(bob, listing, 3);
		caiOrder = day.paidOrder(cai, listing, 1); // newest
		assertThat(cutoffOrders.confirmForCutoff(world.region.id(), world.pickupDate)).isEqualTo(3);
	}

	ShortageRefund refund(int units, ShortageRule rule, String reference) {
		return refundOrders.refundShortage(world.region.id(), world.pickupDate, pears.id(), units, rule, reference,
				"供应商缺货 / short from the supplier");
	}

	int refundedUnits(Api resident, JsonNode order) {
		return FulfilmentFixtures.line(resident.get("/api/orders/" + order.get("id").asLong()).json(), listing)
			.get("refundedQuantity").asInt();
	}

	long refundedFen(Api resident, JsonNode order) {
		return resident.get("/api/orders/" + order.get("id").asLong()).json().get("refundedFen").asLong();
	}

	@Test
	void newestOrdersAreRefundedFirstSoTheOldestAreServedAndARetryRefundsNothingMore() {
		var result = refund(3, ShortageRule.NEWEST_FIRST, "t-newest");
		assertThat(result.units()).isEqualTo(3);
		assertThat(result.amount()).isEqualTo(Money.ofFen(3 * 1234));
		assertThat(result.orders()).isEqualTo(2);
		assertThat(refundedUnits(cai, caiOrder)).isEqualTo(1);
		assertThat(refundedUnits(bob, bobOrder)).isEqualTo(2);
		assertThat(refundedUnits(ann, annOrder)).isZero();
		assertThat(refundedFen(bob, bobOrder)).isEqualTo(2 * 1234);
		assertThat(refundedFen(cai, caiOrder)).isEqualTo(1234);

		var again = refund(3, ShortageRule.NEWEST_FIRST, "t-newest");
		assertThat(again.units()).isEqualTo(3);
		assertThat(again.amount()).isEqualTo(result.amount());
		assertThat(refundedUnits(bob, bobOrder)).isEqualTo(2);
		assertThat(refundedUnits(ann, annOrder)).isZero();
	}

	@Test
	void theLargestLinesAreCutFirstWhenTheOperatorSaysSo() {
		var result = refund(3, ShortageRule.LARGEST_ORDER_FIRST, "t-largest");
		assertThat(result.units()).isEqualTo(3);
		assertThat(refundedUnits(bob, bobOrder)).isEqualTo(3);
		assertThat(refundedUnits(ann, annOrder)).isZero();
		assertThat(refundedUnits(cai, caiOrder)).isZero();
		assertThat(refundedFen(bob, bobOrder)).isEqualTo(3 * 1234);
	}

	@Test
	void proportionalCutsEveryLineByItsShareAndTheRoundingComesOffTheNewest() {
		// 6 units ordered (2, 3, 1), 3 short: shares 1, 1, 0 rounded down; the unit left over comes off the newest
		var result = refund(3, ShortageRule.PROPORTIONAL, "t-share");
		assertThat(result.units()).isEqualTo(3);
		assertThat(refundedUnits(ann, annOrder)).isEqualTo(1);
		assertThat(refundedUnits(bob, bobOrder)).isEqualTo(1);
		assertThat(refundedUnits(cai, caiOrder)).isEqualTo(1);
	}

	@Test
	void moreUnitsShortThanOrderedRefundsEveryUnitAndNoMore() {
		var result = refund(10, ShortageRule.NEWEST_FIRST, "t-all");
		assertThat(result.units()).isEqualTo(6);
		assertThat(result.amount()).isEqualTo(Money.ofFen(6 * 1234));
		assertThat(refundedFen(ann, annOrder)).isEqualTo(2 * 1234); // the other line of ann's order stays
		assertThat(refundedFen(bob, bobOrder)).isEqualTo(3 * 1234);
	}

	@Test
	void concurrentCallsWithOneReferenceRefundOnce() throws Exception {
		var pool = Executors.newFixedThreadPool(6);
		List<Future<ShortageRefund>> results = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			results.add(pool.submit((Callable<ShortageRefund>) () -> refund(4, ShortageRule.NEWEST_FIRST, "t-race")));
		}
		for (var f : results) {
			assertThat(f.get().units()).isEqualTo(4);
			assertThat(f.get().amount()).isEqualTo(Money.ofFen(4 * 1234));
		}
		pool.shutdown();
		assertThat(refundedUnits(cai, caiOrder) + refundedUnits(bob, bobOrder) + refundedUnits(ann, annOrder))
			.isEqualTo(4);
		assertThat(refundedFen(cai, caiOrder) + refundedFen(bob, bobOrder) + refundedFen(ann, annOrder))
			.isEqualTo(4 * 1234);
	}

	@Test
	void aReferenceAndAPositiveNumberOfUnitsAreRequired() {
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> refund(0, ShortageRule.NEWEST_FIRST, "t-zero"))
			.isInstanceOf(com.linli.shared.InvalidInputException.class);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> refund(1, ShortageRule.NEWEST_FIRST, " "))
			.isInstanceOf(com.linli.shared.InvalidInputException.class);
	}

	@Test
	void aSupplierShortageIsRefundedAsSuchNotAsGoodsArrivedShortOrDamagedAtThePickupPoint() {
		refund(1, ShortageRule.NEWEST_FIRST, "t-reason");

		var staffView = Api.at(port).asAdmin().get("/api/admin/orders/" + caiOrder.get("id").asLong());
		assertThat(staffView.status()).as(staffView.toString()).isEqualTo(200);
		assertThat(staffView.json().get("refunds")).hasSize(1);
		assertThat(staffView.json().get("refunds").get(0).get("reason").asText()).isEqualTo("SUPPLIER_SHORTAGE");

		// the resident is told why: the supplier was short, not that the goods came damaged
		String body = null;
		Deadline deadline = Deadline.inMillis(15_000);
		while (body == null && !deadline.passed()) {
			for (var message : cai.get("/api/messages").json().get("items")) {
				if (message.get("kind").asText().equals("REFUND")) {
					body = message.get("body").asText();
				}
			}
			if (body == null) {
				try {
					Thread.sleep(100);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}
		}
		assertThat(body).contains("供应商缺货").doesNotContain("到货缺少或破损");
	}
}
