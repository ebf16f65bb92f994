package com.linli.marketing;

import java.time.Instant;
import java.util.List;

/**
 * A group-buy team reached its deadline unfilled: every order holding a place in it (paid or not) is to
 * be cancelled with a full refund; ordering does it. Published once, when the team becomes EXPIRED.
 */
public record TeamExpired(long teamId, ListingId listing, List<Long> memberOrderIds, Instant at) {

	public TeamExpired {
		memberOrderIds = List.copyOf(memberOrderIds);
	}
}
