package com.linli.aftersales;

import java.time.Instant;

import com.linli.catalog.SkuId;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;

/**
 * A resident rated a resolved complaint (satisfaction 1–5), which closed it. {@code withinSla}: both clocks
 * were kept. Leaders' and suppliers' figures count complaints about them from here and from {@link ComplaintFiled}.
 */
public record ComplaintClosed(ComplaintId complaintId, RegionId regionId, ComplaintSubject subject,
		PickupPointId pickupPointId, SkuId skuId, int satisfaction, boolean withinSla, Instant at) {
}
