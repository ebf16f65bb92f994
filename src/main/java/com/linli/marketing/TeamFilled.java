package com.linli.marketing;

import java.time.Instant;
import java.util.List;

/**
 * A group-buy team succeeded: its size of members paid, or (when the operator allowed it) fewer at the
 * deadline ({@code withFewer}). Its members' orders go on as usual.
 */
public record TeamFilled(long teamId, ListingId listing, int size, int paidMembers, boolean withFewer,
		List<Long> memberOrderIds, Instant at) {

	public TeamFilled {
		memberOrderIds = List.copyOf(memberOrderIds);
	}
}
