package com.linli.risk;

/** What one run of the rules over a region found: flags raised, of which new or changed, and cases opened. */
public record EvaluationOutcome(long regionId, int flags, int changed, int casesOpened) {
}
