package com.linli.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.linli.Deadline;
import com.linli.Api;
import com.linli.IntegrationTest;
import com.linli.TestClock;
import com.linli.fulfilment.CutoffManagement;
import com.linli.fulfilment.DeliveryManagement;
import com.linli.fulfilment.Receipt;
import com.linli.identity.Actor;
import com.linli.identity.Role;
import com.linli.marketing.ListingManagement;
import com.linli.network.PickupPoint;
import com.linli.network.PickupPointManagement;
import com.linli.network.RegionId;
import com.linli.ordering.Order;
import com.linli.ordering.OrderId;
import com.linli.ordering.OrderLine;
import com.linli.ordering.OrderManagement;
import com.linli.ordering.OrderStatus;
import com.linli.payment.PaymentManagement;
import com.linli.payment.PaymentStatus;
import com.linli.payment.RefundStatus;
import com.linli.shared.Money;
import com.linli.shared.PlatformClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One simulated day of a small tagged city (6 communities, 100 residents), checked the way an
 * operator, a leader and the bookkeeper would: orders end in every state a finished day has, every
 * fen is accounted for, no listing sold beyond its cap, pickups by valid codes at the right point and
 * time, and the clock is back to now. The day runs with exaggerated rates (many walk away, cancel,
 * find goods missing) so that a small city shows every path.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DaySimulatorIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	DemoLoader loader;

	@Autowired
	com.linli.supply.PurchaseOrderManagement purchaseOrders;

	@Autowired
	DaySimulator simulator;

	@Autowired
	PickupPointManagement network;

	@Autowired
	ListingManagement listings;

	@Autowired
	OrderManagement orderManagement;

	@Autowired
	PaymentManagement payments;

	@Autowired
	CutoffManagement cutoffs;

	@Autowired
	DeliveryManagement deliveries;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	CityPlan plan;

	RegionId region;

	ZoneId zone;

	LocalDate pickupDate;

	SimulatedDay day;

	List<Order> orders;

	@BeforeAll
	void simulateYesterdaysPickupDay() {
		long unique = System.nanoTime();
		// a fixed seed: the same residents make the same choices every run (every path of the day shows);
		// the region code and phone numbers stay unique in the shared test database
		long seed = 20261123L;
		plan = new CityGenerator().generate(new DemoSettings(seed, 1, 6, 100, "D" + (unique % 100_000),
				"137" + String.format("%06d", (unique / 13) % 1_000_000)));
		zone = plan.regions().get(0).zone();
		pickupDate = LocalDate.now(clock.withZone(zone)).minusDays(1);
		// the city exists from the morning its pickup day's session opens, with that day's listings
		var platformClock = (PlatformClock) clock;
		platformClock.travelTo(pickupDate.minusDays(1).atTime(8, 0).atZone(zone).toInstant());
		try {
			region = loader.load(plan).regions().get(0);
		}
		finally {
			platformClock.reset();
		}
		var settings = DaySettings.of(seed, plan.login(Role.OPERATOR).phone(), CityGenerator.DEMO_PASSWORD)
			.withShopperShare(0.5)
			.withRates(new DayRates(0.15, 0.1, 0.75, 0.8, 0.25));
		day = simulator.simulate(region, pickupDate, settings);
		orders = jdbc.sql("select id from ordering.orders where region_id = ? and pickup_date = ? order by id")
			.params(region.value(), pickupDate).query(Long.class).list().stream()
			.map(id -> orderManagement.get(new OrderId(id))).toList();
	}

	@Test
	void theClockIsBackToNow() {
		assertThat(((PlatformClock) clock).isTravelling()).isFalse();
		assertThat(Duration.between(TestClock.now(), clock.instant()).abs()).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void theDayRanToItsEnd() {
		assertThat(day.complete()).isTrue();
		assertThat(day.pickupDate()).isEqualTo(pickupDate);
		assertThat(day.listings()).isEqualTo(plan.regions().get(0).listings().size());
		assertThat(day.shoppers()).isBetween(30, 75);
		assertThat(day.ordersPlaced() + day.ordersRefused()).isEqualTo(day.shoppers());
		assertThat(day.paid() + day.abandoned()).isEqualTo(day.ordersPlaced());
		assertThat(orders).hasSize(day.ordersPlaced());
	}

	@Test
	void ordersEndInEveryStateOfAFinishedDay() {
		Map<String, Integer> states = new HashMap<>();
		orders.forEach(o -> states.merge(o.status() + (o.cancelReason() == null ? "" : "/" + o.cancelReason()), 1,
				Integer::sum));
		assertThat(states).containsKeys("PICKED_UP", "READY_FOR_PICKUP", "CANCELLED/EXPIRED", "CANCELLED/RESIDENT_REFUND");
		assertThat(orders).noneMatch(o -> o.status() == OrderStatus.PENDING_PAYMENT || o.status() == OrderStatus.PAID
				|| o.status() == OrderStatus.CONFIRMED || o.status() == OrderStatus.SHIPPED);
		assertThat(states.get("PICKED_UP")).isEqualTo(day.pickedUp());
		assertThat(states.get("READY_FOR_PICKUP")).isEqualTo(day.partlyPickedUp() + day.waitingForPickup());
		assertThat(states.get("CANCELLED/RESIDENT_REFUND")).isEqualTo(day.cancelledAfterPaying());
		// some residents took part of their order first (and came back for the rest, or not yet)
		assertThat(orders.stream().flatMap(o -> orderManagement.timeline(o.id()).stream())
			.filter(entry -> "ordering.timeline.partlyPickedUp".equals(entry.messageKey()))).isNotEmpty();
		assertThat(orders.stream().filter(o -> o.status() == OrderStatus.READY_FOR_PICKUP)
			.filter(o -> o.lines().stream().anyMatch(l -> l.pickedUpQuantity() > 0))).hasSize(day.partlyPickedUp());
		assertThat(orders.stream().flatMap(o -> o.lines().stream()).mapToInt(OrderLine::shortQuantity).sum())
			.isEqualTo(day.shortUnits() + day.supplyShortUnits()).isGreaterThan(day.supplyShortUnits());
	}

	@Test
	void everyFenIsAccountedFor() {
		Money paid = Money.ZERO;
		Money refunded = Money.ZERO;
		Money pickedUp = Money.ZERO;
		for (Order o : orders) {
			Money handedOut = Money.ZERO;
			Money waiting = Money.ZERO;
			for (OrderLine line : o.lines()) {
				handedOut = handedOut.plus(line.unitPrice().times(line.pickedUpQuantity()));
				waiting = waiting.plus(line.unitPrice().times(line.remainingQuantity()));
			}
			if (o.status() != OrderStatus.READY_FOR_PICKUP) {
				waiting = Money.ZERO;
			}
			assertThat(o.paid()).as(o.orderNo()).isEqualTo(o.refunded().plus(handedOut).plus(waiting));
			var payment = payments.get(OrderManagement.merchantReference(o.id()));
			assertThat(payment.amount()).isEqualTo(o.total());
			if (o.paid().isZero()) {
				assertThat(o.cancelReason()).isIn("EXPIRED", "CUTOFF_UNPAID");
				assertThat(payment.status()).isEqualTo(PaymentStatus.CLOSED);
			}
			else {
				assertThat(o.paid()).isEqualTo(o.total());
				assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
				assertThat(payment.refunded()).isEqualTo(o.refunded());
				var refunds = payments.refunds(payment.merchantReference());
				assertThat(refunds).allSatisfy(r -> assertThat(r.status()).isEqualTo(RefundStatus.SUCCEEDED));
				assertThat(refunds.stream().map(r -> r.amount()).reduce(Money.ZERO, Money::plus)).isEqualTo(o.refunded());
			}
			paid = paid.plus(o.paid());
			refunded = refunded.plus(o.refunded());
			pickedUp = pickedUp.plus(handedOut);
		}
		assertThat(paid).isEqualTo(day.paidAmount());
		assertThat(refunded).isEqualTo(day.refundedAmount()).isGreaterThan(Money.ZERO);
		assertThat(pickedUp).isEqualTo(day.pickedUpAmount()).isGreaterThan(Money.ZERO);
	}

	@Test
	void noListingSoldBeyondItsCap() {
		var day = listings.listingsFor(region, pickupDate);
		assertThat(day).isNotEmpty();
		Map<Long, Integer> held = new HashMap<>();
		for (Order o : orders) {
			boolean released = o.status() == OrderStatus.CANCELLED && !"ALL_SHORT".equals(o.cancelReason());
			if (!released) {
				o.lines().forEach(l -> held.merge(l.listingId().value(), l.quantity(), Integer::sum));
			}
		}
		assertThat(day).allSatisfy(l -> {
			assertThat(l.sold()).isLessThanOrEqualTo(l.stockCap());
			assertThat(l.sold()).as("units held by the day's orders").isEqualTo(held.getOrDefault(l.id().value(), 0));
		});
		assertThat(day.stream().mapToInt(l -> l.sold()).sum()).isPositive();
	}

	@Test
	void theCutoffWroteSortingListsAndEveryPointReceivedItsGoods() {
		var run = cutoffs.find(region, pickupDate, Actor.system("test")).orElseThrow();
		assertThat(run.isCompleted()).isTrue();
		var confirmed = orders.stream().filter(o -> o.status() != OrderStatus.CANCELLED || "ALL_SHORT".equals(o.cancelReason()))
			.toList();
		assertThat(run.orders()).isEqualTo(confirmed.size()).isEqualTo(day.confirmed());
		assertThat(run.units()).isEqualTo(confirmed.stream().flatMap(o -> o.lines().stream()).mapToLong(OrderLine::quantity).sum());
		assertThat(cutoffs.demand(run.id(), Actor.system("test"))).isNotEmpty();
		assertThat(deliveries.dispatches(run.id(), Actor.system("test"))).isNotEmpty()
			.allSatisfy(d -> assertThat(d.dispatchedAt()).isBetween(at(pickupDate, LocalTime.of(5, 0)), at(pickupDate, LocalTime.of(5, 46))));
		List<Receipt> receipts = new ArrayList<>();
		confirmed.stream().map(Order::pickupPointId).distinct()
			.forEach(point -> receipts.addAll(deliveries.receipts(point, pickupDate)));
		assertThat(receipts).hasSize((int) confirmed.stream().map(Order::pickupPointId).distinct().count());
		assertThat(receipts.stream().mapToInt(Receipt::shortUnits).sum()).isEqualTo(day.shortUnits());
		assertThat(receipts.stream().filter(r -> r.shortUnits() > 0)).hasSize(day.shortPickupPoints());
	}

	@Test
	void theNightsPurchaseOrdersWereSentConfirmedAndReceivedBeforeTheTrucksLeft() {
		var run = cutoffs.find(region, pickupDate, Actor.system("test")).orElseThrow();
		var pos = purchaseOrders.ofRun(run.id().value());
		assertThat(pos).isNotEmpty().hasSize(day.purchaseOrders());
		assertThat(pos).allSatisfy(po -> {
			assertThat(po.status()).isEqualTo(com.linli.supply.PurchaseOrderStatus.DELIVERED);
			assertThat(po.sentAt()).isAfter(at(pickupDate, LocalTime.of(0, 0)));
			assertThat(po.deliveredAt()).isBetween(at(pickupDate, LocalTime.of(2, 0)), at(pickupDate, LocalTime.of(5, 0)));
			assertThat(po.announcedAt()).isNotNull();
			assertThat(po.lines()).allSatisfy(l -> assertThat(l.received()).isTrue());
		});
		int refunded = pos.stream().flatMap(po -> purchaseOrders.shortages(po.id()).stream())
			.mapToInt(com.linli.supply.Shortage::refundedUnits).sum();
		assertThat(refunded).isEqualTo(day.supplyShortUnits());
	}

	@Test
	void everythingHappenedAtItsSimulatedTime() {
		Instant opens = at(pickupDate.minusDays(1), LocalTime.of(10, 0));
		Instant cutoff = at(pickupDate.minusDays(1), LocalTime.of(23, 0));
		Map<Long, PickupPoint> points = new HashMap<>();
		network.pickupPoints(region).forEach(p -> points.put(p.id().value(), p));
		for (Order o : orders) {
			assertThat(o.createdAt()).isBetween(opens, cutoff);
			if (o.paidAt() != null) {
				assertThat(o.paidAt()).isAfter(o.createdAt()).isBefore(o.createdAt().plus(Duration.ofMinutes(15)));
			}
			if (o.readyAt() != null) {
				assertThat(o.readyAt()).isBetween(at(pickupDate, LocalTime.of(5, 0)), at(pickupDate, LocalTime.of(8, 0)));
			}
			if (o.pickedUpAt() != null) {
				var point = points.get(o.pickupPointId().value());
				assertThat(o.pickedUpAt()).isAfter(o.readyAt());
				assertThat(o.pickedUpAt().atZone(zone).toLocalDate()).isEqualTo(pickupDate);
				assertThat(o.pickedUpAt().atZone(zone).toLocalTime()).isAfterOrEqualTo(point.opensAt())
					.isBefore(point.closesAt().plusMinutes(1));
			}
		}
		var confirmed = jdbc.sql("select min(confirmed_at), max(confirmed_at) from ordering.orders where region_id = ? and pickup_date = ?")
			.params(region.value(), pickupDate)
			.query((rs, n) -> List.of(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant())).single();
		assertThat(confirmed).allSatisfy(t -> assertThat(t).isBetween(cutoff, cutoff.plusSeconds(60)));
	}

	@Test
	void theLeaderSeesThePickupsAndAUsedCodeIsRefused() {
		var leader = Api.at(port).as(plan.login(Role.LEADER).phone(), CityGenerator.DEMO_PASSWORD);
		var list = leader.get("/api/leader/orders?date=" + pickupDate + "&size=200");
		assertThat(list.status()).isEqualTo(200);
		long point = list.json().get("pickupPointId").asLong();
		List<Order> here = orders.stream().filter(o -> o.pickupPointId().value() == point && o.status() != OrderStatus.CANCELLED)
			.toList();
		List<Long> listed = new ArrayList<>();
		list.json().get("orders").get("items").forEach(o -> listed.add(o.get("id").asLong()));
		assertThat(listed).containsAll(here.stream().map(o -> o.id().value()).toList());
		for (Order o : here) {
			assertThat(o.pickupCode()).matches("\\d{6}");
			var lookUp = leader.get("/api/leader/pickups/" + o.pickupCode());
			if (o.status() == OrderStatus.PICKED_UP) {
				assertThat(lookUp.status()).isEqualTo(409);
				assertThat(lookUp.json().get("code").asText()).isEqualTo("pickup-code-used");
			}
			else {
				assertThat(lookUp.status()).isEqualTo(200);
				assertThat(lookUp.json().get("id").asLong()).isEqualTo(o.id().value());
			}
		}
	}

	@Test
	void residentsHearOfTheirOrdersAndLeadersEarnOnPickups() {
		var collected = orders.stream().filter(o -> o.status() == OrderStatus.PICKED_UP).findFirst().orElseThrow();
		var resident = orderManagement.get(collected.id()).recipientPhone();
		var messages = Api.at(port).as(resident, CityGenerator.DEMO_PASSWORD).get("/api/messages?size=50");
		assertThat(messages.status()).isEqualTo(200);
		List<String> kinds = new ArrayList<>();
		messages.json().get("items").forEach(m -> kinds.add(m.get("kind").asText()));
		assertThat(kinds).contains("ORDER_PAID", "ORDER_READY");
		long accrued = awaitAccruals(collected);
		assertThat(accrued).isPositive();
	}

	/** Commission entries of the collected order's lines, once the leader module has reacted. */
	private long awaitAccruals(Order collected) {
		Deadline deadline = Deadline.inMillis(10_000);
		long count;
		do {
			count = jdbc.sql("select count(*) from leader.commission_entry where order_id = ?")
				.param(collected.id().value()).query(Long.class).single();
		}
		while (count == 0 && !deadline.passed() && pause());
		return count;
	}

	private static boolean pause() {
		try {
			Thread.sleep(50);
			return true;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private Instant at(LocalDate date, LocalTime time) {
		return date.atTime(time).atZone(zone).toInstant();
	}
}
