package com.linli.inventory;

import java.time.LocalDate;
import java.util.Map;

import com.linli.IntegrationTest;
import com.linli.TestClock;
import com.linli.catalog.Sku;
import com.linli.network.Warehouse;
import com.linli.shared.InvalidInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The API supply relies on: receipts as batches with expiry, reservations, availability, idempotency. */
@IntegrationTest
class StockManagementIntegrationTests {

	@Autowired
	StockManagement stock;

	@Autowired
	ApplicationContext context;

	Warehouse central;

	Sku apple;

	Sku pear;

	@BeforeEach
	void setUp() {
		var fixtures = new InventoryFixtures(context);
		central = fixtures.central(fixtures.region());
		apple = fixtures.sku("苹果");
		pear = fixtures.sku("雪梨");
	}

	@Test
	void receivedGoodsBecomeABatchWithExpiryFromShelfLifeAndARetryReturnsTheSameBatch() {
		String ref = "po-line:" + System.nanoTime();
		var batch = stock.receive(central.id(), apple.id(), 40, "B-001", LocalDate.of(2026, 11, 20), ref, null);

		assertThat(batch.expiresOn()).isEqualTo(LocalDate.of(2026, 11, 27));
		assertThat(batch.received()).isEqualTo(40);
		assertThat(batch.remaining()).isEqualTo(40);
		var again = stock.receive(central.id(), apple.id(), 40, "B-001", LocalDate.of(2026, 11, 20), ref, null);
		assertThat(again.id()).isEqualTo(batch.id());
		assertThat(stock.stock(central.id(), apple.id())).isEqualTo(Stock.of(central.id(), apple.id(), 40, 0));
	}

	@Test
	void reservesWhatIsAvailableAndAnswersARetryTheSameWay() {
		stock.receive(central.id(), apple.id(), 30, "A1", TestClock.today(), "po-line:a" + System.nanoTime(), null);
		stock.receive(central.id(), pear.id(), 5, "P1", TestClock.today(), "po-line:p" + System.nanoTime(), null);
		String run = "cutoff-run:" + System.nanoTime();

		var reserved = stock.reserve(central.id(), Map.of(apple.id(), 12L, pear.id(), 9L), run);

		assertThat(reserved).containsEntry(apple.id(), 12L).containsEntry(pear.id(), 5L);
		assertThat(stock.available(central.id(), java.util.List.of(apple.id(), pear.id())))
			.containsEntry(apple.id(), 18L).containsEntry(pear.id(), 0L);
		// more stock arrives, the retry still answers what was reserved the first time
		stock.receive(central.id(), pear.id(), 20, "P2", TestClock.today(), "po-line:p2" + System.nanoTime(), null);
		assertThat(stock.reserve(central.id(), Map.of(apple.id(), 12L, pear.id(), 9L), run))
			.containsEntry(apple.id(), 12L).containsEntry(pear.id(), 5L);
		assertThat(stock.stock(central.id(), pear.id())).isEqualTo(Stock.of(central.id(), pear.id(), 25, 5));
	}

	@Test
	void goodsReceivedForADemandAreReservedForItAtOnce() {
		String run = "cutoff-run:" + System.nanoTime();
		stock.receive(central.id(), apple.id(), 8, "A2", TestClock.today(), "po-line:r" + System.nanoTime(), run);

		assertThat(stock.stock(central.id(), apple.id())).isEqualTo(Stock.of(central.id(), apple.id(), 8, 8));
		assertThat(stock.held(run, apple.id())).isEqualTo(8);
		assertThat(stock.release(central.id(), run)).containsEntry(apple.id(), 8L);
		assertThat(stock.stock(central.id(), apple.id()).available()).isEqualTo(8);
	}

	@Test
	void refusesNonsense() {
		assertThatThrownBy(() -> stock.receive(central.id(), apple.id(), 0, "X", TestClock.today(), "po-line:z1", null))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> stock.receive(central.id(), apple.id(), 3, " ", TestClock.today(), "po-line:z2", null))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> stock.reserve(central.id(), Map.of(apple.id(), -1L), "cutoff-run:z"))
			.isInstanceOf(InvalidInputException.class);
		assertThat(stock.stock(central.id(), apple.id()).onHand()).isZero();
	}
}
