package com.linli.leader;

import com.linli.network.PickupPointId;
import com.linli.network.RegionId;

/** An application was approved: its pickup point is open and its leader appointed; the referral code, if any. */
public record LeaderApplicationApproved(LeaderApplicationId applicationId, LeaderId leaderId,
		PickupPointId pickupPointId, RegionId regionId, String referralCode) {
}
