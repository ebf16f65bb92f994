package com.linli.marketing.points;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.catalog.CategoryId;
import com.linli.catalog.SkuId;
import com.linli.identity.AccountId;
import com.linli.marketing.CheckInManagement;
import com.linli.marketing.DiscountKind;
import com.linli.marketing.ListingId;
import com.linli.marketing.OrderPromotions;
import com.linli.marketing.PlacedOrder;
import com.linli.marketing.PriceEngine;
import com.linli.marketing.PriceQuote;
import com.linli.marketing.PriceRequest;
import com.linli.marketing.internal.PointsGrants;
import com.linli.marketing.internal.points.PointsExpiry;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static com.linli.marketing.points.PointsTestSupport.assertLedgerBalances;
import static com.linli.marketing.points.PointsTestSupport.idOf;
import static com.linli.marketing.points.PointsTestSupport.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Points through HTTP and through the order hooks: check-in once a day with its streak, points spent at
 * placement and earned at payment, given back and reversed on cancellation and line refunds, yearly expiry
 * oldest first; after every test the ledger of every resident balances.
 */
@IntegrationTest
class PointsIntegrationTests {

	static final AtomicOrders ORDERS = new AtomicOrders();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	PointsGrants grants;

	@Autowired
	PriceEngine engine;

	@Autowired
	OrderPromotions promotions;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	CheckInManagement checkIns;

	@Autowired
	PointsExpiry expiry;

	@AfterEach
	void everyLedgerBalances() {
		assertLedgerBalances(jdbc);
	}

	@Test
	void aResidentChecksInOnceADayAndSeesThePointsInTheLedger() {
		Api resident = Api.at(port).newResident();
		var first = resident.post("/api/marketing/check-in", Map.of());
		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(first.json().get("streak").asInt()).isEqualTo(1);
		assertThat(first.json().get("points").asLong()).isEqualTo(5);
		assertThat(first.json().get("checkedIn").asBoolean()).isTrue();

		var again = resident.post("/api/marketing/check-in", Map.of());
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.errorFields()).containsExactly("day");

		var points = resident.get("/api/marketing/points").json();
		assertThat(points.get("balance").asLong()).isEqualTo(5);
		assertThat(points.get("entries")).hasSize(1);
		assertThat(points.get("entries").get(0).get("kind").asText()).isEqualTo("EARNED");
		assertThat(points.get("entries").get(0).get("reasonCode").asText()).isEqualTo("marketing.points.reason.checkIn");
		assertThat(resident.get("/api/marketing/membership").json().get("growth").asLong()).isEqualTo(1);
	}

	@Test
	void checkInsAtTheSameMomentCountOnce() throws Exception {
		Api resident = Api.at(port).newResident();
		var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
		try {
			var start = new java.util.concurrent.CountDownLatch(1);
			List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
			for (int i = 0; i < 6; i++) {
				answers.add(pool.submit(() -> {
					start.await();
					return resident.post("/api/marketing/check-in", Map.of()).status();
				}));
			}
			start.countDown();
			List<Integer> statuses = new java.util.ArrayList<>();
			for (var answer : answers) {
				statuses.add(answer.get());
			}
			assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
			assertThat(statuses).filteredOn(s -> s == 409).hasSize(5);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(resident.get("/api/marketing/points").json().get("balance").asLong()).isEqualTo(5);
	}

	@Test
	void theSeventhDayInARowGivesTheBonusAndAMissedDayStartsAgain() {
		Api resident = Api.at(port).newResident();
		AccountId id = idOf(resident);
		LocalDate today = checkIns.today(id, clock.instant());
		jdbc.sql("insert into marketing.check_in (resident_id, day, streak, points, at) values (?, ?, 6, 5, ?)")
			.params(id.value(), today.minusDays(1), java.sql.Timestamp.from(clock.instant())).update();
		var before = resident.get("/api/marketing/check-in").json();
		assertThat(before.get("checkedIn").asBoolean()).isFalse();
		assertThat(before.get("streak").asInt()).isEqualTo(6);
		assertThat(before.get("points").asLong()).isEqualTo(20);
		assertThat(before.get("checkInsToBonus").asInt()).isEqualTo(1);

		var seventh = resident.post("/api/marketing/check-in", Map.of()).json();
		assertThat(seventh.get("streak").asInt()).isEqualTo(7);
		assertThat(seventh.get("points").asLong()).isEqualTo(20);
		assertThat(seventh.get("nextPoints").asLong()).isEqualTo(5);

		Api other = Api.at(port).newResident();
		AccountId otherId = idOf(other);
		jdbc.sql("insert into marketing.check_in (resident_id, day, streak, points, at) values (?, ?, 9, 5, ?)")
			.params(otherId.value(), today.minusDays(2), java.sql.Timestamp.from(clock.instant())).update();
		assertThat(other.post("/api/marketing/check-in", Map.of()).json().get("streak").asInt()).isEqualTo(1);
	}

	@Test
	void pointsSpentAtPlacementEarnedAtPaymentAndGivenBackOnALineRefund() {
		AccountId resident = idOf(Api.at(port).newResident());
		Instant now = clock.instant();
		grants.award(resident, 1000, "marketing.points.reason.checkIn|1", "test:" + resident.value() + ":start", now);

		long orderId = ORDERS.next();
		PriceQuote quote = engine.quote(request(resident, 300));
		assertThat(quote.pointsUsed()).isEqualTo(300);
		assertThat(quote.payable()).isEqualTo(Money.ofFen(2200));
		PlacedOrder order = placed(orderId, resident, quote, 300);
		inTransaction(() -> promotions.placed(order));
		inTransaction(() -> promotions.placed(order)); // a retry spends nothing more
		assertThat(grants.balance(resident)).isEqualTo(700);

		inTransaction(() -> promotions.paid(orderId, resident, new RegionId(1), quote.payable(), now));
		inTransaction(() -> promotions.paid(orderId, resident, new RegionId(1), quote.payable(), now));
		assertThat(grants.balance(resident)).isEqualTo(722); // 22 yuan paid: 22 points

		// both units of the first line refunded: its share of the points spent comes back, earned ones go in proportion
		var line = quote.lines().get(0);
		inTransaction(() -> promotions.lineRefunded(orderId, 11, resident, 2, line.payable(), line.shares(), now));
		inTransaction(() -> promotions.lineRefunded(orderId, 11, resident, 2, line.payable(), line.shares(), now));
		assertThat(line.share(DiscountKind.POINTS)).isEqualTo(Money.ofFen(240));
		assertThat(sum(jdbc, resident, "GIVEN_BACK")).isEqualTo(240);
		assertThat(sum(jdbc, resident, "REVERSED")).isEqualTo(18); // 17.60 of 22.00 paid: 17.6 of 22 points
		assertThat(grants.balance(resident)).isEqualTo(722 + 240 - 18);

		// the rest of the order is cancelled: the remaining spent points back, the remaining earned ones reversed
		inTransaction(() -> promotions.cancelled(orderId, resident, now));
		inTransaction(() -> promotions.cancelled(orderId, resident, now));
		assertThat(sum(jdbc, resident, "GIVEN_BACK")).isEqualTo(300);
		assertThat(sum(jdbc, resident, "REVERSED")).isEqualTo(22);
		assertThat(grants.balance(resident)).isEqualTo(1000);
	}

	@Test
	void aCancelledOrderGivesBackItsPointsAndReversesWhatItEarned() {
		AccountId resident = idOf(Api.at(port).newResident());
		Instant now = clock.instant();
		grants.award(resident, 500, "marketing.points.reason.checkIn|1", "test:" + resident.value() + ":start", now);
		long orderId = ORDERS.next();
		PriceQuote quote = engine.quote(request(resident, 500));
		inTransaction(() -> promotions.placed(placed(orderId, resident, quote, 500)));
		inTransaction(() -> promotions.paid(orderId, resident, new RegionId(1), quote.payable(), now));
		assertThat(grants.balance(resident)).isEqualTo(20);
		inTransaction(() -> promotions.cancelled(orderId, resident, now));
		assertThat(grants.balance(resident)).isEqualTo(500);
		assertThat(sum(jdbc, resident, "EARNED")).isEqualTo(520);
		assertThat(sum(jdbc, resident, "REVERSED")).isEqualTo(20);
	}

	@Test
	void placingAnOrderWithMorePointsThanTheBalanceIsRefusedAndChangesNothing() {
		AccountId resident = idOf(Api.at(port).newResident());
		Instant now = clock.instant();
		grants.award(resident, 300, "marketing.points.reason.checkIn|1", "test:" + resident.value() + ":start", now);
		PriceQuote quote = engine.quote(request(resident, 300));
		grants.spend(resident, 100, "marketing.points.reason.checkIn|1", "test:" + resident.value() + ":elsewhere", now);
		long orderId = ORDERS.next();
		assertThatThrownBy(() -> inTransaction(() -> promotions.placed(placed(orderId, resident, quote, 300))))
			.isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.field()).isEqualTo("points"));
		assertThat(grants.balance(resident)).isEqualTo(200);
		assertThat(jdbc.sql("select count(*) from marketing.points_order where order_id = ?").param(orderId)
			.query(Long.class).single()).isZero();
		assertThatThrownBy(() -> engine.quote(request(resident, 300)))
			.isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("points-above-balance"));
	}

	@Test
	void pointsExpireAtTheEndOfTheFollowingYearOldestFirstOnce() {
		AccountId keeps = idOf(Api.at(port).newResident());
		AccountId spentThem = idOf(Api.at(port).newResident());
		ZoneId zone = clock.getZone();
		Instant in2020 = LocalDate.of(2020, 3, 1).atStartOfDay(zone).toInstant();
		Instant in2021 = LocalDate.of(2021, 5, 1).atStartOfDay(zone).toInstant();
		grants.award(keeps, 100, "marketing.points.reason.checkIn|1", "test:" + keeps.value() + ":2020", in2020);
		grants.award(keeps, 50, "marketing.points.reason.checkIn|1", "test:" + keeps.value() + ":2021", in2021);
		grants.spend(keeps, 30, "marketing.points.reason.checkIn|1", "test:" + keeps.value() + ":spend", in2021.plusSeconds(60));
		grants.award(spentThem, 100, "marketing.points.reason.checkIn|1", "test:" + spentThem.value() + ":2020", in2020);
		grants.award(spentThem, 50, "marketing.points.reason.checkIn|1", "test:" + spentThem.value() + ":2021", in2021);
		grants.spend(spentThem, 120, "marketing.points.reason.checkIn|1", "test:" + spentThem.value() + ":spend", in2021.plusSeconds(60));

		Instant newYear2022 = LocalDate.of(2022, 1, 1).atStartOfDay(zone).toInstant().plusSeconds(900);
		long expired = expiry.expireYear(2020, newYear2022);
		assertThat(expired).isGreaterThanOrEqualTo(70);
		// what was spent came from the 2020 points first: 70 of them are left, and expire; 2021's stay
		assertThat(sum(jdbc, keeps, "EXPIRED")).isEqualTo(70);
		assertThat(grants.balance(keeps)).isEqualTo(50);
		assertThat(sum(jdbc, spentThem, "EXPIRED")).isZero();
		assertThat(grants.balance(spentThem)).isEqualTo(30);

		assertThat(expiry.expireYear(2020, newYear2022.plusSeconds(60))).isZero();
		assertThat(sum(jdbc, keeps, "EXPIRED")).isEqualTo(70);
	}

	private PriceRequest request(AccountId resident, long points) {
		return new PriceRequest(resident, new RegionId(1), new PickupPointId(1), List.of(
				new PriceRequest.Line(new ListingId(900_000_001), new SkuId(1), new CategoryId(1), Money.ofFen(1000), 2),
				new PriceRequest.Line(new ListingId(900_000_002), new SkuId(2), new CategoryId(1), Money.ofFen(500), 1)),
				null, points, null);
	}

	private PlacedOrder placed(long orderId, AccountId resident, PriceQuote quote, long points) {
		return new PlacedOrder(orderId, resident, new RegionId(1), new PickupPointId(1), request(resident, points), quote,
				Map.of(new ListingId(900_000_001), 11L, new ListingId(900_000_002), 12L), clock.instant());
	}

	private void inTransaction(Runnable work) {
		transactions.executeWithoutResult(s -> work.run());
	}

	/** Order ids of these tests: far above any real order's. */
	static final class AtomicOrders {

		private final java.util.concurrent.atomic.AtomicLong next = new java.util.concurrent.atomic.AtomicLong(
				8_000_000_000L + System.nanoTime() % 1_000_000_000L);

		long next() {
			return next.incrementAndGet();
		}
	}
}
