package com.linli.leader;

import com.linli.shared.BusinessRuleException;
import org.junit.jupiter.api.Test;

import static com.linli.leader.LeaderStatus.ACTIVE;
import static com.linli.leader.LeaderStatus.CLOSED;
import static com.linli.leader.LeaderStatus.SUSPENDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeaderStatusTests {

	@Test
	void anActiveLeaderCanBeSuspendedOrClosed() {
		assertThat(ACTIVE.to(SUSPENDED)).isEqualTo(SUSPENDED);
		assertThat(ACTIVE.to(CLOSED)).isEqualTo(CLOSED);
		assertThat(ACTIVE.next()).containsExactlyInAnyOrder(SUSPENDED, CLOSED);
	}

	@Test
	void aSuspendedLeaderCanBeReactivatedOrClosed() {
		assertThat(SUSPENDED.to(ACTIVE)).isEqualTo(ACTIVE);
		assertThat(SUSPENDED.to(CLOSED)).isEqualTo(CLOSED);
		assertThat(SUSPENDED.next()).containsExactlyInAnyOrder(ACTIVE, CLOSED);
	}

	@Test
	void closedIsFinal() {
		assertThat(CLOSED.next()).isEmpty();
		for (var target : LeaderStatus.values()) {
			assertThatThrownBy(() -> CLOSED.to(target)).isInstanceOf(BusinessRuleException.class);
		}
	}

	@Test
	void aStatusCannotChangeToItselfAndTheRefusalNamesBoth() {
		assertThatThrownBy(() -> ACTIVE.to(ACTIVE)).isInstanceOf(BusinessRuleException.class);
		assertThatThrownBy(() -> SUSPENDED.to(SUSPENDED))
			.isInstanceOfSatisfying(BusinessRuleException.class, e -> {
				assertThat(e.code()).isEqualTo("illegal-leader-transition");
				assertThat(e.getMessage()).contains("SUSPENDED");
			});
	}

	@Test
	void onlyAClosedLeaderFreesThePickupPoint() {
		assertThat(ACTIVE.holdsPickupPoint()).isTrue();
		assertThat(SUSPENDED.holdsPickupPoint()).isTrue();
		assertThat(CLOSED.holdsPickupPoint()).isFalse();
	}
}
