package com.linli.leader.incentives;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.linli.StatusMoves;
import com.linli.leader.Contest;
import com.linli.leader.ContestClosed;
import com.linli.leader.ContestId;
import com.linli.leader.ContestMetric;
import com.linli.leader.ContestStatus;
import com.linli.leader.CommissionEntryKind;
import com.linli.network.RegionId;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.linli.leader.ContestStatus.CLOSED;
import static com.linli.leader.ContestStatus.OPEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A contest's lifecycle over every pair of statuses, the aggregate's close, the metric's parsing: plain JUnit. */
class ContestTests {

	private static final StatusMoves<ContestStatus> MOVES = StatusMoves.of(ContestStatus.class,
			Map.of(OPEN, Set.of(CLOSED), CLOSED, Set.of()), ContestStatus::canBecome, ContestStatus::next,
			ContestStatus::to, "contest-closed");

	static Stream<Arguments> pairs() {
		return MOVES.pairs();
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("pairs")
	void aStatusMovesOnlyWhereItsLifecycleAllows(ContestStatus from, ContestStatus to) {
		MOVES.check(from, to);
	}

	@Test
	void anOpenContestClosesOnceAndTellsIt() {
		var contest = contest(OPEN);
		Instant at = Instant.parse("2026-12-08T02:00:00Z");
		contest.close(at);
		assertThat(contest.status()).isEqualTo(CLOSED);
		assertThat(contest.closedAt()).isEqualTo(at);
		assertThat(contest.events()).containsExactly(new ContestClosed(new ContestId(7), new RegionId(3),
				YearMonth.of(2026, 11)));
		assertThatThrownBy(() -> contest.close(at)).isInstanceOf(BusinessRuleException.class)
			.extracting(e -> ((BusinessRuleException) e).code()).isEqualTo("contest-closed");
		assertThat(contest.events()).hasSize(1);
	}

	@Test
	void aRankWithoutAPrizeWinsNothing() {
		var contest = contest(OPEN);
		assertThat(contest.prize(1).cash()).isEqualTo(Money.ofFen(5000));
		assertThat(contest.prize(2).description()).isEqualTo("水果券");
		assertThat(contest.prize(3).cash()).isEqualTo(Money.ZERO);
	}

	@Test
	void aMetricIsNamedOrRefusedNamingTheField() {
		assertThat(ContestMetric.parse(" growth ")).isEqualTo(ContestMetric.GROWTH);
		for (String bad : new String[] { null, "", "LIKES" }) {
			assertThatThrownBy(() -> ContestMetric.parse(bad)).isInstanceOf(InvalidInputException.class)
				.extracting(e -> ((InvalidInputException) e).field()).isEqualTo("metric");
		}
	}

	@Test
	void onlyTheIncentiveKindsAreIncentives() {
		assertThat(Stream.of(CommissionEntryKind.values()).filter(CommissionEntryKind::incentive)).containsExactly(
				CommissionEntryKind.REFERRAL, CommissionEntryKind.REFERRAL_REVERSAL, CommissionEntryKind.REFERRAL_REWARD,
				CommissionEntryKind.CONTEST_REWARD);
	}

	private static Contest contest(ContestStatus status) {
		return new Contest(new ContestId(7), new RegionId(3), YearMonth.of(2026, 11), ContestMetric.SALES, "十一月销售冠军", 2,
				0, List.of(new Contest.Prize(1, Money.ofFen(5000), null), new Contest.Prize(2, Money.ZERO, "水果券")),
				status, 0, null);
	}
}
