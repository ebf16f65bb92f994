package com.linli.leader.levels;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.linli.StatusMoves;
import com.linli.leader.LeaderId;
import com.linli.leader.LeaderLevel;
import com.linli.leader.LevelThreshold;
import com.linli.leader.Penalty;
import com.linli.leader.PenaltyId;
import com.linli.leader.PenaltyKind;
import com.linli.leader.PenaltyReason;
import com.linli.leader.PenaltyStatus;
import com.linli.leader.PenaltyStatusChanged;
import com.linli.network.RegionId;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.linli.leader.PenaltyStatus.ACTIVE;
import static com.linli.leader.PenaltyStatus.EXPIRED;
import static com.linli.leader.PenaltyStatus.PROPOSED;
import static com.linli.leader.PenaltyStatus.REVOKED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A penalty's lifecycle, every pair of statuses, the aggregate's moves, and the level threshold table: plain JUnit. */
class PenaltyStatusTests {

	private static final Map<PenaltyStatus, Set<PenaltyStatus>> ALLOWED = Map.of(PROPOSED, Set.of(ACTIVE, REVOKED),
			ACTIVE, Set.of(EXPIRED, REVOKED), EXPIRED, Set.of(), REVOKED, Set.of());

	private static final StatusMoves<PenaltyStatus> MOVES = StatusMoves.of(PenaltyStatus.class, ALLOWED,
			PenaltyStatus::canBecome, PenaltyStatus::next, PenaltyStatus::to, "illegal-penalty-transition");

	static final Instant T = Instant.parse("2026-12-06T02:00:00Z");

	static Stream<Arguments> pairs() {
		return MOVES.pairs();
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("pairs")
	void aStatusMovesOnlyWhereItsLifecycleAllows(PenaltyStatus from, PenaltyStatus to) {
		MOVES.check(from, to);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("pairs")
	void theAggregateMovesOnlyWhereItsLifecycleAllows(PenaltyStatus from, PenaltyStatus to) {
		var penalty = in(from);
		Instant later = T.plus(Duration.ofDays(40));
		Runnable move = switch (to) {
			case PROPOSED -> () -> { throw new BusinessRuleException("illegal-penalty-transition", "status", "never back"); };
			case ACTIVE -> () -> penalty.activate(later, "运营");
			case EXPIRED -> () -> penalty.expire(later);
			case REVOKED -> () -> penalty.revoke("申诉成功", later, "运营");
		};
		if (ALLOWED.get(from).contains(to)) {
			move.run();
		}
		else {
			assertThatThrownBy(move::run).isInstanceOfSatisfying(BusinessRuleException.class,
					e -> assertThat(e.code()).isEqualTo("illegal-penalty-transition"));
		}
	}

	@Test
	void activationSetsItsTimeByKindAndRegistersTheMove() {
		var proposed = Penalty.create(new LeaderId(1), new RegionId(2), PenaltyKind.LOWER_BAND, PenaltyReason.COMPLAINTS,
				"投诉率过高", false, T, "rules");
		assertThat(proposed.status()).isEqualTo(PROPOSED);
		var active = proposed.activate(T, "运营");
		assertThat(active.startsAt()).isEqualTo(T);
		assertThat(active.endsAt()).isEqualTo(T.plus(Duration.ofDays(30)));
		assertThat(active.inForceAt(T.plus(Duration.ofDays(29)))).isTrue();
		assertThat(active.inForceAt(T.plus(Duration.ofDays(30)))).isFalse();
		assertThat(active.events()).containsExactly(new PenaltyStatusChanged(null, new LeaderId(1), PenaltyKind.LOWER_BAND,
				PROPOSED, ACTIVE, T));
		var suspension = Penalty.create(new LeaderId(1), new RegionId(2), PenaltyKind.SUSPENSION, PenaltyReason.OPERATOR,
				"多次投诉", true, T, "运营");
		assertThat(suspension.endsAt()).isNull();
		assertThatThrownBy(() -> suspension.expire(T.plus(Duration.ofDays(400))))
			.isInstanceOf(BusinessRuleException.class);
		assertThatThrownBy(() -> active.expire(T.plus(Duration.ofDays(1)))).isInstanceOf(BusinessRuleException.class);
		assertThat(active.expire(T.plus(Duration.ofDays(30))).status()).isEqualTo(EXPIRED);
	}

	@Test
	void aRevocationNeedsAReasonAndAPenaltyNeedsADetail() {
		var active = in(ACTIVE);
		assertThatThrownBy(() -> active.revoke(" ", T, "运营")).isInstanceOfSatisfying(InvalidInputException.class,
				e -> assertThat(e.field()).isEqualTo("reason"));
		assertThat(active.revoke("申诉成功", T.plusSeconds(60), "运营").endsAt()).isEqualTo(T.plusSeconds(60));
		assertThatThrownBy(() -> Penalty.create(new LeaderId(1), new RegionId(2), PenaltyKind.WARNING,
				PenaltyReason.OPERATOR, "", true, T, "运营")).isInstanceOf(InvalidInputException.class);
	}

	@Test
	void aThresholdTableStartsAtZeroAndRises() {
		var good = List.of(t(LeaderLevel.TRAINEE, 0, 0), t(LeaderLevel.BRONZE, 100, 4), t(LeaderLevel.SILVER, 200, 4.3),
				t(LeaderLevel.GOLD, 300, 4.6));
		LevelThreshold.validate(good);
		assertField(List.of(t(LeaderLevel.TRAINEE, 0, 0), t(LeaderLevel.BRONZE, 100, 4), t(LeaderLevel.SILVER, 100, 4.3),
				t(LeaderLevel.GOLD, 300, 4.6)), "thresholds[2].minSalesFen");
		assertField(List.of(t(LeaderLevel.TRAINEE, 5, 0), t(LeaderLevel.BRONZE, 100, 4), t(LeaderLevel.SILVER, 200, 4.3),
				t(LeaderLevel.GOLD, 300, 4.6)), "thresholds[0].minSalesFen");
		assertField(List.of(t(LeaderLevel.TRAINEE, 0, 0), t(LeaderLevel.BRONZE, 100, 4.5), t(LeaderLevel.SILVER, 200, 4.3),
				t(LeaderLevel.GOLD, 300, 4.6)), "thresholds[2].minRating");
		assertField(List.of(t(LeaderLevel.TRAINEE, 0, 0), t(LeaderLevel.SILVER, 100, 4)), "thresholds");
		assertThat(good.get(1).reachedBy(Money.ofFen(100), null)).isTrue();
		assertThat(good.get(1).reachedBy(Money.ofFen(100), 3.9)).isFalse();
		assertThat(good.get(1).reachedBy(Money.ofFen(99), 5.0)).isFalse();
	}

	private static void assertField(List<LevelThreshold> table, String field) {
		assertThatThrownBy(() -> LevelThreshold.validate(table)).isInstanceOfSatisfying(InvalidInputException.class,
				e -> assertThat(e.field()).isEqualTo(field));
	}

	private static LevelThreshold t(LeaderLevel level, long fen, double rating) {
		return new LevelThreshold(level, Money.ofFen(fen), rating);
	}

	private static Penalty in(PenaltyStatus status) {
		return new Penalty(new PenaltyId(7), new LeaderId(1), new RegionId(2), PenaltyKind.WARNING, PenaltyReason.OPERATOR,
				"迟到", status, T, "运营", status == PROPOSED ? null : T, status == PROPOSED ? null : T.plus(Duration.ofDays(14)),
				null, status == REVOKED ? "误判" : null, 0, List.of());
	}
}
