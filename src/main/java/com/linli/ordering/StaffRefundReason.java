package com.linli.ordering;

/** Why an operator refunds units of a line from the console (the reader's words come from the bundle). */
public enum StaffRefundReason {
	QUALITY, DAMAGED, MISSING, WRONG_ITEM, GOODWILL
}
