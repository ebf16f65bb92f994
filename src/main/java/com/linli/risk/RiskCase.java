package com.linli.risk;

import java.time.Instant;

import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Text;

/**
 * A risk case: the flags about one subject in one region, with the highest score. Its moves (clear, confirm, block)
 * are guarded here and answer a new case; the repository saves them with a compare-and-set on status and version.
 */
public record RiskCase(long id, long regionId, SubjectKind subjectKind, String subjectKey, String subjectLabel,
		CaseStatus status, int score, RiskRule topRule, Instant openedAt, Instant updatedAt, Instant decidedAt,
		Long decidedBy, String decisionNote, Instant blockedAt, int version) {

	/** The operator clears the case: the holds are released. */
	public RiskCase clear(Long by, String note, Instant at) {
		return decide(CaseStatus.CLEARED, by, note, at);
	}

	/** The operator confirms the case: the holds stay (forfeited), the accounts may be blocked. */
	public RiskCase confirm(Long by, String note, Instant at) {
		return decide(CaseStatus.CONFIRMED, by, note, at);
	}

	/** Records that the case's accounts were blocked: only a confirmed case, once. */
	public RiskCase block(Instant at) {
		if (status != CaseStatus.CONFIRMED) {
			throw new BusinessRuleException("risk-case-not-confirmed", "status",
					Text.of("risk.problem.blockNeedsConfirmed", id, status));
		}
		if (blockedAt != null) {
			throw new BusinessRuleException("risk-case-blocked", "status", Text.of("risk.problem.blockedAlready", id));
		}
		return new RiskCase(id, regionId, subjectKind, subjectKey, subjectLabel, status, score, topRule, openedAt, at,
				decidedAt, decidedBy, decisionNote, at, version);
	}

	private RiskCase decide(CaseStatus target, Long by, String note, Instant at) {
		CaseStatus next = status.to(target);
		String trimmed = note == null ? null : note.strip();
		if (trimmed != null && trimmed.length() > 300) {
			throw new InvalidInputException("note", Text.of("risk.problem.noteTooLong", 300));
		}
		return new RiskCase(id, regionId, subjectKind, subjectKey, subjectLabel, next, score, topRule, openedAt, at, at,
				by, trimmed == null || trimmed.isEmpty() ? null : trimmed, blockedAt, version);
	}
}
