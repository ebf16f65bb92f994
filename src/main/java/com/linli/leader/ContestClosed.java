package com.linli.leader;

import java.time.YearMonth;

import com.linli.network.RegionId;

/** A monthly contest was closed: its winners are fixed and their cash rewards credited. */
public record ContestClosed(ContestId contestId, RegionId regionId, YearMonth month) {
}
