package com.linli.marketing.internal.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import com.linli.marketing.ListingId;
import com.linli.marketing.TeamExpired;
import com.linli.marketing.TeamFilled;
import com.linli.marketing.TeamStatus;
import com.linli.shared.BusinessRuleException;

import org.junit.jupiter.api.Test;

/** The team aggregate: it fills only when its size paid; at its deadline it expires, or succeeds with fewer if allowed. */
class TeamStateTests {

	static final Instant DEADLINE = Instant.parse("2026-12-06T10:00:00Z");

	static TeamState team(int size, int members, int paid, boolean allowFewer, TeamStatus status) {
		return new TeamState(7, new ListingId(3), size, members, paid, allowFewer, status, DEADLINE, null, 4);
	}

	@Test
	void aTeamWhoseSizePaidFillsAndSaysWhichOrders() {
		var team = team(3, 3, 3, false, TeamStatus.OPEN);
		team.fill(List.of(11L, 12L, 13L), DEADLINE.minusSeconds(60));
		assertThat(team.status()).isEqualTo(TeamStatus.FILLED);
		assertThat(team.closedAt()).isEqualTo(DEADLINE.minusSeconds(60));
		assertThat(team.events()).containsExactly(
				new TeamFilled(7, new ListingId(3), 3, 3, false, List.of(11L, 12L, 13L), DEADLINE.minusSeconds(60)));
	}

	@Test
	void aTeamNotFullOfPaidMembersDoesNotFill() {
		var team = team(3, 3, 2, false, TeamStatus.OPEN);
		assertThatThrownBy(() -> team.fill(List.of(), DEADLINE)).isInstanceOfSatisfying(BusinessRuleException.class,
				e -> assertThat(e.code()).isEqualTo("team-not-full"));
		assertThat(team.status()).isEqualTo(TeamStatus.OPEN);
		assertThat(team.events()).isEmpty();
	}

	@Test
	void aClosedTeamNeverMovesAgain() {
		for (TeamStatus closed : List.of(TeamStatus.FILLED, TeamStatus.EXPIRED)) {
			var team = team(2, 2, 2, true, closed);
			assertThatThrownBy(() -> team.fill(List.of(), DEADLINE)).isInstanceOfSatisfying(BusinessRuleException.class,
					e -> assertThat(e.code()).isEqualTo("illegal-team-transition"));
			assertThatThrownBy(() -> team.closeAtDeadline(List.of(), DEADLINE))
				.isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("illegal-team-transition"));
			assertThat(team.events()).isEmpty();
		}
	}

	@Test
	void anUnfilledTeamExpiresAtItsDeadlineNamingEveryMembersOrder() {
		var team = team(3, 2, 1, false, TeamStatus.OPEN);
		assertThat(team.closeAtDeadline(List.of(21L, 22L), DEADLINE)).isEqualTo(TeamStatus.EXPIRED);
		assertThat(team.events()).containsExactly(new TeamExpired(7, new ListingId(3), List.of(21L, 22L), DEADLINE));
	}

	@Test
	void withFewerAllowedATeamWithAPaidMemberSucceedsAndWithoutOneExpires() {
		var paid = team(4, 2, 1, true, TeamStatus.OPEN);
		assertThat(paid.closeAtDeadline(List.of(31L, 32L), DEADLINE)).isEqualTo(TeamStatus.FILLED);
		assertThat(paid.events()).containsExactly(new TeamFilled(7, new ListingId(3), 4, 1, true, List.of(31L, 32L), DEADLINE));

		var unpaid = team(4, 2, 0, true, TeamStatus.OPEN);
		assertThat(unpaid.closeAtDeadline(List.of(41L, 42L), DEADLINE)).isEqualTo(TeamStatus.EXPIRED);
	}

	@Test
	void nothingClosesBeforeTheDeadline() {
		var team = team(3, 1, 0, false, TeamStatus.OPEN);
		assertThatThrownBy(() -> team.closeAtDeadline(List.of(1L), DEADLINE.minusMillis(1)))
			.isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("team-deadline-ahead"));
		assertThat(team.status()).isEqualTo(TeamStatus.OPEN);
	}
}
