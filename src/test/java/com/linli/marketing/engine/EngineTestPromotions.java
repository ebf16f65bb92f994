package com.linli.marketing.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.linli.identity.AccountId;
import com.linli.marketing.DiscountKind;
import com.linli.marketing.PlacedOrder;
import com.linli.marketing.internal.OrderPromotionHook;
import com.linli.marketing.internal.pricing.PriceCalculator;
import com.linli.marketing.internal.pricing.PricingContext;
import com.linli.network.RegionId;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Money;
import com.linli.shared.Text;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Test-only promotions for the engine's plumbing, before the real calculators are merged: for residents a
 * test enrols (and only them, so no other test sees a change), a member price 1 yuan below group price on
 * the first line, a fixed reduction over every line and 1 fen of "points"; and a hook that records what
 * ordering told marketing, refusing the placement of enrolled refusers. The real tools' rules are
 * tested by their own helpers; this checks that ordering stores, charges and refunds what the engine says.
 */
@Configuration
public class EngineTestPromotions {

	/** What a resident's orders get: a member price (fen off a unit of the first line), a reduction, points. */
	public record Plan(long memberOffFen, long reductionFen, long pointsFen) {
	}

	public static final Map<AccountId, Plan> PLANS = new ConcurrentHashMap<>();

	static final Set<AccountId> REFUSED = ConcurrentHashMap.newKeySet();

	/** Residents whose calls are recorded (besides those with a plan): the rest of the suite records nothing. */
	static final Set<AccountId> WATCHED = ConcurrentHashMap.newKeySet();

	static boolean watched(AccountId resident) {
		return WATCHED.contains(resident) || PLANS.containsKey(resident);
	}

	/** What ordering told marketing about the orders of watched residents, in the order it was told. */
	static final List<Call> CALLS = new CopyOnWriteArrayList<>();

	record Call(String what, long orderId, Long lineId, AccountId resident, int quantity, Money amount,
			Map<DiscountKind, Money> shares, PlacedOrder placed) {
	}

	static List<Call> callsOf(long orderId) {
		return CALLS.stream().filter(c -> c.orderId() == orderId).toList();
	}

	@Bean
	PriceCalculator engineTestMemberPrice() {
		return new Calculator(PriceCalculator.MEMBER_PRICE, (c, plan) -> {
			if (plan.memberOffFen() > 0) {
				c.lowerUnitPrice(0, c.unitPrice(0).minus(Money.ofFen(plan.memberOffFen())), DiscountKind.MEMBER_PRICE,
						"test:member", Text.of("marketing.engine.kind.MEMBER_PRICE"));
			}
		});
	}

	@Bean
	PriceCalculator engineTestReduction() {
		return new Calculator(PriceCalculator.FULL_REDUCTION, (c, plan) -> c.deduct(DiscountKind.FULL_REDUCTION,
				"test:reduction", Text.of("marketing.engine.kind.FULL_REDUCTION"), Money.ofFen(plan.reductionFen()),
				i -> true));
	}

	@Bean
	PriceCalculator engineTestPoints() {
		return new Calculator(PriceCalculator.POINTS, (c, plan) -> {
			Money taken = c.deduct(DiscountKind.POINTS, "test:points", Text.of("marketing.engine.kind.POINTS"),
					Money.ofFen(Math.min(plan.pointsFen(), c.request().points())), i -> true);
			c.usePoints(taken.fen());
		});
	}

	@Bean
	OrderPromotionHook engineTestRecorder() {
		return new OrderPromotionHook() {

			@Override
			public void placed(PlacedOrder order) {
				if (REFUSED.contains(order.resident())) {
					throw new BusinessRuleException("test-refused", Text.plain("refused by the test hook"));
				}
				if (watched(order.resident())) {
					CALLS.add(new Call("placed", order.orderId(), null, order.resident(), 0, order.quote().payable(), Map.of(),
						order));
				}
			}

			@Override
			public void paid(long orderId, AccountId resident, RegionId region, Money paid, Instant at) {
				if (watched(resident)) {
					CALLS.add(new Call("paid", orderId, null, resident, 0, paid, Map.of(), null));
				}
			}

			@Override
			public void cancelled(long orderId, AccountId resident, Instant at) {
				if (watched(resident)) {
					CALLS.add(new Call("cancelled", orderId, null, resident, 0, Money.ZERO, Map.of(), null));
				}
			}

			@Override
			public void lineRefunded(long orderId, long lineId, AccountId resident, int quantity, Money refunded,
					Map<DiscountKind, Money> shares, Instant at) {
				if (watched(resident)) {
					CALLS.add(new Call("refunded", orderId, lineId, resident, quantity, refunded, shares, null));
				}
			}
		};
	}

	private record Calculator(int position, java.util.function.BiConsumer<PricingContext, Plan> what)
			implements PriceCalculator {

		@Override
		public void apply(PricingContext context) {
			Plan plan = PLANS.get(context.request().resident());
			if (plan != null) {
				what.accept(context, plan);
			}
		}
	}

	/** Real points for a resident (the points calculator of marketing spends them; this class gives none). */
	public static void givePoints(org.springframework.context.ApplicationContext context, com.linli.identity.AccountId resident,
			long points) {
		context.getBean(com.linli.marketing.PointsManagement.class).award(com.linli.identity.Actor.system("test"), resident,
				points, com.linli.shared.Text.of("marketing.test.points"), "engine-test:" + resident.value(),
				context.getBean(java.time.Clock.class).instant());
	}
}
