package com.linli.supply;

/** DRAFT -> SENT -> CONFIRMED -> DELIVERED -> SETTLED, or CANCELLED (from DRAFT or SENT). */
public enum PurchaseOrderStatus {
	DRAFT, SENT, CONFIRMED, DELIVERED, SETTLED, CANCELLED
}
