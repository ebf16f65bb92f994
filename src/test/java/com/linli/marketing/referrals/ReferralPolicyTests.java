package com.linli.marketing.referrals;

import com.linli.marketing.ReferralManagement;
import com.linli.marketing.ReferralRefusalReason;
import com.linli.marketing.ReferralRule;
import com.linli.marketing.internal.referrals.ReferralPolicy;
import com.linli.marketing.internal.referrals.ReferralPolicy.Facts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The anti-abuse rules of a referral reward, one by one and in their order. */
class ReferralPolicyTests {

	static final ReferralRule POINTS = new ReferralRule(true, null, 100L, 7L, null, 2);

	static Facts facts(String inviterPhone, String inviteePhone, boolean phone, boolean device, int today, ReferralRule rule) {
		return new Facts(inviterPhone, inviteePhone, phone, device, today, rule);
	}

	@Test
	void anHonestReferralIsRewarded() {
		assertThat(ReferralPolicy.refusal(facts("13900000001", "13900000002", false, false, 1, POINTS))).isEmpty();
	}

	@Test
	void theSamePhoneWrittenDifferentlyIsASelfInvite() {
		assertThat(ReferralPolicy.refusal(facts("+86 139-0000-0001", "13900000001", false, false, 0, POINTS)))
			.contains(ReferralRefusalReason.SAME_PHONE);
	}

	@Test
	void aPhoneRewardedBeforeIsRefused() {
		assertThat(ReferralPolicy.refusal(facts("13900000001", "13900000002", true, false, 0, POINTS)))
			.contains(ReferralRefusalReason.PHONE_REWARDED);
	}

	@Test
	void aDeviceRewardedBeforeIsRefused() {
		assertThat(ReferralPolicy.refusal(facts("13900000001", "13900000002", false, true, 0, POINTS)))
			.contains(ReferralRefusalReason.DEVICE_REWARDED);
	}

	@Test
	void thePickupPointPatternAllowsTheLimitAndRefusesOneMore() {
		assertThat(ReferralPolicy.refusal(facts("13900000001", "13900000002", false, false, 1, POINTS))).isEmpty();
		assertThat(ReferralPolicy.refusal(facts("13900000001", "13900000002", false, false, 2, POINTS)))
			.contains(ReferralRefusalReason.PICKUP_POINT_PATTERN);
	}

	@Test
	void anUnknownPickupPointDoesNotCountAgainstThePattern() {
		assertThat(ReferralPolicy.refusal(facts("13900000001", "13900000002", false, false, -1, POINTS))).isEmpty();
	}

	@Test
	void aRegionWithoutRewardsRecordsWhy() {
		assertThat(ReferralPolicy.refusal(facts("13900000001", "13900000002", false, false, 0, ReferralRule.none())))
			.contains(ReferralRefusalReason.NO_REWARD_CONFIGURED);
		var enabledButEmpty = new ReferralRule(true, null, null, null, null, 3);
		assertThat(ReferralPolicy.refusal(facts("13900000001", "13900000002", false, false, 0, enabledButEmpty)))
			.contains(ReferralRefusalReason.NO_REWARD_CONFIGURED);
	}

	@Test
	void theFirstRuleBrokenIsTheReason() {
		assertThat(ReferralPolicy.refusal(facts("13900000001", "13900000001", true, true, 9, ReferralRule.none())))
			.contains(ReferralRefusalReason.SAME_PHONE);
		assertThat(ReferralPolicy.refusal(facts("13900000001", "13900000002", false, true, 9, POINTS)))
			.contains(ReferralRefusalReason.DEVICE_REWARDED);
	}

	@Test
	void namesAreMaskedButTheFirstCharacter() {
		assertThat(ReferralManagement.mask("张三")).isEqualTo("张*");
		assertThat(ReferralManagement.mask("欧阳娜娜")).isEqualTo("欧***");
		assertThat(ReferralManagement.mask("张")).isEqualTo("张*");
		assertThat(ReferralManagement.mask("  ")).isEqualTo("*");
		assertThat(ReferralManagement.mask("𠀋大")).isEqualTo("𠀋*");
	}
}
