package com.linli.ordering;

import java.util.List;

import com.linli.identity.AccountId;

/**
 * A resident's submit. The idempotency key makes retries safe: the same key returns the same
 * order, never a second one. {@code note}: an optional word to the leader (at most 200 characters).
 */
public record PlaceOrder(AccountId residentId, String idempotencyKey, List<OrderItem> items, String note) {

	public static final int NOTE_MAX = 200;

	public PlaceOrder {
		items = List.copyOf(items);
		note = note == null || note.isBlank() ? null : note.strip();
	}

	public PlaceOrder(AccountId residentId, String idempotencyKey, List<OrderItem> items) {
		this(residentId, idempotencyKey, items, null);
	}
}
