package com.linli.ordering;

import com.linli.IntegrationTest;
import com.linli.TestClock;
import com.linli.ordering.internal.Orders;
import com.linli.shared.BusinessRuleException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The repository saves the {@link Order} aggregate with a compare-and-set on its version: of two moves
 * made on the same order read at the same time, the second is refused and changes nothing.
 */
@IntegrationTest
class OrderSaveIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Orders orders;

	@Autowired
	TransactionTemplate tx;

	OrderingFixtures world;

	@BeforeEach
	void world() {
		world = new OrderingFixtures(context, port);
	}

	@Test
	void aSaveOfAStaleOrderLosesTheRaceAndChangesNothing() {
		var plums = world.listing("西梅", "12.00", 100, 5);
		var placed = new com.linli.fulfilment.FulfilmentFixtures(world, port).paidOrder(world.resident(), plums, 2);
		var id = new OrderId(placed.get("id").asLong());
		var first = orders.find(id).orElseThrow();
		var second = orders.find(id).orElseThrow();
		var line = first.lines().get(0).id();

		tx.executeWithoutResult(s -> {
			first.refundLine(line, 1, "QUALITY", false, false, "cas-a-" + id.value());
			orders.save(first);
		});
		second.cancelByStaff(TestClock.now());
		assertThatThrownBy(() -> tx.executeWithoutResult(s -> orders.save(second)))
			.isInstanceOfSatisfying(BusinessRuleException.class,
					e -> assertThat(e.code()).isEqualTo("changed-concurrently"));

		var stored = orders.find(id).orElseThrow();
		assertThat(stored.status()).isEqualTo(OrderStatus.PAID);
		assertThat(stored.version()).isEqualTo(first.version() + 1);
		assertThat(stored.refunded()).isEqualTo(plums.groupPrice());
		assertThat(stored.lines().get(0).refundedQuantity()).isEqualTo(1);
	}
}
