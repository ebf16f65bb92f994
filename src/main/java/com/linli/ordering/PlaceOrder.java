package com.linli.ordering;

import java.util.List;

import com.linli.identity.AccountId;

/**
 * A resident's submit. The idempotency key makes retries safe: the same key returns the same
 * order, never a second one.
 */
public record PlaceOrder(AccountId residentId, String idempotencyKey, List<OrderItem> items) {

	public PlaceOrder {
		items = List.copyOf(items);
	}
}
