package com.linli.logistics;

/** What went wrong on the way, as the driver reports it. */
public enum ExceptionKind {
	LATE, VEHICLE, DAMAGED_GOODS, OTHER
}
