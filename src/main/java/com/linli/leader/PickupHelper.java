package com.linli.leader;

import java.time.Instant;

import com.linli.identity.AccountId;
import com.linli.network.PickupPointId;

/**
 * A leader's helper at their pickup point (核销员): an account with the VERIFIER role that may hand out orders at
 * this point only and sees nothing of the money. {@code removedAt} is set once the leader removed them.
 */
public record PickupHelper(long id, LeaderId leaderId, PickupPointId pickupPointId, AccountId accountId, String name,
		String phone, Instant addedAt, Instant removedAt) {

	public boolean active() {
		return removedAt == null;
	}

	/** The phone as the list shows it: 138****1234. */
	public String maskedPhone() {
		return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
	}
}
