package com.linli.marketing;

import java.time.Instant;

import com.linli.network.RegionId;
import com.linli.shared.Money;

/**
 * A gift with purchase (满赠): an order of the region whose amount after prices and full reductions reaches
 * {@code threshold} gets the gift (handed out at the pickup point; the order records it, a cancellation
 * returns it).
 */
public record Gift(long id, RegionId regionId, Money threshold, String giftName, Instant startsAt, Instant endsAt,
		boolean active) {

	public boolean isOnAt(Instant at) {
		return active && !at.isBefore(startsAt) && at.isBefore(endsAt);
	}
}
