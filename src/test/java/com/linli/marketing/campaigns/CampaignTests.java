package com.linli.marketing.campaigns;

import static com.linli.marketing.CampaignStatus.CANCELLED;
import static com.linli.marketing.CampaignStatus.DRAFT;
import static com.linli.marketing.CampaignStatus.ENDED;
import static com.linli.marketing.CampaignStatus.RUNNING;
import static com.linli.marketing.CampaignStatus.SCHEDULED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.linli.StatusMoves;
import com.linli.marketing.Campaign;
import com.linli.marketing.CampaignId;
import com.linli.marketing.CampaignPhase;
import com.linli.marketing.CampaignStatus;
import com.linli.marketing.Festival;
import com.linli.network.RegionId;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Money;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The campaign's lifecycle and phases, without Spring. */
class CampaignTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static final LocalDate FIRST_DAY = LocalDate.of(2026, 12, 1);

	static final StatusMoves<CampaignStatus> MOVES = StatusMoves.of(CampaignStatus.class,
			Map.of(DRAFT, Set.of(SCHEDULED, CANCELLED), SCHEDULED, Set.of(RUNNING, CANCELLED), RUNNING, Set.of(ENDED),
					ENDED, Set.of(), CANCELLED, Set.of()),
			CampaignStatus::canBecome, CampaignStatus::next, CampaignStatus::to, "campaign-illegal-transition");

	static Stream<Arguments> pairs() {
		return MOVES.pairs();
	}

	@ParameterizedTest
	@MethodSource("pairs")
	void statusMovesFollowTheLifecycle(CampaignStatus from, CampaignStatus to) {
		MOVES.check(from, to);
	}

	static Campaign campaign(CampaignStatus status) {
		return new Campaign(new CampaignId(1), new RegionId(1), "双12 年终大促", Festival.DOUBLE_TWELVE, FIRST_DAY, 7, 3, 5,
				FIRST_DAY.atStartOfDay(SHANGHAI).toInstant(), FIRST_DAY.plusDays(15).atStartOfDay(SHANGHAI).toInstant(),
				Money.ofFen(500_000), Money.ZERO, status, 3);
	}

	@Test
	void phasesFollowEachOtherSevenThreeFiveDays() {
		Campaign c = campaign(RUNNING);
		assertThat(c.phaseOn(FIRST_DAY.minusDays(1))).isEmpty();
		assertThat(c.phaseOn(FIRST_DAY)).contains(CampaignPhase.WARM_UP);
		assertThat(c.phaseOn(FIRST_DAY.plusDays(6))).contains(CampaignPhase.WARM_UP);
		assertThat(c.phaseOn(FIRST_DAY.plusDays(7))).contains(CampaignPhase.PEAK);
		assertThat(c.phaseOn(FIRST_DAY.plusDays(9))).contains(CampaignPhase.PEAK);
		assertThat(c.phaseOn(FIRST_DAY.plusDays(10))).contains(CampaignPhase.LONG_TAIL);
		assertThat(c.phaseOn(FIRST_DAY.plusDays(14))).contains(CampaignPhase.LONG_TAIL);
		assertThat(c.phaseOn(FIRST_DAY.plusDays(15))).isEmpty();
		assertThat(c.endsOn()).isEqualTo(LocalDate.of(2026, 12, 15));
		// 2026-12-08 00:30 in Shanghai (the peak) is still 12-07 in UTC (warm-up): the region's calendar decides
		assertThat(c.phaseAt(Instant.parse("2026-12-07T16:30:00Z"), SHANGHAI)).contains(CampaignPhase.PEAK);
	}

	@Test
	void aDraftIsScheduledUnlessItIsOver() {
		assertThat(campaign(DRAFT).schedule(Instant.parse("2026-12-06T00:00:00Z")).status()).isEqualTo(SCHEDULED);
		assertThatThrownBy(() -> campaign(DRAFT).schedule(Instant.parse("2026-12-16T00:00:00Z")))
			.isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("campaign-over"));
	}

	@Test
	void aScheduledCampaignStartsOnlyOnItsFirstDay() {
		assertThat(campaign(SCHEDULED).start(Instant.parse("2026-12-05T00:00:00Z")).status()).isEqualTo(RUNNING);
		assertThatThrownBy(() -> campaign(SCHEDULED).start(Instant.parse("2026-11-30T15:59:59Z")))
			.isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("campaign-not-started"));
	}

	@Test
	void endingAndCancellingAreGuarded() {
		assertThat(campaign(RUNNING).end().status()).isEqualTo(ENDED);
		assertThat(campaign(SCHEDULED).cancel().status()).isEqualTo(CANCELLED);
		assertThatThrownBy(() -> campaign(RUNNING).cancel()).isInstanceOf(BusinessRuleException.class);
		assertThatThrownBy(() -> campaign(DRAFT).end()).isInstanceOf(BusinessRuleException.class);
		assertThat(campaign(RUNNING).end().version()).as("the version read is the compare-and-set key").isEqualTo(3);
	}

	@Test
	void whatIsLeftOfTheBudget() {
		Campaign c = new Campaign(new CampaignId(1), new RegionId(1), "x", Festival.OTHER, FIRST_DAY, 0, 1, 0, Instant.EPOCH,
				Instant.EPOCH.plusSeconds(1), Money.ofFen(1000), Money.ofFen(300), RUNNING, 0);
		assertThat(c.remaining()).isEqualTo(Money.ofFen(700));
	}
}
