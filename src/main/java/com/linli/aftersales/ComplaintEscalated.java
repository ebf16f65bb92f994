package com.linli.aftersales;

import java.time.Instant;

import com.linli.network.RegionId;

/**
 * A complaint's SLA clock ran out ({@code clock}: FIRST_RESPONSE or RESOLUTION) and it went to a supervisor:
 * the region's supervisors (and the assignee) are told in their message centre.
 */
public record ComplaintEscalated(ComplaintId complaintId, String complaintNo, RegionId regionId, String clock,
		Long assigneeId, Instant at) {
}
