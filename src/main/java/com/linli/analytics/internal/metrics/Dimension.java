package com.linli.analytics.internal.metrics;

/** The dashboard's groups of metrics, in the order the page shows them. */
public enum Dimension {
	USERS, SALES, PRODUCTS, LEADERS, SUPPLY, DELIVERY, SERVICE
}
