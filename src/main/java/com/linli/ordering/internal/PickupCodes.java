package com.linli.ordering.internal;

import java.security.SecureRandom;

import com.linli.network.PickupPointId;

import org.springframework.stereotype.Component;

/**
 * Six-digit pickup codes (取货码), unique among the live orders of one pickup point (a partial
 * unique index enforces it; this only avoids a collision in the common case).
 */
@Component
public class PickupCodes {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Orders orders;

	PickupCodes(Orders orders) {
		this.orders = orders;
	}

	public String newCode(PickupPointId point) {
		for (int attempt = 0; attempt < 20; attempt++) {
			String code = String.format("%06d", RANDOM.nextInt(1_000_000));
			if (!orders.pickupCodeInUse(point, code)) {
				return code;
			}
		}
		throw new IllegalStateException("no free pickup code at pickup point " + point);
	}
}
