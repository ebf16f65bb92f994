package com.linli.leader.payouts;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.linli.StatusMoves;
import com.linli.leader.LeaderId;
import com.linli.leader.Withdrawal;
import com.linli.leader.WithdrawalId;
import com.linli.leader.WithdrawalStatus;
import com.linli.leader.WithdrawalStatusChanged;
import com.linli.network.RegionId;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.linli.leader.WithdrawalStatus.APPROVED;
import static com.linli.leader.WithdrawalStatus.FAILED;
import static com.linli.leader.WithdrawalStatus.PAID;
import static com.linli.leader.WithdrawalStatus.REJECTED;
import static com.linli.leader.WithdrawalStatus.REQUESTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A withdrawal's lifecycle, every pair of statuses, and the aggregate's moves: plain JUnit, no Spring. */
class WithdrawalStatusTests {

	private static final Map<WithdrawalStatus, Set<WithdrawalStatus>> ALLOWED = Map.of(REQUESTED,
			Set.of(APPROVED, REJECTED), APPROVED, Set.of(PAID, FAILED), PAID, Set.of(), REJECTED, Set.of(), FAILED,
			Set.of());

	private static final StatusMoves<WithdrawalStatus> MOVES = StatusMoves.of(WithdrawalStatus.class, ALLOWED,
			WithdrawalStatus::canBecome, WithdrawalStatus::next, WithdrawalStatus::to, "illegal-withdrawal-transition");

	static final Instant T = Instant.parse("2026-12-06T02:00:00Z");

	static Stream<Arguments> pairs() {
		return MOVES.pairs();
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("pairs")
	void aStatusMovesOnlyWhereItsLifecycleAllows(WithdrawalStatus from, WithdrawalStatus to) {
		MOVES.check(from, to);
	}

	@Test
	void onlyRequestedApprovedAndPaidHoldTheMoney() {
		assertThat(Stream.of(WithdrawalStatus.values()).filter(WithdrawalStatus::holdsMoney))
			.containsExactlyInAnyOrder(REQUESTED, APPROVED, PAID);
		assertThat(Stream.of(WithdrawalStatus.values()).filter(WithdrawalStatus::inFlight))
			.containsExactlyInAnyOrder(REQUESTED, APPROVED);
		assertThat(WithdrawalStatus.sourcesOf(PAID)).containsExactly(APPROVED);
	}

	@Test
	void anApprovedWithdrawalIsPaidOrFailsAndRegistersEachMove() {
		var requested = withdrawal(REQUESTED);
		var approved = requested.approve(7L, T);
		assertThat(approved.status()).isEqualTo(APPROVED);
		assertThat(approved.decidedBy()).isEqualTo(7L);
		assertThat(approved.decidedAt()).isEqualTo(T);
		assertThat(approved.events()).singleElement().isEqualTo(new WithdrawalStatusChanged(new WithdrawalId(1),
				new LeaderId(2), new RegionId(3), Money.ofFen(1500), REQUESTED, APPROVED, T));

		var paid = approved.paid(T.plusSeconds(1));
		assertThat(paid.status()).isEqualTo(PAID);
		assertThat(paid.completedAt()).isEqualTo(T.plusSeconds(1));
		assertThat(paid.decidedBy()).isEqualTo(7L);
		assertThat(paid.events()).hasSize(2);

		var failed = approved.failed("ACCOUNT_FROZEN", T.plusSeconds(2));
		assertThat(failed.status()).isEqualTo(FAILED);
		assertThat(failed.failureReason()).isEqualTo("ACCOUNT_FROZEN");
		assertThat(requested.status()).as("moves answer a new withdrawal").isEqualTo(REQUESTED);
		assertThat(requested.payoutReference()).isEqualTo("leader-withdrawal:1");
	}

	@Test
	void aRejectionNeedsAReasonAndAFinishedWithdrawalMovesNoMore() {
		var requested = withdrawal(REQUESTED);
		assertThatThrownBy(() -> requested.reject(7L, " ", T)).isInstanceOfSatisfying(InvalidInputException.class,
				e -> assertThat(e.field()).isEqualTo("reason"));
		assertThatThrownBy(() -> requested.reject(7L, null, T)).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> requested.reject(7L, "x".repeat(201), T)).isInstanceOf(InvalidInputException.class);
		var rejected = requested.reject(7L, " 信息不符 ", T);
		assertThat(rejected.rejectReason()).isEqualTo("信息不符");
		assertThat(rejected.completedAt()).isEqualTo(T);

		assertThatThrownBy(() -> requested.paid(T)).isInstanceOfSatisfying(BusinessRuleException.class,
				e -> assertThat(e.getMessage()).contains("REQUESTED").contains("PAID"));
		assertThatThrownBy(() -> rejected.approve(7L, T)).isInstanceOf(BusinessRuleException.class);
		assertThatThrownBy(() -> withdrawal(PAID).failed("late", T)).isInstanceOf(BusinessRuleException.class);
		assertThatThrownBy(() -> withdrawal(FAILED).approve(7L, T)).isInstanceOf(BusinessRuleException.class);
		assertThatThrownBy(() -> withdrawal(APPROVED).reject(7L, "no", T)).isInstanceOf(BusinessRuleException.class);
	}

	private static Withdrawal withdrawal(WithdrawalStatus status) {
		return new Withdrawal(new WithdrawalId(1), new LeaderId(2), new RegionId(3), Money.ofFen(1500), status,
				T.minusSeconds(60), null, null, null, null, null, 0);
	}
}
