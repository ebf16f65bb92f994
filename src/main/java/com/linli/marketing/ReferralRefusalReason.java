package com.linli.marketing;

/**
 * Why a referral reward was not given, as recorded for the console: the inviter's phone is the invitee's
 * (a self-invite), the invitee's phone or device already brought a reward, the inviter brought too many
 * invitees to one pickup point in one day, the region gives no reward, or a side's reward could not be
 * granted (the coupon template ran out, say).
 */
public enum ReferralRefusalReason {
	SAME_PHONE, PHONE_REWARDED, DEVICE_REWARDED, PICKUP_POINT_PATTERN, NO_REWARD_CONFIGURED, REWARD_UNAVAILABLE
}
