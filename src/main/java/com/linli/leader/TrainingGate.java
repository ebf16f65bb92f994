package com.linli.leader;

import java.time.Instant;

import com.linli.network.RegionId;

/**
 * The region's training gate: while enabled, a leader appointed since {@code since} has their pickup point
 * not take orders until they pass the basic path. Off by default.
 */
public record TrainingGate(RegionId regionId, boolean enabled, Instant since) {
}
