package com.linli.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.linli.IntegrationTest;
import com.linli.TestClock;
import com.linli.catalog.Sku;
import com.linli.catalog.SkuId;
import com.linli.identity.Actor;
import com.linli.network.Warehouse;
import com.linli.network.WarehouseId;
import com.linli.shared.BusinessRuleException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger invariant of issue 4 under real concurrency: many threads receive, reserve, transfer central ->
 * grid and sell the same SKUs at once, many of the requests asking for more than there is. At the end
 * the ledger sums to on hand for every warehouse and SKU and to remaining for every batch, nothing is
 * negative, reserved never exceeds on hand, every over-draw was refused, and the units in stock are exactly
 * the units received minus the units sold.
 */
@IntegrationTest
class LedgerConcurrencyTests {

	static final int THREADS = 12;

	static final int OPERATIONS = 70;

	@Autowired
	StockManagement stock;

	@Autowired
	MovementManagement movements;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Test
	void ledgerSumsToOnHandAndNothingGoesNegativeUnderConcurrentReceiptsTransfersAndSales() throws Exception {
		var fixtures = new InventoryFixtures(context);
		var region = fixtures.region();
		Warehouse central = fixtures.central(region);
		List<Warehouse> grids = List.of(fixtures.grid(region), fixtures.grid(region));
		List<Sku> skus = List.of(fixtures.sku("苹果"), fixtures.sku("雪梨"), fixtures.sku("香蕉"));
		Map<SkuId, AtomicLong> received = new ConcurrentHashMap<>();
		Map<SkuId, AtomicLong> sold = new ConcurrentHashMap<>();
		skus.forEach(s -> {
			received.put(s.id(), new AtomicLong());
			sold.put(s.id(), new AtomicLong());
		});
		AtomicLong refused = new AtomicLong();
		AtomicLong hugeRefused = new AtomicLong();
		AtomicLong hugeTried = new AtomicLong();
		AtomicLong transfers = new AtomicLong();
		String run = "t" + System.nanoTime();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		List<Future<?>> futures = new ArrayList<>();
		for (int t = 0; t < THREADS; t++) {
			int thread = t;
			futures.add(pool.submit(() -> {
				start.await();
				var random = ThreadLocalRandom.current();
				for (int i = 0; i < OPERATIONS; i++) {
					Sku sku = skus.get(random.nextInt(skus.size()));
					Warehouse grid = grids.get(random.nextInt(grids.size()));
					int quantity = 1 + random.nextInt(15);
					int op = random.nextInt(10);
					try {
						if (op < 3) {
							stock.receive(central.id(), sku.id(), quantity, "B" + thread + "-" + i,
									TestClock.today().minusDays(random.nextInt(3)), run + ":rcv:" + thread + ":" + i, null);
							received.get(sku.id()).addAndGet(quantity);
						}
						else if (op < 6) {
							movements.transfer(central.id(), grid.id(), sku.id(), quantity, null, Actor.system("test"));
							transfers.incrementAndGet();
						}
						else if (op < 8) {
							movements.sell(grid.id(), sku.id(), quantity, null, Actor.system("test"));
							sold.get(sku.id()).addAndGet(quantity);
						}
						else if (op < 9) {
							stock.reserve(central.id(), Map.of(sku.id(), (long) quantity), run + ":res:" + thread + ":" + i);
						}
						else {
							hugeTried.incrementAndGet();
							movements.sell(random.nextBoolean() ? central.id() : grid.id(), sku.id(), 100_000, null, Actor.system("test"));
							sold.get(sku.id()).addAndGet(100_000);
						}
					}
					catch (BusinessRuleException e) {
						assertThat(e.code()).isEqualTo("insufficient-stock");
						refused.incrementAndGet();
						if (op == 9) {
							hugeRefused.incrementAndGet();
						}
					}
				}
				return null;
			}));
		}
		start.countDown();
		for (var f : futures) {
			f.get(5, TimeUnit.MINUTES);
		}
		pool.shutdown();

		List<WarehouseId> warehouses = new ArrayList<>(List.of(central.id()));
		grids.forEach(g -> warehouses.add(g.id()));
		for (Sku sku : skus) {
			long total = 0;
			for (WarehouseId w : warehouses) {
				Stock s = stock.stock(w, sku.id());
				long ledger = jdbc.sql("select coalesce(sum(quantity), 0) from inventory.movement where warehouse_id = ? and sku_id = ?")
					.params(w.value(), sku.id().value()).query(Long.class).single();
				assertThat(ledger).as("ledger of warehouse %s sku %s", w, sku.id()).isEqualTo(s.onHand());
				assertThat(s.onHand()).isNotNegative();
				assertThat(s.reserved()).isBetween(0L, s.onHand());
				total += s.onHand();
			}
			assertThat(total).as("units of sku %s in stock", sku.id())
				.isEqualTo(received.get(sku.id()).get() - sold.get(sku.id()).get());
		}
		long badBatches = jdbc.sql("""
				select count(*) from inventory.batch b
				 where b.sku_id = any(?) and (b.remaining < 0 or b.remaining > b.received or b.remaining <>
				       (select coalesce(sum(m.quantity), 0) from inventory.movement m where m.batch_id = b.id))""")
			.param(skus.stream().map(s -> s.id().value()).toArray(Long[]::new)).query(Long.class).single();
		assertThat(badBatches).isZero();
		assertThat(hugeTried.get()).isPositive();
		assertThat(hugeRefused.get()).isEqualTo(hugeTried.get());
		assertThat(refused.get()).isGreaterThan(hugeRefused.get());
		assertThat(transfers.get()).isPositive();
		assertThat(sold.values().stream().mapToLong(AtomicLong::get).sum()).as("units sold").isPositive();
	}
}
