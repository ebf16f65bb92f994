package com.linli.supply;

/** How often a supplier is paid: weekly (ISO weeks), monthly, or every {@code n} days. */
public enum PaymentPeriod {
	WEEKLY, MONTHLY, DAYS
}
