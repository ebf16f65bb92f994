package com.linli.leader.recruitment;

import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.linli.StatusMoves;
import com.linli.identity.AccountId;
import com.linli.leader.ApplicationStatus;
import com.linli.leader.LeaderApplication;
import com.linli.leader.LeaderApplicationApproved;
import com.linli.leader.LeaderApplicationId;
import com.linli.leader.LeaderId;
import com.linli.leader.PickupPointKind;
import com.linli.leader.RecruitmentScore;
import com.linli.leader.ReviewCheck;
import com.linli.leader.internal.recruitment.RecruitmentStandards;
import com.linli.network.CommunityId;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.linli.leader.ApplicationStatus.APPROVED;
import static com.linli.leader.ApplicationStatus.MORE_INFO_REQUESTED;
import static com.linli.leader.ApplicationStatus.REJECTED;
import static com.linli.leader.ApplicationStatus.SUBMITTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The application's lifecycle: every status pair, the aggregate's guarded moves, and the recruitment score. */
class ApplicationStatusTests {

	static final StatusMoves<ApplicationStatus> MOVES = StatusMoves.of(ApplicationStatus.class,
			Map.of(SUBMITTED, Set.of(MORE_INFO_REQUESTED, APPROVED, REJECTED), MORE_INFO_REQUESTED,
					Set.of(SUBMITTED, REJECTED), APPROVED, Set.of(), REJECTED, Set.of()),
			ApplicationStatus::canBecome, ApplicationStatus::next, ApplicationStatus::to,
			"illegal-application-transition");

	static Stream<Arguments> pairs() {
		return MOVES.pairs();
	}

	@ParameterizedTest
	@MethodSource("pairs")
	void theEnumOwnsItsMoves(ApplicationStatus from, ApplicationStatus to) {
		MOVES.check(from, to);
	}

	static final Instant AT = Instant.parse("2026-12-06T02:00:00Z");

	static LeaderApplication application(ApplicationStatus status) {
		var details = new LeaderApplication.Details(new RegionId(1), new CommunityId(2), "王芳", "13900001111",
				"3301**********1234", PickupPointKind.SHOP, "王芳便利店", "幸福路1号", 30.28, 120.13, LocalTime.of(8, 0),
				LocalTime.of(21, 0), 120, 800, 10, "L7K2");
		return new LeaderApplication(new LeaderApplicationId(9), "LA261206ABCDEF", details, status,
				new RecruitmentScore(30, 12, 20, 20, null),
				new LeaderApplication.Review(EnumSet.noneOf(ReviewCheck.class), null, null, null, null, null, null), 3,
				AT, AT);
	}

	@Test
	void approvalNeedsEveryCheckAndRegistersTheEvent() {
		var a = application(SUBMITTED);
		assertThatThrownBy(() -> a.approve(new AccountId(1), EnumSet.of(ReviewCheck.IDENTITY), new PickupPointId(5),
				new LeaderId(6), AT))
			.isInstanceOf(InvalidInputException.class)
			.satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("checklist"));
		assertThat(a.status()).isEqualTo(SUBMITTED);

		a.approve(new AccountId(1), EnumSet.allOf(ReviewCheck.class), new PickupPointId(5), new LeaderId(6), AT);
		assertThat(a.status()).isEqualTo(APPROVED);
		assertThat(a.review().pickupPointId()).isEqualTo(new PickupPointId(5));
		assertThat(a.events()).containsExactly(new LeaderApplicationApproved(new LeaderApplicationId(9), new LeaderId(6),
				new PickupPointId(5), new RegionId(1), "L7K2"));
	}

	@Test
	void askingForMoreWaitsForTheAnswerThenTheQueueAgain() {
		var a = application(SUBMITTED);
		assertThatThrownBy(() -> a.requestMoreInfo(new AccountId(1), " ", AT)).isInstanceOf(InvalidInputException.class);
		a.requestMoreInfo(new AccountId(1), "请补一张门店正面照片", AT);
		assertThat(a.status()).isEqualTo(MORE_INFO_REQUESTED);
		assertThatThrownBy(() -> a.checkApprovable(EnumSet.allOf(ReviewCheck.class)))
			.isInstanceOf(BusinessRuleException.class).hasMessageContaining("MORE_INFO_REQUESTED");
		a.answer("已上传", new RecruitmentScore(30, 30, 20, 20, 1500), AT);
		assertThat(a.status()).isEqualTo(SUBMITTED);
		assertThat(a.score().total()).isEqualTo(100);
		assertThat(a.review().question()).isEqualTo("请补一张门店正面照片");
		assertThat(a.review().answer()).isEqualTo("已上传");
	}

	@Test
	void aRejectionNeedsItsReasonAndIsFinal() {
		var a = application(SUBMITTED);
		assertThatThrownBy(() -> a.reject(new AccountId(1), null, AT)).isInstanceOf(InvalidInputException.class);
		assertThat(a.status()).isEqualTo(SUBMITTED);
		a.reject(new AccountId(1), "该小区已有自提点", AT);
		assertThat(a.status()).isEqualTo(REJECTED);
		assertThatThrownBy(() -> a.reject(new AccountId(1), "again", AT)).isInstanceOf(BusinessRuleException.class);
		assertThatThrownBy(() -> a.approve(new AccountId(1), EnumSet.allOf(ReviewCheck.class), new PickupPointId(5),
				new LeaderId(6), AT)).isInstanceOf(BusinessRuleException.class);
		assertThat(a.events()).isEmpty();
	}

	@Test
	void theScoreAddsItsParts() {
		var full = RecruitmentStandards.score(900, 450, PickupPointKind.SHOP, 12, null);
		assertThat(full).isEqualTo(new RecruitmentScore(30, 30, 20, 20, null));
		var some = RecruitmentStandards.score(300, 150, PickupPointKind.HOME, 2, 700.4);
		assertThat(some).isEqualTo(new RecruitmentScore(15, 15, 10, 10, 700));
		assertThat(some.total()).isEqualTo(50);
		var none = RecruitmentStandards.score(0, 0, PickupPointKind.SHOP, 0, 120.0);
		assertThat(none.total()).isZero();
		// a shop with little storage counts as some storage only
		assertThat(RecruitmentStandards.score(0, 0, PickupPointKind.SHOP, 4, 1000.0).storage()).isEqualTo(10);
		assertThat(RecruitmentStandards.score(0, 0, PickupPointKind.SHOP, 4, 1000.0).distance()).isEqualTo(20);
	}
}
