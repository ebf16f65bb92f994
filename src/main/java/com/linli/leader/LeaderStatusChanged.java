package com.linli.leader;

import com.linli.network.PickupPointId;

/** A leader was suspended, reactivated or closed. */
public record LeaderStatusChanged(LeaderId leaderId, PickupPointId pickupPointId, LeaderStatus from, LeaderStatus to) {
}
