package com.linli.ordering.internal.web;

import java.util.EnumSet;
import java.util.Set;

import com.linli.ordering.OrderStatus;

/** How a resident groups their orders on 我的 and the order list: to pay, to pick up, done, cancelled. */
enum ShopOrderTab {

	TO_PAY(EnumSet.of(OrderStatus.PENDING_PAYMENT)),
	TO_PICK_UP(EnumSet.of(OrderStatus.PAID, OrderStatus.CONFIRMED, OrderStatus.SHIPPED, OrderStatus.READY_FOR_PICKUP)),
	DONE(EnumSet.of(OrderStatus.PICKED_UP)),
	CANCELLED(EnumSet.of(OrderStatus.CANCELLED));

	private final Set<OrderStatus> statuses;

	ShopOrderTab(Set<OrderStatus> statuses) {
		this.statuses = statuses;
	}

	boolean holds(OrderStatus status) {
		return statuses.contains(status);
	}
}
