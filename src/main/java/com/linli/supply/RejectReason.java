package com.linli.supply;

/** Why units were turned away at receiving. */
public enum RejectReason {
	QUALITY, DAMAGE, WRONG_ITEM
}
