package com.linli.leader;

import com.linli.shared.Money;

/**
 * The rules of leader referral ({@code linli.leader.referral.*}): the one-off {@code reward} paid to the referrer
 * when the referred leader's sales in their first {@code thresholdDays} reach {@code threshold}; the referral
 * commission (平推佣金) of {@code rateBasisPoints} on each of the referred leader's accruals picked up within
 * {@code commissionDays} of the referral.
 */
public record ReferralRules(Money reward, Money threshold, int thresholdDays, int rateBasisPoints, int commissionDays) {
}
