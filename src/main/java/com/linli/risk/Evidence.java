package com.linli.risk;

import java.util.List;
import java.util.Map;

/**
 * What triggered a flag: the accounts, devices, orders and amount behind it, plus the rule's figures (counts,
 * rates, thresholds). Stored as JSON on the flag and shown on the case page.
 */
public record Evidence(List<Long> accounts, List<String> devices, List<Long> orders, long amountFen,
		Map<String, Object> figures) {

	public Evidence {
		accounts = List.copyOf(accounts);
		devices = List.copyOf(devices);
		orders = List.copyOf(orders);
		figures = Map.copyOf(figures);
	}
}
