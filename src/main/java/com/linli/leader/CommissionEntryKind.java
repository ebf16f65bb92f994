package com.linli.leader;

/** ACCRUAL: commission earned on a picked-up line; REVERSAL: given back when picked-up units are refunded. */
public enum CommissionEntryKind {
	ACCRUAL, REVERSAL
}
