package com.linli.risk;

import java.time.Instant;

import com.linli.shared.BusinessRuleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A risk case's moves: OPEN -> CONFIRMED | CLEARED, a decided case moves no more, blocking needs a confirmed case. */
class RiskCaseTests {

	static final Instant AT = Instant.parse("2026-12-07T02:00:00Z");

	static RiskCase open() {
		return new RiskCase(1, 7, SubjectKind.DEVICE, "dev-1", "dev-1", CaseStatus.OPEN, 80, RiskRule.SHARED_DEVICE, AT,
				AT, null, null, null, null, 0);
	}

	@ParameterizedTest
	@EnumSource(CaseStatus.class)
	void aStatusMovesOnlyWhereItsLifecycleAllows(CaseStatus to) {
		for (CaseStatus from : CaseStatus.values()) {
			boolean allowed = from == CaseStatus.OPEN && to != CaseStatus.OPEN;
			assertThat(from.canBecome(to)).as(from + " -> " + to).isEqualTo(allowed);
			if (allowed) {
				assertThat(from.to(to)).isEqualTo(to);
			}
			else {
				assertThatThrownBy(() -> from.to(to)).isInstanceOf(BusinessRuleException.class);
			}
		}
	}

	@Test
	void clearingAndConfirmingDecideOnceAndOnlyAConfirmedCaseIsBlocked() {
		var cleared = open().clear(5L, " 同一家庭 ", AT.plusSeconds(60));
		assertThat(cleared.status()).isEqualTo(CaseStatus.CLEARED);
		assertThat(cleared.decisionNote()).isEqualTo("同一家庭");
		assertThat(cleared.decidedAt()).isEqualTo(AT.plusSeconds(60));
		assertThat(cleared.status().holds()).isFalse();
		assertThatThrownBy(() -> cleared.confirm(5L, null, AT)).isInstanceOf(BusinessRuleException.class);
		assertThatThrownBy(() -> cleared.block(AT)).isInstanceOf(BusinessRuleException.class);
		assertThatThrownBy(() -> open().block(AT)).isInstanceOf(BusinessRuleException.class);

		var confirmed = open().confirm(5L, null, AT);
		assertThat(confirmed.status().holds()).isTrue();
		var blocked = confirmed.block(AT.plusSeconds(1));
		assertThat(blocked.blockedAt()).isEqualTo(AT.plusSeconds(1));
		assertThatThrownBy(() -> blocked.block(AT)).isInstanceOf(BusinessRuleException.class);
	}
}
