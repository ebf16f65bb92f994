package com.linli.marketing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import com.linli.identity.Actor;
import com.linli.marketing.internal.controls.ListingControls;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.shared.AdminChange;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Market-closed days (休市) per region: operators mark dates (a holiday, a typhoon); no listing can be
 * published for a closed pickup date, and the storefront tells residents why there is nothing that day.
 * Listings published before the day was closed stay (the operator withdraws them if need be).
 */
@Service
public class MarketClosedDayManagement {

	public static final int MAX_REASON = 100;

	/** How far ahead the storefront looks for closed days to announce. */
	public static final int ANNOUNCE_DAYS = 7;

	private final ListingControls controls;

	private final RegionManagement regions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	MarketClosedDayManagement(ListingControls controls, RegionManagement regions, ApplicationEventPublisher events,
			Clock clock) {
		this.controls = controls;
		this.regions = regions;
		this.events = events;
		this.clock = clock;
	}

	/** A closed day as shown: the date and why. */
	public record Closed(LocalDate day, String reason) {
	}

	@Transactional
	public Closed close(Actor actor, RegionId region, LocalDate day, String reason) {
		check(actor, region);
		if (day == null) {
			throw new InvalidInputException("day", Text.of("marketing.controls.problem.dayRequired"));
		}
		if (day.isBefore(LocalDate.now(clock.withZone(regions.getRegion(region).zone())))) {
			throw new InvalidInputException("day", Text.of("marketing.controls.problem.dayInPast", day));
		}
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", Text.of("marketing.controls.problem.reasonRequired"));
		}
		if (reason.trim().length() > MAX_REASON) {
			throw new InvalidInputException("reason", Text.of("marketing.controls.problem.reasonTooLong", MAX_REASON));
		}
		if (!controls.close(region, day, reason.trim(), clock.instant(), actor.accountIdOrNull())) {
			throw new BusinessRuleException("already-closed", "day", Text.of("marketing.controls.problem.alreadyClosed", day));
		}
		events.publishEvent(new AdminChange(actor.actedBy(), "market.close", "region:" + region.value(), day + " " + reason.trim()));
		return new Closed(day, reason.trim());
	}

	@Transactional
	public void reopen(Actor actor, RegionId region, LocalDate day) {
		check(actor, region);
		if (day == null || !controls.reopen(region, day)) {
			throw new NotFoundException("closed day", day);
		}
		events.publishEvent(new AdminChange(actor.actedBy(), "market.reopen", "region:" + region.value(), String.valueOf(day)));
	}

	/** Today in the region's zone. */
	public LocalDate today(RegionId region) {
		return LocalDate.now(clock.withZone(regions.getRegion(region).zone()));
	}

	/** Whether the region's market is closed on the day. */
	public boolean isClosed(RegionId region, LocalDate day) {
		return controls.closedDay(region, day).isPresent();
	}

	/** The region's closed days between the dates, inclusive. */
	public List<Closed> closedDays(RegionId region, LocalDate from, LocalDate to) {
		return controls.closedDays(region, from, to).stream().map(d -> new Closed(d.day(), d.reason())).toList();
	}

	/** The closed days of the coming week (today included) in the region: what the storefront announces. */
	public List<Closed> upcoming(RegionId region) {
		LocalDate today = LocalDate.now(clock.withZone(regions.getRegion(region).zone()));
		return closedDays(region, today, today.plusDays(ANNOUNCE_DAYS));
	}

	private void check(Actor actor, RegionId region) {
		if (region == null) {
			throw new InvalidInputException("regionId", Text.of("marketing.problem.regionRequired"));
		}
		try {
			regions.getRegion(region);
		}
		catch (NotFoundException e) {
			throw new InvalidInputException("regionId", Text.of("marketing.problem.unknownRegion", region));
		}
		actor.checkRegion(region.value());
	}
}
