package com.linli.leader;

import com.linli.network.PickupPointId;

/**
 * An appointment: the leader's phone (their login), name, an initial password (used only when no
 * account has this phone yet) and the pickup point they will run.
 */
public record NewLeader(String phone, String name, String password, PickupPointId pickupPointId) {
}
