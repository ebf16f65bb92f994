package com.linli.ordering;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.linli.catalog.CategoryId;
import com.linli.catalog.SkuId;
import com.linli.identity.AccountId;
import com.linli.marketing.ListingId;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import static com.linli.ordering.OrderStatus.CANCELLED;
import static com.linli.ordering.OrderStatus.CONFIRMED;
import static com.linli.ordering.OrderStatus.PAID;
import static com.linli.ordering.OrderStatus.PENDING_PAYMENT;
import static com.linli.ordering.OrderStatus.PICKED_UP;
import static com.linli.ordering.OrderStatus.READY_FOR_PICKUP;
import static com.linli.ordering.OrderStatus.SHIPPED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@link Order} aggregate and its {@link OrderStatus} without Spring: every allowed and every refused
 * move, with the amounts and the events each registers.
 */
class OrderTests {

	static final Instant CREATED = Instant.parse("2026-12-09T02:00:00Z");

	static final Instant EXPIRES = CREATED.plusSeconds(15 * 60);

	static final Instant CUTOFF = Instant.parse("2026-12-09T14:00:00Z");

	static final Instant BEFORE_CUTOFF = CREATED.plusSeconds(60);

	static final Instant AFTER_CUTOFF = CUTOFF.plusSeconds(60);

	static final OrderLineId APPLES = new OrderLineId(11), PEARS = new OrderLineId(12);

	/** 3 apples at 4.50 and 2 pears at 6.00: 25.50 in all. */
	static Order order(OrderStatus status) {
		boolean paid = status != PENDING_PAYMENT && status != CANCELLED;
		var lines = List.of(
				new OrderLine(APPLES, new ListingId(1), new SkuId(1), "苹果", "500g", "袋", new CategoryId(1),
						Money.ofFen(450), 3, Money.ofFen(1350), 0, Money.ZERO, 0, status == PICKED_UP ? 3 : 0),
				new OrderLine(PEARS, new ListingId(2), new SkuId(2), "梨", "1kg", "袋", new CategoryId(1),
						Money.ofFen(600), 2, Money.ofFen(1200), 0, Money.ZERO, 0, status == PICKED_UP ? 2 : 0));
		return new Order(new OrderId(7), "261209000007", new AccountId(5), "王", "13800000000", new RegionId(1),
				new PickupPointId(3), LocalDate.of(2026, 12, 10), status, Money.ofFen(2550),
				paid ? Money.ofFen(2550) : Money.ZERO, Money.ZERO, paid ? "123456" : null, null, CREATED, EXPIRES,
				paid ? CREATED : null, CUTOFF, null, null, null, lines, 4, null, null, null);
	}

	static void assertIllegal(Runnable move, String code, OrderStatus current) {
		assertThatThrownBy(move::run).isInstanceOfSatisfying(BusinessRuleException.class, e -> {
			assertThat(e).isNotInstanceOf(InvalidInputException.class);
			assertThat(e.code()).isEqualTo(code);
			if (List.of("ordering.problem.illegalTransition", "ordering.problem.notCancellable",
					"ordering.problem.refundNotInStatus").contains(String.valueOf(e.text().code()))) {
				// the refusal names the state the order is in
				assertThat(List.of(e.text().args())).contains(current.name());
			}
		});
	}

	// ---- the status enum: every pair ---------------------------------------------------------------

	static Stream<Arguments> everyPair() {
		List<Arguments> pairs = new ArrayList<>();
		for (var from : OrderStatus.values()) {
			for (var to : OrderStatus.values()) {
				pairs.add(Arguments.of(from, to));
			}
		}
		return pairs.stream();
	}

	static final Set<List<OrderStatus>> ALLOWED = Set.of(List.of(PENDING_PAYMENT, PAID),
			List.of(PENDING_PAYMENT, CANCELLED), List.of(PAID, CONFIRMED), List.of(PAID, CANCELLED),
			List.of(CONFIRMED, SHIPPED), List.of(CONFIRMED, READY_FOR_PICKUP), List.of(CONFIRMED, CANCELLED),
			List.of(SHIPPED, READY_FOR_PICKUP), List.of(SHIPPED, CANCELLED), List.of(READY_FOR_PICKUP, PICKED_UP));

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("everyPair")
	void theStatusOwnsItsMovesAndARefusalNamesBoth(OrderStatus from, OrderStatus to) {
		if (ALLOWED.contains(List.of(from, to))) {
			assertThat(from.canBecome(to)).isTrue();
			assertThat(from.to(to)).isEqualTo(to);
		}
		else {
			assertThat(from.canBecome(to)).isFalse();
			assertThatThrownBy(() -> from.to(to)).isInstanceOfSatisfying(BusinessRuleException.class, e -> {
				assertThat(e.code()).isEqualTo("illegal-order-transition");
				assertThat(e.text().code()).isEqualTo("ordering.problem.illegalTransition");
				assertThat(e.text().args()).containsExactly(from.name(), to.name());
			});
		}
	}

	@Test
	void theRepositoryMovesFromWhatTheEnumAllows() {
		assertThat(OrderStatus.from(READY_FOR_PICKUP)).containsExactlyInAnyOrder("CONFIRMED", "SHIPPED");
		assertThat(OrderStatus.from(CANCELLED)).containsExactlyInAnyOrder("PENDING_PAYMENT", "PAID", "CONFIRMED",
				"SHIPPED");
		assertThat(PICKED_UP.next()).isEmpty();
		assertThat(CANCELLED.next()).isEmpty();
	}

	// ---- each aggregate move, from every status --------------------------------------------------

	/** Runs {@code move} on an order in every status: those in {@code allowed} succeed, every other is refused. */
	static void fromEveryStatus(Set<OrderStatus> allowed, Consumer<Order> move, Consumer<Order> then) {
		for (var status : OrderStatus.values()) {
			var order = order(status);
			if (allowed.contains(status)) {
				move.accept(order);
				then.accept(order);
			}
			else {
				assertThatThrownBy(() -> move.accept(order)).as("from " + status)
					.isInstanceOf(BusinessRuleException.class);
				assertThat(order.status()).as("unchanged after a refusal from " + status).isEqualTo(status);
				assertThat(order.events()).isEmpty();
				assertThat(order.changedLines()).isEmpty();
			}
		}
	}

	@Test
	void onlyAnUnpaidOrderIsPaidAndItGetsItsPickupCode() {
		fromEveryStatus(EnumSet.of(PENDING_PAYMENT), o -> o.pay(Money.ofFen(2550), "654321", BEFORE_CUTOFF), o -> {
			assertThat(o.status()).isEqualTo(PAID);
			assertThat(o.paid()).isEqualTo(Money.ofFen(2550));
			assertThat(o.pickupCode()).isEqualTo("654321");
			assertThat(o.paidAt()).isEqualTo(BEFORE_CUTOFF);
			assertThat(o.events()).singleElement().isInstanceOfSatisfying(OrderPaid.class, e -> {
				assertThat(e.paid()).isEqualTo(Money.ofFen(2550));
				assertThat(e.pickupCode()).isEqualTo("654321");
			});
		});
	}

	@Test
	void aPaymentOfAnotherAmountIsRefused() {
		var order = order(PENDING_PAYMENT);
		assertIllegal(() -> order.pay(Money.ofFen(100), "654321", BEFORE_CUTOFF), "payment-amount-mismatch",
				PENDING_PAYMENT);
		assertThat(order.status()).isEqualTo(PENDING_PAYMENT);
		assertThat(order.events()).isEmpty();
	}

	@Test
	void theResidentCancelsUnpaidAtAnyTimeAndPaidBeforeCutoffWithAFullRefund() {
		fromEveryStatus(EnumSet.of(PENDING_PAYMENT, PAID), o -> o.cancelByResident(BEFORE_CUTOFF), o -> {
			assertThat(o.status()).isEqualTo(CANCELLED);
			assertThat(o.cancelledAt()).isEqualTo(BEFORE_CUTOFF);
			var event = (OrderCancelled) o.events().get(0);
			if (o.paid().isZero()) {
				assertThat(o.cancelReason()).isEqualTo(Order.RESIDENT);
				assertThat(o.refunded()).isEqualTo(Money.ZERO);
				assertThat(event.refunded()).isEqualTo(Money.ZERO);
			}
			else {
				assertThat(o.cancelReason()).isEqualTo(Order.RESIDENT_REFUND);
				assertThat(o.refunded()).isEqualTo(Money.ofFen(2550));
				assertThat(o.netPaid()).isEqualTo(Money.ZERO);
				assertThat(o.lines()).allSatisfy(l -> {
					assertThat(l.refundedQuantity()).isEqualTo(l.quantity());
					assertThat(l.remainingQuantity()).isZero();
				});
				assertThat(o.changedLines()).containsExactly(APPLES, PEARS);
				assertThat(event.refunded()).isEqualTo(Money.ofFen(2550));
			}
		});
		var unpaid = order(PENDING_PAYMENT).cancelByResident(AFTER_CUTOFF);
		assertThat(unpaid.unitsBack()).containsExactly(new Order.UnitsBack(new ListingId(1), 3),
				new Order.UnitsBack(new ListingId(2), 2));
	}

	@Test
	void aPaidOrderCannotBeCancelledPastItsCutoff() {
		var order = order(PAID);
		assertThatThrownBy(() -> order.cancelByResident(AFTER_CUTOFF)).isInstanceOfSatisfying(
				BusinessRuleException.class, e -> {
					assertThat(e.code()).isEqualTo("not-cancellable");
					assertThat(e.text().code()).isEqualTo("ordering.problem.pastCutoffOrderCanNoLonger");
				});
		assertThatThrownBy(() -> order.cancelByStaff(AFTER_CUTOFF)).isInstanceOfSatisfying(BusinessRuleException.class,
				e -> assertThat(e.text().code()).isEqualTo("ordering.problem.staffCancelPastCutoff"));
		assertThat(order.status()).isEqualTo(PAID);
	}

	@Test
	void aRefusedResidentCancelNamesTheStatus() {
		assertIllegal(() -> order(SHIPPED).cancelByResident(BEFORE_CUTOFF), "not-cancellable", SHIPPED);
	}

	@Test
	void staffCancelWithinTheSameWindowAndARefundLeavesWhatAnOperatorRefundedAlready() {
		fromEveryStatus(EnumSet.of(PENDING_PAYMENT, PAID), o -> o.cancelByStaff(BEFORE_CUTOFF), o -> assertThat(
				o.cancelReason()).isEqualTo(o.paid().isZero() ? Order.STAFF : Order.STAFF_REFUND));
		var order = order(PAID);
		order.refundLine(APPLES, 1, "QUALITY", false, false, "line:11:staff:k");
		var cancellation = order.cancelByStaff(BEFORE_CUTOFF);
		assertThat(cancellation.refund()).isEqualTo(Money.ofFen(2100));
		assertThat(order.refunded()).isEqualTo(Money.ofFen(2550));
		// the refunded apple went back to the listing then: two come back now
		assertThat(cancellation.unitsBack()).containsExactly(new Order.UnitsBack(new ListingId(1), 2),
				new Order.UnitsBack(new ListingId(2), 2));
	}

	@Test
	void onlyAnUnpaidOrderPastItsPaymentWindowExpires() {
		fromEveryStatus(EnumSet.of(PENDING_PAYMENT), o -> o.expire(EXPIRES), o -> {
			assertThat(o.status()).isEqualTo(CANCELLED);
			assertThat(o.cancelReason()).isEqualTo(Order.EXPIRED);
			assertThat(o.events()).singleElement().isInstanceOf(OrderCancelled.class);
		});
		var order = order(PENDING_PAYMENT);
		assertIllegal(() -> order.expire(EXPIRES.minusSeconds(1)), "payment-window-open", PENDING_PAYMENT);
		assertThat(order.status()).isEqualTo(PENDING_PAYMENT);
	}

	@Test
	void theCutoffCancelsOnlyUnpaidOrdersEarlyOrUnpaid() {
		fromEveryStatus(EnumSet.of(PENDING_PAYMENT), o -> o.cancelAtCutoff(AFTER_CUTOFF),
				o -> assertThat(o.cancelReason()).isEqualTo(Order.CUTOFF_UNPAID));
		var early = order(PENDING_PAYMENT);
		assertThat(early.cancelAtCutoff(BEFORE_CUTOFF).reason()).isEqualTo(Order.CUTOFF_EARLY);
		assertThat(early.refunded()).isEqualTo(Money.ZERO);
	}

	@Test
	void onlyAPaidOrderIsConfirmed() {
		fromEveryStatus(EnumSet.of(PAID), o -> o.confirm(AFTER_CUTOFF), o -> {
			assertThat(o.status()).isEqualTo(CONFIRMED);
			assertThat(o.confirmedAt()).isEqualTo(AFTER_CUTOFF);
		});
	}

	@Test
	void onlyAConfirmedOrderIsShipped() {
		fromEveryStatus(EnumSet.of(CONFIRMED), o -> o.ship(AFTER_CUTOFF), o -> {
			assertThat(o.status()).isEqualTo(SHIPPED);
			assertThat(o.shippedAt()).isEqualTo(AFTER_CUTOFF);
		});
	}

	@Test
	void aConfirmedOrShippedOrderBecomesReadyForPickup() {
		fromEveryStatus(EnumSet.of(CONFIRMED, SHIPPED), o -> o.makeReadyForPickup(AFTER_CUTOFF), o -> {
			assertThat(o.status()).isEqualTo(READY_FOR_PICKUP);
			assertThat(o.readyAt()).isEqualTo(AFTER_CUTOFF);
			assertThat(o.events()).singleElement().isInstanceOfSatisfying(OrderReadyForPickup.class,
					e -> assertThat(e.pickupCode()).isEqualTo("123456"));
		});
	}

	@Test
	void anOrderWithNothingLeftIsNotReadyButCancelledAllShort() {
		var order = order(SHIPPED);
		order.refundLine(APPLES, 3, "SHORTAGE", true, false, "a");
		order.refundLine(PEARS, 2, "SHORTAGE", true, false, "b");
		assertIllegal(() -> order.makeReadyForPickup(AFTER_CUTOFF), "nothing-to-deliver", SHIPPED);
		order.cancelAllRefunded(AFTER_CUTOFF);
		assertThat(order.status()).isEqualTo(CANCELLED);
		assertThat(order.cancelReason()).isEqualTo(Order.ALL_SHORT);
		assertThat(order.refunded()).isEqualTo(Money.ofFen(2550));
		// the refunds told the resident; no cancel event on top
		assertThat(order.events()).hasSize(2).allMatch(OrderLineRefunded.class::isInstance);
	}

	@Test
	void onlyAReceivedOrderWithEverythingRefundedIsCancelledAllShort() {
		for (var status : OrderStatus.values()) {
			var order = order(status);
			if (status == CONFIRMED || status == SHIPPED) {
				assertThatThrownBy(() -> order.cancelAllRefunded(AFTER_CUTOFF)).isInstanceOfSatisfying(
						BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("units-left"));
			}
			else {
				assertThatThrownBy(() -> order.cancelAllRefunded(AFTER_CUTOFF)).as("from " + status)
					.isInstanceOf(BusinessRuleException.class);
			}
			assertThat(order.status()).isEqualTo(status);
		}
	}

	@Test
	void onlyAReadyOrderIsHandedOutWholeOrInPart() {
		fromEveryStatus(EnumSet.of(READY_FOR_PICKUP), o -> o.pickUp(List.of(), AFTER_CUTOFF), o -> {
			assertThat(o.status()).isEqualTo(PICKED_UP);
			assertThat(o.pickedUpAt()).isEqualTo(AFTER_CUTOFF);
			assertThat(o.lines()).allSatisfy(l -> assertThat(l.pickedUpQuantity()).isEqualTo(l.quantity()));
			assertThat(o.events()).singleElement().isInstanceOfSatisfying(OrderPickedUp.class, e -> {
				assertThat(e.complete()).isTrue();
				assertThat(e.lines()).extracting(OrderPickedUp.PickedUpLine::amount)
					.containsExactly(Money.ofFen(1350), Money.ofFen(1200));
			});
		});
		var order = order(READY_FOR_PICKUP);
		var first = order.pickUp(List.of(PEARS), AFTER_CUTOFF);
		assertThat(first).singleElement().satisfies(l -> {
			assertThat(l.lineId()).isEqualTo(PEARS);
			assertThat(l.quantity()).isEqualTo(2);
		});
		assertThat(order.status()).isEqualTo(READY_FOR_PICKUP);
		assertThat(((OrderPickedUp) order.events().get(0)).complete()).isFalse();
		assertIllegal(() -> order.pickUp(List.of(PEARS), AFTER_CUTOFF), "nothing-to-hand-out", READY_FOR_PICKUP);
		order.pickUp(List.of(), AFTER_CUTOFF);
		assertThat(order.status()).isEqualTo(PICKED_UP);
		assertThat(((OrderPickedUp) order.events().get(1)).complete()).isTrue();
	}

	@Test
	void aLineOfAnotherOrderCannotBeHandedOut() {
		var order = order(READY_FOR_PICKUP);
		assertThatThrownBy(() -> order.pickUp(List.of(new OrderLineId(99)), AFTER_CUTOFF))
			.isInstanceOf(InvalidInputException.class);
		assertThat(order.events()).isEmpty();
	}

	@Test
	void unitsOfAPaidOrderThatWasNotCancelledAreRefundedAtThePricePaid() {
		fromEveryStatus(EnumSet.of(PAID, CONFIRMED, SHIPPED, READY_FOR_PICKUP),
				o -> o.refundLine(APPLES, 2, "SHORTAGE", true, false, "line:11:short"), o -> {
					assertThat(o.refunded()).isEqualTo(Money.ofFen(900));
					assertThat(o.netPaid()).isEqualTo(Money.ofFen(1650));
					var apples = o.line(APPLES, "lineId");
					assertThat(apples.refundedQuantity()).isEqualTo(2);
					assertThat(apples.refunded()).isEqualTo(Money.ofFen(900));
					assertThat(apples.shortQuantity()).isEqualTo(2);
					assertThat(apples.remainingQuantity()).isEqualTo(1);
					assertThat(o.changedLines()).containsExactly(APPLES);
					assertThat(o.events()).singleElement().isInstanceOfSatisfying(OrderLineRefunded.class, e -> {
						assertThat(e.amount()).isEqualTo(Money.ofFen(900));
						assertThat(e.quantity()).isEqualTo(2);
						assertThat(e.afterPickup()).isFalse();
						assertThat(e.reference()).isEqualTo("line:11:short");
					});
				});
	}

	@Test
	void unitsHandedOutAreRefundedAfterPickupAndReverseCommission() {
		var order = order(PICKED_UP);
		assertIllegal(() -> order.refundLine(PEARS, 1, "DAMAGED", false, false, "x"), "refund-exceeds-line", PICKED_UP);
		assertThat(order.refundLine(PEARS, 1, "DAMAGED", false, true, "y")).isEqualTo(Money.ofFen(600));
		assertThat(order.line(PEARS, "lineId").pickedUpQuantity()).isEqualTo(1);
		assertThat(order.status()).isEqualTo(PICKED_UP);
		assertThat(((OrderLineRefunded) order.events().get(0)).afterPickup()).isTrue();
	}

	@Test
	void aRefundNeverExceedsWhatTheLineHasLeft() {
		var order = order(CONFIRMED);
		order.refundLine(PEARS, 2, "SHORTAGE", true, false, "a");
		assertIllegal(() -> order.refundLine(PEARS, 1, "SHORTAGE", true, false, "b"), "refund-exceeds-line",
				CONFIRMED);
		assertIllegal(() -> order.refundLine(APPLES, 0, "SHORTAGE", true, false, "c"), "invalid-quantity", CONFIRMED);
		assertThat(order.refunded()).isEqualTo(Money.ofFen(1200));
		assertThat(order.events()).hasSize(1);
	}

	@ParameterizedTest
	@EnumSource(value = OrderStatus.class, names = { "PENDING_PAYMENT", "CANCELLED" })
	void anUnpaidOrCancelledOrderHasNothingToRefund(OrderStatus status) {
		assertIllegal(() -> order(status).refundLine(APPLES, 1, "QUALITY", false, false, "z"), "not-refundable", status);
	}

	@Test
	void moneyArrivingAfterTheCancelIsRecordedAndRefundedWhole() {
		fromEveryStatus(EnumSet.of(CANCELLED), o -> o.payAfterCancellation(Money.ofFen(2550)), o -> {
			assertThat(o.paid()).isEqualTo(Money.ofFen(2550));
			assertThat(o.refunded()).isEqualTo(Money.ofFen(2550));
			assertThat(o.netPaid()).isEqualTo(Money.ZERO);
			assertThat(o.status()).isEqualTo(CANCELLED);
		});
		var order = order(CANCELLED);
		assertThat(order.isLatePayment(Money.ofFen(1))).isFalse();
		assertThatThrownBy(() -> order.payAfterCancellation(Money.ofFen(1))).isInstanceOf(BusinessRuleException.class);
		assertThat(order.payAfterCancellation(Money.ofFen(2550))).isEqualTo(Money.ofFen(2550));
		assertThat(order.isLatePayment(Money.ofFen(2550))).isFalse();
	}

	@Test
	void anOrderReadKeepsItsVersionForTheCompareAndSet() {
		var order = order(PAID);
		order.confirm(AFTER_CUTOFF);
		assertThat(order.version()).isEqualTo(4);
		assertThat(order.toString()).contains("CONFIRMED");
	}
}
