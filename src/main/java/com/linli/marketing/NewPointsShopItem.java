package com.linli.marketing;

import com.linli.network.RegionId;

/** What an operator enters to list an item in the points shop. */
public record NewPointsShopItem(RegionId regionId, String name, long couponTemplateId, long pointsPrice, int stock) {
}
