package com.linli.risk;

/** A rule flagged a subject: the case it joined (new or open already), the rule and its score. */
public record RiskFlagged(long caseId, long regionId, SubjectKind subjectKind, String subjectKey, RiskRule rule,
		int score, boolean newCase) {
}
