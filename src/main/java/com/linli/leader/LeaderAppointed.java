package com.linli.leader;

import com.linli.identity.AccountId;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;

/** A leader now runs a pickup point. */
public record LeaderAppointed(LeaderId leaderId, AccountId accountId, PickupPointId pickupPointId, RegionId regionId) {
}
