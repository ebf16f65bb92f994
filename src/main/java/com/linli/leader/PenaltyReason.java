package com.linli.leader;

/** Why a penalty was given: one of the nightly rules, or an operator's own decision (with its text). */
public enum PenaltyReason {
	INACTIVITY, LATE_RECEIPTS, COMPLAINTS, OPERATOR
}
