package com.linli.leader;

/**
 * ACCRUAL: commission earned on a picked-up line; REVERSAL: given back when picked-up units are refunded;
 * HANDLING_FEE: the fixed fee per picked-up order of a pickup-only point (纯自提点, helpers).
 */
public enum CommissionEntryKind {
	ACCRUAL, REVERSAL, HANDLING_FEE
}
