package com.linli.leader;

import java.util.List;

import com.linli.shared.Page;

/**
 * What a leader sees of their commission, read in one snapshot: the month's summary, the last months'
 * totals (newest first) and one page of the month's entries with their running balance.
 */
public record CommissionStatement(Leader leader, CommissionSummary summary, List<MonthTotal> months,
		Page<CommissionEntry> entries) {
}
