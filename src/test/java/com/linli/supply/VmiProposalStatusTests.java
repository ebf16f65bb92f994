package com.linli.supply;

import com.linli.shared.BusinessRuleException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A proposal is decided once: approved, rejected or withdrawn, and then final. */
class VmiProposalStatusTests {

	@Test
	void anOpenProposalMayBeApprovedRejectedOrWithdrawn() {
		assertThat(VmiProposalStatus.PROPOSED.next()).containsExactlyInAnyOrder(VmiProposalStatus.APPROVED,
				VmiProposalStatus.REJECTED, VmiProposalStatus.WITHDRAWN);
	}

	@Test
	void aDecidedProposalIsFinal() {
		for (var decided : new VmiProposalStatus[] { VmiProposalStatus.APPROVED, VmiProposalStatus.REJECTED,
				VmiProposalStatus.WITHDRAWN }) {
			assertThat(decided.next()).isEmpty();
			assertThatThrownBy(() -> decided.to(VmiProposalStatus.APPROVED)).isInstanceOf(BusinessRuleException.class)
				.satisfies(e -> assertThat(((BusinessRuleException) e).code()).isEqualTo("vmi-proposal-status"));
		}
	}
}
