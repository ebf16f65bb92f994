package com.linli.marketing;

import java.time.Instant;
import java.util.List;

/**
 * A resident's invite page: their code, the friends they invited (names masked) and what each brought,
 * and whom they were invited by, if anyone.
 */
public record Invitation(String code, List<Friend> friends, String invitedBy) {

	public Invitation {
		friends = List.copyOf(friends);
	}

	/** One invited friend: masked name, when bound, BOUND / REWARDED / REFUSED, and the inviter's reward. */
	public record Friend(String maskedName, Instant boundAt, String status, String reward) {
	}
}
