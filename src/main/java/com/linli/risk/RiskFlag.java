package com.linli.risk;

import java.util.List;
import java.util.TreeSet;

/**
 * One rule's finding about one subject: its score (0–100), a summary (a stored {@code Text}), the evidence, and
 * the accounts whose payouts and coupon use the case holds. The fingerprint (rule and the sorted accounts) keeps a
 * cleared finding from opening a new case until something changes.
 */
public record RiskFlag(long regionId, SubjectKind subjectKind, String subjectKey, String subjectLabel, RiskRule rule,
		int score, String summary, Evidence evidence, List<Long> heldAccounts) {

	public RiskFlag {
		if (score < 0 || score > 100) {
			throw new IllegalArgumentException("a score is 0..100: " + score);
		}
		heldAccounts = List.copyOf(new TreeSet<>(heldAccounts));
	}

	public String fingerprint() {
		String raw = regionId + "|" + subjectKind + "|" + subjectKey + "|" + rule + "|" + heldAccounts;
		try {
			var digest = java.security.MessageDigest.getInstance("SHA-256").digest(raw.getBytes(
					java.nio.charset.StandardCharsets.UTF_8));
			return java.util.HexFormat.of().formatHex(digest);
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
