package com.linli.marketing.internal.coupons;

import java.time.Instant;

import com.linli.identity.AccountId;
import com.linli.network.RegionId;

/** A resident paid their first order (as the coupons recorded it): the first-order coupons follow after commit. */
public record FirstOrderPaid(AccountId resident, RegionId region, long orderId, Instant at) {
}
