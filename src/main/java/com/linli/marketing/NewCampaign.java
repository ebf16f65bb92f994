package com.linli.marketing;

import java.time.LocalDate;

import com.linli.network.RegionId;
import com.linli.shared.Money;

/**
 * A campaign to create in a region: its first day and the length of each phase in days (null: the
 * defaults 7 / 3 / 5), and its budget for discounts.
 */
public record NewCampaign(RegionId regionId, String name, Festival festival, LocalDate startsOn, Integer warmupDays,
		Integer peakDays, Integer tailDays, Money budget) {

	public static final int DEFAULT_WARMUP_DAYS = 7, DEFAULT_PEAK_DAYS = 3, DEFAULT_TAIL_DAYS = 5;

	public NewCampaign {
		warmupDays = warmupDays == null ? DEFAULT_WARMUP_DAYS : warmupDays;
		peakDays = peakDays == null ? DEFAULT_PEAK_DAYS : peakDays;
		tailDays = tailDays == null ? DEFAULT_TAIL_DAYS : tailDays;
	}
}
