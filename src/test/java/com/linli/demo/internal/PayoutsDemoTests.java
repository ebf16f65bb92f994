package com.linli.demo.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.linli.IntegrationTest;
import com.linli.catalog.SkuId;
import com.linli.demo.LoadedCity;
import com.linli.identity.AccountId;
import com.linli.identity.Actor;
import com.linli.identity.Role;
import com.linli.leader.WithdrawalManagement;
import com.linli.leader.internal.CommissionAccruals;
import com.linli.ordering.OrderCutoffManagement;
import com.linli.ordering.OrderDeliveryManagement;
import com.linli.ordering.OrderId;
import com.linli.ordering.OrderLineId;
import com.linli.ordering.OrderPickedUp;
import com.linli.ordering.OrderPickedUp.PickedUpLine;
import com.linli.ordering.OrderingFixtures;
import com.linli.ordering.PickupFixtures;
import com.linli.payment.PayoutManagement;
import com.linli.payment.Payee;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Money;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The demo's withdrawals (one in each final state and one waiting), and payment's payouts once per reference. */
@IntegrationTest
class PayoutsDemoTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	PayoutsDemo demo;

	@Autowired
	WithdrawalManagement withdrawals;

	@Autowired
	PayoutManagement payouts;

	@Autowired
	Clock clock;

	@Test
	void theDemoLeaderHasWithdrawalsInEveryState() {
		var world = new OrderingFixtures(context, port);
		var pickups = new PickupFixtures(world, context.getBean(OrderCutoffManagement.class),
				context.getBean(OrderDeliveryManagement.class), port);
		var leader = pickups.leader(world.pickupPoint);
		long line = 5_000_000_000L + System.nanoTime() % 1_000_000_000L;
		context.getBean(CommissionAccruals.class).accrue(new OrderPickedUp(new OrderId(line), "D" + line,
				new AccountId(0), world.pickupPoint.id(), world.region.id(), Instant.now(clock).minus(Duration.ofDays(8)),
				true, List.of(new PickedUpLine(new OrderLineId(line), new SkuId(1), null, 1, Money.ofFen(12_000), "演示",
						5000))));

		int made = demo.seed(new LoadedCity(List.of(world.region.id()), world.pickupPoint.id(), 1, 0, 0, 0,
				LocalDate.now(clock), Duration.ZERO));

		assertThat(made).isEqualTo(4);
		var actor = Actor.of(new AccountId(leader.accountId()), "demo leader", java.util.Set.of(Role.LEADER),
				java.util.Set.of(), world.pickupPoint.id().value());
		var statuses = withdrawals.mine(actor, 0, 10).items().stream().map(l -> l.withdrawal().status().name()).toList();
		assertThat(statuses).containsExactlyInAnyOrder("FAILED", "REJECTED", "PAID", "REQUESTED");
		var balance = withdrawals.balance(new com.linli.leader.LeaderId(leader.leaderId()));
		assertThat(balance.available()).isEqualTo(Money.ofFen(3000));
		assertThat(balance.paid()).isEqualTo(Money.ofFen(2000));
		assertThat(balance.inFlight()).isEqualTo(Money.ofFen(1000));
	}

	@Test
	void aPayoutIsMadeOncePerReference() {
		String reference = "test-payout:" + System.nanoTime();
		var payee = new Payee("wx:13900000000", "测试团长");
		var first = payouts.payout(reference, payee, Money.ofFen(1500));
		assertThat(first.succeeded()).isTrue();
		assertThat(first.providerPayoutId()).startsWith("SIMP");
		assertThat(payouts.payout(reference, payee, Money.ofFen(1500))).isEqualTo(first);
		assertThatThrownBy(() -> payouts.payout(reference, payee, Money.ofFen(1600)))
			.isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("payout-reference-used"));

		var refused = payouts.payout(reference + ":x", payee, Money.ofFen(1244));
		assertThat(refused.failed()).isTrue();
		assertThat(refused.failureReason()).startsWith("ACCOUNT_FROZEN");
		assertThat(payouts.payout(reference + ":x", payee, Money.ofFen(1244)).failed()).isTrue();
		assertThatThrownBy(() -> payouts.payout("bad reference!", payee, Money.ofFen(1500)))
			.isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.field()).isEqualTo("reference"));
	}
}
