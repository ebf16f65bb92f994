package com.linli.marketing;

import java.time.Instant;

import com.linli.identity.AccountId;

/**
 * One decided referral (or one refused side of it) as the console lists it: who invited whom, the first
 * paid order, and either the reward given or the reason it was refused.
 */
public record ReferralDecision(long referralId, AccountId inviter, String inviterName, AccountId invitee,
		String inviteeName, Long orderId, String side, String reward, ReferralRefusalReason reason, String detail,
		Instant at) {
}
