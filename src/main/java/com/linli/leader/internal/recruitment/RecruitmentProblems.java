package com.linli.leader.internal.recruitment;

import com.linli.shared.BusinessRuleException;
import com.linli.shared.Text;

/** The refusals recruitment shares between the service and the repository. */
public final class RecruitmentProblems {

	private RecruitmentProblems() {
	}

	public static BusinessRuleException openApplication() {
		return new BusinessRuleException("application-open", "phone", Text.of("leader.problem.recruitmentOpenApplication"));
	}

	public static BusinessRuleException alreadyLeader() {
		return new BusinessRuleException("already-leader", "phone", Text.of("leader.problem.recruitmentAlreadyLeader"));
	}
}
