package com.linli.marketing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import com.linli.network.RegionId;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.Money;
import com.linli.shared.Text;

/**
 * A holiday campaign of a region: three phases from {@code startsOn} (warm-up, peak, long tail, in days),
 * running from {@code startsAt} (the first day's midnight in the region's zone) to {@code endsAt}, with a
 * budget its promotions' discounts consume ({@code spent}, moved by orders, never past the budget). State
 * changes are guarded methods answering the changed campaign; {@code version} is the compare-and-set key.
 */
public record Campaign(CampaignId id, RegionId regionId, String name, Festival festival, LocalDate startsOn,
		int warmupDays, int peakDays, int tailDays, Instant startsAt, Instant endsAt, Money budget, Money spent,
		CampaignStatus status, int version) {

	/** The budget still to spend. */
	public Money remaining() {
		return budget.minus(spent);
	}

	public LocalDate endsOn() {
		return startsOn.plusDays(warmupDays + peakDays + tailDays - 1L);
	}

	/** The phase on a day of the region's calendar; empty outside the campaign. */
	public Optional<CampaignPhase> phaseOn(LocalDate day) {
		long n = day.toEpochDay() - startsOn.toEpochDay();
		if (n < 0) {
			return Optional.empty();
		}
		if (n < warmupDays) {
			return Optional.of(CampaignPhase.WARM_UP);
		}
		if (n < warmupDays + peakDays) {
			return Optional.of(CampaignPhase.PEAK);
		}
		if (n < warmupDays + peakDays + tailDays) {
			return Optional.of(CampaignPhase.LONG_TAIL);
		}
		return Optional.empty();
	}

	public Optional<CampaignPhase> phaseAt(Instant at, ZoneId zone) {
		return phaseOn(LocalDate.ofInstant(at, zone));
	}

	/** Gives its discounts at {@code at}: scheduled or running, and between its start and end. */
	public boolean givesDiscountsAt(Instant at) {
		return status.givesDiscounts() && !at.isBefore(startsAt) && at.isBefore(endsAt);
	}

	/** Announced: its promotions apply once its first day comes. Not once it is over. */
	public Campaign schedule(Instant now) {
		CampaignStatus next = status.to(CampaignStatus.SCHEDULED);
		if (!now.isBefore(endsAt)) {
			throw new BusinessRuleException("campaign-over", Text.of("marketing.campaigns.problem.over", name));
		}
		return with(next);
	}

	/** Its first day came. */
	public Campaign start(Instant now) {
		CampaignStatus next = status.to(CampaignStatus.RUNNING);
		if (now.isBefore(startsAt)) {
			throw new BusinessRuleException("campaign-not-started", Text.of("marketing.campaigns.problem.notStarted", name));
		}
		return with(next);
	}

	/** Over: at its end, or earlier when an operator stops it. */
	public Campaign end() {
		return with(status.to(CampaignStatus.ENDED));
	}

	/** Called off before it ran. */
	public Campaign cancel() {
		return with(status.to(CampaignStatus.CANCELLED));
	}

	private Campaign with(CampaignStatus next) {
		return new Campaign(id, regionId, name, festival, startsOn, warmupDays, peakDays, tailDays, startsAt, endsAt,
				budget, spent, next, version);
	}
}
