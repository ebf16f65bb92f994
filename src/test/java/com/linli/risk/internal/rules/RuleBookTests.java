package com.linli.risk.internal.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.linli.marketing.MarketingRiskSignals.CouponTrace;
import com.linli.marketing.MarketingRiskSignals.ReferralTrace;
import com.linli.ordering.OrderRiskFigures.OrderTrace;
import com.linli.risk.RiskFlag;
import com.linli.risk.RiskRule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules on hand-made data, with hand-computed scores. */
class RuleBookTests {

	static final Instant T = Instant.parse("2026-12-01T02:00:00Z");

	final RuleBook rules = new RuleBook(RiskProperties.defaults());

	@Test
	void phonesAreComparedByTheirFirstNineDigits() {
		assertThat(RuleBook.prefix("+86 137-1234-5600")).isEqualTo("137123456");
		assertThat(RuleBook.prefix("13712345699")).isEqualTo("137123456");
		assertThat(RuleBook.prefix("1371")).isNull();
	}

	@Test
	void fourAccountsOnAPrefixAreNormalFiveAreFlaggedWithScoreSixty() {
		var four = data(Map.of(1L, "13712345601", 2L, "13712345602", 3L, "13712345603", 4L, "13712345604"), List.of(),
				List.of(), List.of(), Map.of());
		assertThat(rules.evaluate(four)).isEmpty();
		var five = data(Map.of(1L, "13712345601", 2L, "13712345602", 3L, "13712345603", 4L, "13712345604", 5L,
				"13712345605"), List.of(), List.of(), List.of(), Map.of());
		List<RiskFlag> flags = rules.evaluate(five);
		assertThat(flags).singleElement().satisfies(f -> {
			assertThat(f.rule()).isEqualTo(RiskRule.PHONE_PREFIX);
			assertThat(f.score()).isEqualTo(60); // 30 + 6 × 5
			assertThat(f.heldAccounts()).containsExactly(1L, 2L, 3L, 4L, 5L);
		});
	}

	@Test
	void threeOrdersCancelledWithinHalfAnHourAreABurstSpreadOutTheyAreNot() {
		List<OrderTrace> orders = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			orders.add(cancelled(10 + i, 1, T.plusSeconds(300L * i), T.plusSeconds(300L * i + 60)));
			orders.add(cancelled(20 + i, 2, T.plusSeconds(3600L * i), T.plusSeconds(3600L * i + 60)));
		}
		List<RiskFlag> flags = rules.evaluate(data(Map.of(1L, "13600000001", 2L, "13500000002"), orders, List.of(),
				List.of(), Map.of()));
		assertThat(flags).singleElement().satisfies(f -> {
			assertThat(f.rule()).isEqualTo(RiskRule.CANCEL_BURST);
			assertThat(f.subjectKey()).isEqualTo("1");
			assertThat(f.score()).isEqualTo(60); // 30 + 10 × 3
			assertThat(f.evidence().orders()).containsExactly(10L, 11L, 12L);
			assertThat(f.evidence().amountFen()).isEqualTo(1500);
		});
	}

	@Test
	void aResidentRefundingFarAboveTheRegionIsFlagged() {
		List<OrderTrace> orders = new ArrayList<>();
		// resident 1: 4 orders of 10.00, 2.00 refunded each → 20%; resident 2: 4 orders of 10.00, 7.00 refunded each → 70%
		for (int i = 0; i < 4; i++) {
			orders.add(paid(100 + i, 1, 1000, 200));
			orders.add(paid(200 + i, 2, 1000, 700));
		}
		// region: 3600 refunded of 8000 = 45%; threshold max(0.3, 3 × 0.45) = 1.35: nobody
		assertThat(rules.evaluate(data(Map.of(), orders, List.of(), List.of(), Map.of()))).isEmpty();
		// eight clean residents bring the region to 3600 / 16000 = 22.5%: threshold 67.5%, resident 2 (70%) passes it
		for (int i = 0; i < 8; i++) {
			orders.add(paid(300 + i, 10 + i, 1000, 0));
		}
		List<RiskFlag> flags = rules.evaluate(data(Map.of(), orders, List.of(), List.of(), Map.of()));
		assertThat(flags).singleElement().satisfies(f -> {
			assertThat(f.rule()).isEqualTo(RiskRule.RESIDENT_REFUND_RATE);
			assertThat(f.subjectKey()).isEqualTo("2");
		});
		// resident 3: five orders of 10.00, two of them refunded whole → 40% of money, above the region's 22.5%...
		// but two refunds are a mishap, not a pattern: not flagged (three would be)
		orders.add(paid(400, 3, 1000, 1000));
		orders.add(paid(401, 3, 1000, 1000));
		for (int i = 0; i < 3; i++) {
			orders.add(paid(402 + i, 3, 1000, 0));
		}
		// region now 5600 / 21000 = 26.7%, threshold 80%: add clean residents to bring it back below 13.3% (threshold 40%)
		for (int i = 0; i < 22; i++) {
			orders.add(paid(500 + i, 30 + i, 1000, 0));
		}
		// 5600 / 43000 = 13.0%: threshold max(0.3, 0.39) = 39%: resident 3 (40%) and resident 2 (70%) pass the rate
		flags = rules.evaluate(data(Map.of(), orders, List.of(), List.of(), Map.of()));
		assertThat(flags).singleElement().satisfies(f -> {
			assertThat(f.rule()).isEqualTo(RiskRule.RESIDENT_REFUND_RATE);
			assertThat(f.subjectKey()).isEqualTo("2");
			assertThat(f.score()).isEqualTo(82); // 40 + 60 × 0.7
			assertThat(f.evidence().amountFen()).isEqualTo(2800);
		});
		// a third refund makes the pattern: resident 3 at 3000 / 6000 = 50%, region 6600 / 44000 = 15%, threshold 45%
		orders.add(paid(405, 3, 1000, 1000));
		assertThat(rules.evaluate(data(Map.of(), orders, List.of(), List.of(), Map.of()))).extracting(RiskFlag::subjectKey)
			.containsExactlyInAnyOrder("2", "3");
	}

	@Test
	void aLeadersOwnAccountsOrderingAtTheirPointAreFlagged() {
		var leader = new RegionData.LeaderInfo(9, 90, "王团长", "13799999999");
		// the leader and four more accounts on the leader's prefix (five: a suspicious prefix), two of them ordering
		List<OrderTrace> orders = List.of(paid(1, 90, 500, 0), paid(2, 91, 500, 0), paid(3, 91, 500, 0),
				paid(4, 50, 500, 0));
		List<RiskFlag> flags = rules.evaluate(data(Map.of(90L, "13799999999", 91L, "13799999901", 92L, "13799999902",
				93L, "13799999903", 94L, "13799999904", 50L, "13500000050"), orders, List.of(), List.of(),
				Map.of(7L, leader)));
		assertThat(flags).filteredOn(f -> f.rule() == RiskRule.LEADER_SELF_BUYING).singleElement().satisfies(f -> {
			assertThat(f.score()).isEqualTo(62); // 40 + 4 × 3 + 10 (the leader ordered)
			assertThat(f.heldAccounts()).containsExactly(90L, 91L);
			assertThat(f.evidence().orders()).containsExactly(1L, 2L, 3L);
		});
	}

	@Test
	void aNeighbourWhosePhoneSharesTheLeadersPrefixByChanceIsNotTheLeader() {
		var leader = new RegionData.LeaderInfo(9, 90, "王团长", "13799999999");
		// one other account on the leader's prefix: not a suspicious prefix, so only the leader's own order counts
		List<OrderTrace> orders = List.of(paid(1, 90, 500, 0), paid(2, 91, 500, 0), paid(3, 91, 500, 0),
				paid(4, 50, 500, 0));
		List<RiskFlag> flags = rules.evaluate(data(Map.of(90L, "13799999999", 91L, "13799999901", 50L, "13500000050"),
				orders, List.of(), List.of(), Map.of(7L, leader)));
		assertThat(flags).noneMatch(f -> f.rule() == RiskRule.LEADER_SELF_BUYING);
	}

	@Test
	void oneDeviceBindingThreeInviteesClaimingOneCouponIsAbuse() {
		List<ReferralTrace> referrals = List.of(ref(1, 8, 1), ref(2, 8, 2), ref(3, 8, 3));
		List<CouponTrace> coupons = List.of(coupon(1, 1), coupon(2, 2), coupon(3, 3));
		List<RiskFlag> flags = rules.evaluate(data(Map.of(), List.of(), referrals, coupons, Map.of()));
		assertThat(flags).extracting(RiskFlag::rule).containsExactly(RiskRule.SHARED_DEVICE,
				RiskRule.COUPON_REFERRAL_ABUSE);
		assertThat(flags.get(0).score()).isEqualTo(64); // 40 + 8 × 3
		assertThat(flags.get(1).score()).isEqualTo(68); // 50 + 3 × 3 + 3 × 3
		assertThat(flags.get(1).heldAccounts()).containsExactly(1L, 2L, 3L, 8L); // the inviter too
	}

	static RegionData data(Map<Long, String> phones, List<OrderTrace> orders, List<ReferralTrace> referrals,
			List<CouponTrace> coupons, Map<Long, RegionData.LeaderInfo> leaders) {
		return new RegionData(7, phones, leaders, orders, referrals, coupons);
	}

	static OrderTrace cancelled(long id, long resident, Instant placed, Instant cancelled) {
		return new OrderTrace(id, resident, 7, "CANCELLED", 500, 0, 0, placed, cancelled);
	}

	static OrderTrace paid(long id, long resident, long paid, long refunded) {
		return new OrderTrace(id, resident, 7, "PICKED_UP", paid, paid, refunded, T, null);
	}

	static ReferralTrace ref(long id, long inviter, long invitee) {
		return new ReferralTrace(id, inviter, invitee, "dev-x", "BOUND", null, T);
	}

	static CouponTrace coupon(long id, long resident) {
		return new CouponTrace(id, resident, 55, "claim:1", "ISSUED", T);
	}
}
