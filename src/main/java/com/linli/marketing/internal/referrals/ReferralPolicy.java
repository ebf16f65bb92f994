package com.linli.marketing.internal.referrals;

import java.util.Optional;

import com.linli.marketing.ReferralRefusalReason;
import com.linli.marketing.ReferralRule;

/**
 * The anti-abuse rules of a referral reward, as a pure decision over the facts gathered for one
 * invitee's first paid order. The first rule broken is the recorded reason: a self-invite by phone,
 * a phone or a device that already brought a reward, the pickup point pattern (one inviter's invitees
 * crowding one pickup point in one day), or a region that gives no reward.
 */
public final class ReferralPolicy {

	private ReferralPolicy() {
	}

	/**
	 * What is known when the invitee's first order is paid.
	 * @param rewardedTodayAtPoint the inviter's invitees already rewarded at this order's pickup point
	 *        today; -1 when the order's pickup point is unknown (placed before the binding)
	 */
	public record Facts(String inviterPhone, String inviteePhone, boolean phoneRewarded, boolean deviceRewarded,
			int rewardedTodayAtPoint, ReferralRule rule) {
	}

	/** The reason to refuse the reward, or empty to give it. */
	public static Optional<ReferralRefusalReason> refusal(Facts f) {
		if (f.inviterPhone() != null && digits(f.inviterPhone()).equals(digits(f.inviteePhone()))) {
			return Optional.of(ReferralRefusalReason.SAME_PHONE);
		}
		if (f.phoneRewarded()) {
			return Optional.of(ReferralRefusalReason.PHONE_REWARDED);
		}
		if (f.deviceRewarded()) {
			return Optional.of(ReferralRefusalReason.DEVICE_REWARDED);
		}
		if (f.rewardedTodayAtPoint() >= f.rule().maxPerPointPerDay()) {
			return Optional.of(ReferralRefusalReason.PICKUP_POINT_PATTERN);
		}
		if (!f.rule().enabled() || !givesAnything(f.rule())) {
			return Optional.of(ReferralRefusalReason.NO_REWARD_CONFIGURED);
		}
		return Optional.empty();
	}

	static boolean givesAnything(ReferralRule r) {
		return r.inviterCouponTemplate() != null || r.inviterPoints() != null || r.inviteeCouponTemplate() != null
				|| r.inviteePoints() != null;
	}

	/** A phone as its digits only ("+86 139-0000-1111" and "8613900001111" are one phone). */
	static String digits(String phone) {
		if (phone == null) {
			return "";
		}
		String d = phone.replaceAll("\\D", "");
		return d.length() == 13 && d.startsWith("86") ? d.substring(2) : d;
	}

	/** The claim key of a phone. */
	static String phoneKey(String phone) {
		return "phone:" + digits(phone);
	}

	/** The claim key of a device id. */
	static String deviceKey(String deviceId) {
		return "device:" + deviceId;
	}
}
