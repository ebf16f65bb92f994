package com.linli.leader;

import java.time.LocalDate;

import com.linli.identity.AccountId;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;

/**
 * A group leader (团长): the account that runs one pickup point, with the name residents know them by
 * and the date they started.
 */
public record Leader(LeaderId id, AccountId accountId, String name, String phone, PickupPointId pickupPointId,
		RegionId regionId, LeaderStatus status, LocalDate since) {
}
