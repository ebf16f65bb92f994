package com.linli.ordering;

import java.util.List;

import com.linli.identity.AccountId;
import com.linli.marketing.CouponChoice;
import com.linli.marketing.TeamIntent;

/**
 * A resident's submit. The idempotency key makes retries safe: the same key returns the same
 * order, never a second one. {@code note}: an optional word to the leader (at most 200 characters).
 * The resident's promotion choices go to the price engine: {@code coupon} (the best one by default, none,
 * or a chosen one), {@code points} to spend (0: none; at most {@link #POINTS_MAX}) and, for a group-buy
 * order, the {@code team} to open or join (null: none). The rules ({@code internal.SubmitRules}) check them
 * and name the field of a bad value.
 */
public record PlaceOrder(AccountId residentId, String idempotencyKey, List<OrderItem> items, String note,
		CouponChoice coupon, long points, TeamIntent team) {

	public static final int NOTE_MAX = 200;

	/** The most points one order may spend (a bad request, not a balance: the balance is marketing's). */
	public static final long POINTS_MAX = 1_000_000;

	public PlaceOrder {
		items = List.copyOf(items);
		note = note == null || note.isBlank() ? null : note.strip();
		coupon = coupon == null ? CouponChoice.best() : coupon;
	}

	/** A submit with the best coupon, no points and no team. */
	public PlaceOrder(AccountId residentId, String idempotencyKey, List<OrderItem> items, String note) {
		this(residentId, idempotencyKey, items, note, CouponChoice.best(), 0, null);
	}

	/** A submit without a note, with the best coupon, no points and no team. */
	public PlaceOrder(AccountId residentId, String idempotencyKey, List<OrderItem> items) {
		this(residentId, idempotencyKey, items, null);
	}
}
