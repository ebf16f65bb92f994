package com.linli.marketing;

import java.time.Instant;

import com.linli.network.RegionId;
import com.linli.shared.Money;

/** A gift with purchase to create. */
public record NewGift(RegionId regionId, Money threshold, String giftName, Instant startsAt, Instant endsAt) {
}
