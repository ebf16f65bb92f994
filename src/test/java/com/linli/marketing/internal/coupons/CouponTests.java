package com.linli.marketing.internal.coupons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.linli.StatusMoves;
import com.linli.identity.AccountId;
import com.linli.marketing.CouponStatus;
import com.linli.shared.BusinessRuleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The coupon's lifecycle: the status enum's moves and the aggregate's refusals, no Spring. */
class CouponTests {

	static final Instant ISSUED_AT = Instant.parse("2026-12-01T02:00:00Z");

	static final Instant UNTIL = Instant.parse("2026-12-08T02:00:00Z");

	static final StatusMoves<CouponStatus> MOVES = StatusMoves.of(CouponStatus.class, Map.of(
			CouponStatus.ISSUED, Set.of(CouponStatus.USED, CouponStatus.EXPIRED),
			CouponStatus.USED, Set.of(CouponStatus.RETURNED, CouponStatus.EXPIRED),
			CouponStatus.RETURNED, Set.of(CouponStatus.USED, CouponStatus.EXPIRED),
			CouponStatus.EXPIRED, Set.of()),
			CouponStatus::canBecome, CouponStatus::next, CouponStatus::to, "illegal-coupon-transition");

	static Stream<Arguments> pairs() {
		return MOVES.pairs();
	}

	@ParameterizedTest
	@MethodSource("pairs")
	void theStatusOwnsItsMoves(CouponStatus from, CouponStatus to) {
		MOVES.check(from, to);
	}

	@Test
	void theJobExpiresOnlyUsableCoupons() {
		assertThat(CouponStatus.expiredByTime()).containsExactlyInAnyOrder("ISSUED", "RETURNED");
		assertThat(EnumSet.allOf(CouponStatus.class).stream().filter(CouponStatus::isUsable))
			.containsExactlyInAnyOrder(CouponStatus.ISSUED, CouponStatus.RETURNED);
	}

	static Coupon coupon(CouponStatus status) {
		return new Coupon(1, 2, new AccountId(3), "claim:1", status, ISSUED_AT, ISSUED_AT, UNTIL,
				status == CouponStatus.USED ? 50L : null, status == CouponStatus.USED ? ISSUED_AT : null, null,
				status == CouponStatus.EXPIRED ? UNTIL : null, 4);
	}

	@Test
	void anIssuedCouponIsUsedOnAnOrderWhileValid() {
		Instant at = UNTIL.minusSeconds(1);
		Coupon used = coupon(CouponStatus.ISSUED).use(81, at);
		assertThat(used.status()).isEqualTo(CouponStatus.USED);
		assertThat(used.orderId()).isEqualTo(81L);
		assertThat(used.usedAt()).isEqualTo(at);
		assertThat(used.version()).isEqualTo(4); // the repository compares and sets on it
	}

	@Test
	void aReturnedCouponIsUsableAgain() {
		Coupon returned = coupon(CouponStatus.USED).orderCancelled(UNTIL.minus(Duration.ofDays(1)));
		assertThat(returned.status()).isEqualTo(CouponStatus.RETURNED);
		assertThat(returned.usableAt(UNTIL.minus(Duration.ofDays(1)))).isTrue();
		assertThat(returned.use(82, UNTIL.minusSeconds(5)).orderId()).isEqualTo(82L);
	}

	@Test
	void anOrderCancelledAfterTheValidityExpiresItsCoupon() {
		Coupon expired = coupon(CouponStatus.USED).orderCancelled(UNTIL);
		assertThat(expired.status()).isEqualTo(CouponStatus.EXPIRED);
		assertThat(expired.expiredAt()).isEqualTo(UNTIL);
		assertThat(expired.returnedAt()).isNull();
	}

	@Test
	void aCouponIsNotUsedOutsideItsValidityNorTwice() {
		assertThatThrownBy(() -> coupon(CouponStatus.ISSUED).use(81, UNTIL))
			.isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("coupon-expired"));
		assertThatThrownBy(() -> coupon(CouponStatus.ISSUED).use(81, ISSUED_AT.minusSeconds(1)))
			.isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("coupon-not-yet-valid"));
		assertThatThrownBy(() -> coupon(CouponStatus.USED).use(82, ISSUED_AT))
			.isInstanceOfSatisfying(BusinessRuleException.class,
					e -> assertThat(e.code()).isEqualTo("illegal-coupon-transition"));
		assertThatThrownBy(() -> coupon(CouponStatus.EXPIRED).use(82, ISSUED_AT))
			.isInstanceOfSatisfying(BusinessRuleException.class,
					e -> assertThat(e.code()).isEqualTo("illegal-coupon-transition"));
	}

	@Test
	void onlyAUsedCouponComesBackFromACancelledOrder() {
		for (CouponStatus s : EnumSet.of(CouponStatus.ISSUED, CouponStatus.RETURNED, CouponStatus.EXPIRED)) {
			assertThatThrownBy(() -> coupon(s).orderCancelled(ISSUED_AT)).isInstanceOf(BusinessRuleException.class);
		}
	}

	@Test
	void expiryComesOnlyAfterTheValidityAndNotToAUsedCoupon() {
		assertThat(coupon(CouponStatus.ISSUED).expire(UNTIL).status()).isEqualTo(CouponStatus.EXPIRED);
		assertThat(coupon(CouponStatus.RETURNED).expire(UNTIL).status()).isEqualTo(CouponStatus.EXPIRED);
		assertThatThrownBy(() -> coupon(CouponStatus.ISSUED).expire(UNTIL.minusSeconds(1)))
			.isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("coupon-still-valid"));
		assertThatThrownBy(() -> coupon(CouponStatus.USED).expire(UNTIL))
			.isInstanceOfSatisfying(BusinessRuleException.class,
					e -> assertThat(e.code()).isEqualTo("illegal-coupon-transition"));
		assertThatThrownBy(() -> coupon(CouponStatus.EXPIRED).expire(UNTIL)).isInstanceOf(BusinessRuleException.class);
	}
}
