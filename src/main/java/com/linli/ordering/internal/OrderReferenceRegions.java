package com.linli.ordering.internal;

import java.util.Optional;

import com.linli.ordering.OrderManagement;
import com.linli.shared.ReferenceRegions;

import org.springframework.stereotype.Component;

/** The region of an order's payment reference ({@code order:42}), for payment's region check. */
@Component
class OrderReferenceRegions implements ReferenceRegions {

	private final Orders orders;

	OrderReferenceRegions(Orders orders) {
		this.orders = orders;
	}

	@Override
	public Optional<Long> regionOf(String merchantReference) {
		return OrderManagement.fromMerchantReference(merchantReference).flatMap(orders::find)
			.map(order -> order.regionId().value());
	}
}
