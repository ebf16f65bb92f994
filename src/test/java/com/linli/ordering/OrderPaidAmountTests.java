package com.linli.ordering;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.linli.catalog.CategoryId;
import com.linli.catalog.SkuId;
import com.linli.identity.AccountId;
import com.linli.marketing.DiscountKind;
import com.linli.marketing.LinePortion;
import com.linli.marketing.ListingId;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.ordering.OrderPickedUp.PickedUpLine;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Money;
import org.junit.jupiter.api.Test;

import static com.linli.marketing.DiscountKind.COUPON;
import static com.linli.marketing.DiscountKind.FULL_REDUCTION;
import static com.linli.marketing.DiscountKind.MEMBER_PRICE;
import static com.linli.marketing.DiscountKind.POINTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a line paid after its discounts, and what its refunds and pickups count: the refunded units'
 * portion of the line's paid amount, proportional to units, exact to the fen, all of them adding up to
 * the paid amount and never more; an order without promotions refunds the group price as before.
 */
class OrderPaidAmountTests {

	static final OrderLineId LINE = new OrderLineId(21), OTHER = new OrderLineId(22);

	static final Instant CREATED = Instant.parse("2026-12-09T02:00:00Z");

	static OrderLine line(OrderLineId id, long unitFen, int quantity, Map<DiscountKind, Money> shares) {
		return new OrderLine(id, new ListingId(id.value()), new SkuId(id.value()), "苹果", "500g", "袋", new CategoryId(1),
				Money.ofFen(unitFen), quantity, Money.ofFen(unitFen * quantity), 0, Money.ZERO, 0, 0, shares);
	}

	static Order order(OrderStatus status, OrderLine... lines) {
		Money total = List.of(lines).stream().map(OrderLine::paid).reduce(Money.ZERO, Money::plus);
		return new Order(new OrderId(9), "261209000009", new AccountId(5), "王", "13800000000", new RegionId(1),
				new PickupPointId(3), LocalDate.of(2026, 12, 10), status, total,
				status == OrderStatus.PENDING_PAYMENT ? Money.ZERO : total, Money.ZERO, "123456", null, CREATED,
				CREATED.plusSeconds(900), CREATED, CREATED.plusSeconds(3600), null, null, null, List.of(lines), 1, null,
				null, null);
	}

	static Map<DiscountKind, Money> shares(Object... kindsAndFen) {
		Map<DiscountKind, Money> m = new EnumMap<>(DiscountKind.class);
		for (int i = 0; i < kindsAndFen.length; i += 2) {
			m.put((DiscountKind) kindsAndFen[i], Money.ofFen(((Number) kindsAndFen[i + 1]).longValue()));
		}
		return m;
	}

	@Test
	void aLinePaysItsAmountLessItsSharesAndTheOrderTheSumOfItsLines() {
		var apples = line(LINE, 1000, 3, shares(COUPON, 100, POINTS, 1));
		var pears = line(OTHER, 600, 2, Map.of());
		assertThat(apples.paid()).isEqualTo(Money.ofFen(2899));
		assertThat(apples.discount()).isEqualTo(Money.ofFen(101));
		assertThat(apples.share(COUPON)).isEqualTo(Money.ofFen(100));
		assertThat(apples.share(MEMBER_PRICE)).isEqualTo(Money.ZERO);
		assertThat(pears.paid()).isEqualTo(pears.amount());
		assertThat(order(OrderStatus.PAID, apples, pears).linesPaid()).isEqualTo(Money.ofFen(2899 + 1200));
		// zero shares are not kept: a line without promotions equals one made with the old constructor
		assertThat(line(OTHER, 600, 2, shares(COUPON, 0))).isEqualTo(pears);
		assertThatThrownBy(() -> line(LINE, 1000, 1, shares(COUPON, -1))).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void refundsGiveBackTheUnitsShareOfWhatWasPaidAndTheLastUnitTheRemainder() {
		var order = order(OrderStatus.CONFIRMED, line(LINE, 1000, 3, shares(COUPON, 100, POINTS, 1)));
		// 2899 over 3 units: 966.33 -> 966, then 1932.67 -> 1933 for two (967 more), the last unit what is left
		assertThat(order.refundLine(LINE, 1, "DAMAGED", false, false, "a")).isEqualTo(Money.ofFen(966));
		assertThat(order.refundLine(LINE, 1, "DAMAGED", false, false, "b")).isEqualTo(Money.ofFen(967));
		assertThat(order.refundLine(LINE, 1, "DAMAGED", false, false, "c")).isEqualTo(Money.ofFen(966));
		assertThat(order.refunded()).isEqualTo(Money.ofFen(2899));
		assertThat(order.line(LINE, "lineId").refunded()).isEqualTo(order.line(LINE, "lineId").paid());
		assertThatThrownBy(() -> order.refundLine(LINE, 1, "DAMAGED", false, false, "d"))
			.isInstanceOf(BusinessRuleException.class);
		var events = order.events().stream().filter(OrderLineRefunded.class::isInstance)
			.map(OrderLineRefunded.class::cast).toList();
		assertThat(events).extracting(e -> e.amount().fen()).containsExactly(966L, 967L, 966L);
	}

	@Test
	void theSharesOfRefundedUnitsAddUpToTheLinesShares() {
		var line = line(LINE, 1000, 3, shares(COUPON, 100, POINTS, 1));
		var first = line.refundPortion(1);
		assertThat(first.paid()).isEqualTo(Money.ofFen(966));
		assertThat(first.share(COUPON)).isEqualTo(Money.ofFen(33));
		assertThat(first.share(POINTS)).isEqualTo(Money.ZERO);
		var rest = LinePortion.of(line.paid(), line.shares(), 3, 1, 2);
		assertThat(rest.paid()).isEqualTo(Money.ofFen(2899 - 966));
		assertThat(rest.share(COUPON)).isEqualTo(Money.ofFen(67));
		assertThat(rest.share(POINTS)).isEqualTo(Money.ofFen(1));
		assertThat(LinePortion.of(line.paid(), line.shares(), 3, 0, 3).shares()).isEqualTo(line.shares());
		assertThatThrownBy(() -> LinePortion.of(line.paid(), line.shares(), 3, 2, 2))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void anyWayOfRefundingEveryUnitRefundsExactlyThePaidAmountAndNeverMoreOnTheWay() {
		var random = new Random(11);
		for (int run = 0; run < 500; run++) {
			int quantity = 1 + random.nextInt(12);
			long unit = 1 + random.nextInt(5000);
			long amount = unit * quantity;
			long coupon = random.nextInt((int) Math.min(amount, 2000) + 1);
			long points = random.nextInt((int) (amount - coupon) + 1);
			var order = order(OrderStatus.CONFIRMED, line(LINE, unit, quantity, shares(COUPON, coupon, POINTS, points)));
			long paid = amount - coupon - points;
			long refunded = 0;
			long couponBack = 0;
			long pointsBack = 0;
			int left = quantity;
			int step = 0;
			while (left > 0) {
				int units = 1 + random.nextInt(left);
				var portion = order.line(LINE, "lineId").refundPortion(units);
				Money money = order.refundLine(LINE, units, "DAMAGED", false, false, "r" + step++);
				assertThat(money).isEqualTo(portion.paid());
				assertThat(money.isNegative()).isFalse();
				refunded += money.fen();
				couponBack += portion.share(COUPON).fen();
				pointsBack += portion.share(POINTS).fen();
				assertThat(refunded).as("run %d", run).isLessThanOrEqualTo(paid);
				left -= units;
			}
			assertThat(refunded).as("run %d: %d units at %d, coupon %d, points %d", run, quantity, unit, coupon, points)
				.isEqualTo(paid);
			assertThat(order.refunded().fen()).isEqualTo(paid);
			assertThat(couponBack).isEqualTo(coupon);
			assertThat(pointsBack).isEqualTo(points);
		}
	}

	@Test
	void aLineWithoutPromotionsRefundsTheGroupPriceAsBefore() {
		var order = order(OrderStatus.CONFIRMED, line(LINE, 450, 3, Map.of()), line(OTHER, 600, 2, Map.of()));
		assertThat(order.refundLine(LINE, 2, "DAMAGED", true, false, "a")).isEqualTo(Money.ofFen(900));
		assertThat(order.refundLine(OTHER, 1, "DAMAGED", false, false, "b")).isEqualTo(Money.ofFen(600));
		assertThat(order.refunded()).isEqualTo(Money.ofFen(1500));
	}

	@Test
	void aCancelRefundsWhatWasPaidForEveryLineLeft() {
		var order = order(OrderStatus.PAID, line(LINE, 1000, 3, shares(FULL_REDUCTION, 300)),
				line(OTHER, 500, 1, shares(FULL_REDUCTION, 100, COUPON, 400)));
		order.refundLine(LINE, 1, "DAMAGED", false, false, "a"); // 900 of 2700
		var cancellation = order.cancelByResident(CREATED.plusSeconds(60));
		assertThat(cancellation.refund()).isEqualTo(Money.ofFen(2700 - 900));
		assertThat(order.refunded()).isEqualTo(order.total());
		assertThat(order.lines()).allSatisfy(l -> {
			assertThat(l.refunded()).isEqualTo(l.paid());
			assertThat(l.refundedQuantity()).isEqualTo(l.quantity());
		});
		// a line whose discounts took all it cost (0 fen paid) has its units refunded too, at 0 fen
		assertThat(order.lines().get(1).paid()).isEqualTo(Money.ZERO);
		assertThat(cancellation.unitsBack()).extracting(Order.UnitsBack::units).containsExactly(2, 1);
	}

	@Test
	void commissionIsEarnedOnWhatWasPaidForTheUnitsHandedOutAndRefundsAfterPickupMatchIt() {
		var order = order(OrderStatus.READY_FOR_PICKUP, line(LINE, 1000, 3, shares(MEMBER_PRICE, 300, COUPON, 50)),
				line(OTHER, 600, 2, Map.of()));
		order.refundLine(LINE, 1, "SHORT", true, false, "short"); // 2650 / 3 = 883.33 -> 883
		List<PickedUpLine> picked = order.pickUp(List.of(), CREATED.plusSeconds(7200));
		assertThat(picked).extracting(p -> p.amount().fen()).containsExactly(2650L - 883, 1200L);
		var afterPickup = new ArrayList<Money>();
		afterPickup.add(order.refundLine(LINE, 1, "DAMAGED", false, true, "after-1"));
		afterPickup.add(order.refundLine(LINE, 1, "DAMAGED", false, true, "after-2"));
		assertThat(afterPickup.get(0).plus(afterPickup.get(1))).isEqualTo(Money.ofFen(2650 - 883));
		assertThat(order.line(LINE, "lineId").refunded()).isEqualTo(Money.ofFen(2650));
	}
}
