package com.linli.marketing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.linli.identity.Actor;
import com.linli.marketing.internal.campaigns.CampaignReports;
import com.linli.marketing.internal.campaigns.Campaigns;
import com.linli.marketing.internal.campaigns.PromotionBook;
import com.linli.network.Region;
import com.linli.network.RegionManagement;
import com.linli.shared.AdminChange;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The campaign calendar: operators create a campaign of their region with its phases and budget, schedule,
 * end or cancel it, attach coupon templates, and read its report. Reductions and listing discounts join a
 * campaign through {@link ReductionManagement}.
 */
@Service
public class CampaignManagement {

	static final long MAX_BUDGET_FEN = 100_000_000_00L;

	private final Campaigns campaigns;

	private final CampaignReports reports;

	private final PromotionBook book;

	private final RegionManagement network;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CampaignManagement(Campaigns campaigns, CampaignReports reports, PromotionBook book, RegionManagement network,
			ApplicationEventPublisher events, Clock clock) {
		this.campaigns = campaigns;
		this.reports = reports;
		this.book = book;
		this.network = network;
		this.events = events;
		this.clock = clock;
	}

	/** Creates a draft campaign; its start is its first day's midnight in the region's zone. */
	@Transactional
	public Campaign create(Actor actor, NewCampaign c) {
		if (c.regionId() == null) {
			throw new InvalidInputException("regionId", Text.of("marketing.campaigns.problem.required"));
		}
		actor.checkManagesRegion(c.regionId().value());
		Region region = network.getRegion(c.regionId());
		if (c.name() == null || c.name().isBlank() || c.name().strip().length() > 60) {
			throw new InvalidInputException("name", Text.of("marketing.campaigns.problem.name"));
		}
		if (c.festival() == null) {
			throw new InvalidInputException("festival", Text.of("marketing.campaigns.problem.required"));
		}
		if (c.startsOn() == null) {
			throw new InvalidInputException("startsOn", Text.of("marketing.campaigns.problem.required"));
		}
		checkDays("warmupDays", c.warmupDays(), 0);
		checkDays("peakDays", c.peakDays(), 1);
		checkDays("tailDays", c.tailDays(), 0);
		if (c.budget() == null || c.budget().fen() <= 0 || c.budget().fen() > MAX_BUDGET_FEN) {
			throw new InvalidInputException("budget", Text.of("marketing.campaigns.problem.budget"));
		}
		Instant now = clock.instant();
		ZoneId zone = region.zone();
		LocalDate end = c.startsOn().plusDays(c.warmupDays() + c.peakDays() + c.tailDays());
		Instant endsAt = end.atStartOfDay(zone).toInstant();
		if (!endsAt.isAfter(now)) {
			throw new InvalidInputException("startsOn", Text.of("marketing.campaigns.problem.inThePast"));
		}
		Campaign draft = new Campaign(null, region.id(), c.name().strip(), c.festival(), c.startsOn(), c.warmupDays(),
				c.peakDays(), c.tailDays(), c.startsOn().atStartOfDay(zone).toInstant(), endsAt, c.budget(), Money.ZERO,
				CampaignStatus.DRAFT, 0);
		CampaignId id = campaigns.insert(draft, now);
		events.publishEvent(new AdminChange(actor.actedBy(), "campaign.create", "campaign:" + id,
				draft.name() + " " + draft.festival() + " " + draft.startsOn() + " budget=" + draft.budget()));
		return get(id);
	}

	/** Announces a draft: its promotions give discounts from its first day. */
	@Transactional
	public Campaign schedule(Actor actor, CampaignId id) {
		return move(actor, id, "campaign.schedule", c -> c.schedule(clock.instant()));
	}

	/** Starts a scheduled campaign whose first day came (the clock job does it too). */
	@Transactional
	public Campaign start(Actor actor, CampaignId id) {
		return move(actor, id, "campaign.start", c -> c.start(clock.instant()));
	}

	/** Stops a running campaign now: its promotions stop giving discounts. */
	@Transactional
	public Campaign end(Actor actor, CampaignId id) {
		return move(actor, id, "campaign.end", Campaign::end);
	}

	@Transactional
	public Campaign cancel(Actor actor, CampaignId id) {
		return move(actor, id, "campaign.cancel", Campaign::cancel);
	}

	private Campaign move(Actor actor, CampaignId id, String action, java.util.function.UnaryOperator<Campaign> change) {
		Campaign current = get(id);
		actor.checkManagesRegion(current.regionId().value());
		Campaign next = change.apply(current);
		campaigns.save(next);
		book.changed();
		events.publishEvent(new AdminChange(actor.actedBy(), action, "campaign:" + id, current.status() + "->" + next.status()));
		return get(id);
	}

	/** Groups a coupon template (of the coupons tool, by id) under the campaign. */
	@Transactional
	public void addCouponTemplate(Actor actor, CampaignId id, long templateId) {
		Campaign c = get(id);
		actor.checkManagesRegion(c.regionId().value());
		if (templateId <= 0) {
			throw new InvalidInputException("couponTemplateId", Text.of("marketing.campaigns.problem.required"));
		}
		campaigns.addCouponTemplate(id, templateId);
		events.publishEvent(new AdminChange(actor.actedBy(), "campaign.coupon", "campaign:" + id, "template=" + templateId));
	}

	public List<Long> couponTemplates(CampaignId id) {
		return campaigns.couponTemplates(id);
	}

	public Campaign get(CampaignId id) {
		return campaigns.find(id).orElseThrow(() -> new NotFoundException("campaign", id));
	}

	/** A campaign the actor manages (403 otherwise). */
	public Campaign get(Actor actor, CampaignId id) {
		Campaign c = get(id);
		actor.checkManagesRegion(c.regionId().value());
		return c;
	}

	/** The campaigns of the actor's regions (or of one), latest first. */
	public List<Campaign> list(Actor actor, Long regionId) {
		return campaigns.list(actor.regionFilter(regionId).idsOrNull());
	}

	/** The report of a campaign the actor manages. */
	public CampaignReport report(Actor actor, CampaignId id) {
		Campaign c = get(actor, id);
		return reports.of(c, network.getRegion(c.regionId()).zone());
	}

	/** The campaign giving discounts in a region at {@code at} (the earliest started), from the cache. */
	public Optional<Campaign> running(com.linli.network.RegionId region, Instant at) {
		return book.of(region).campaigns().values().stream().filter(c -> c.givesDiscountsAt(at))
			.min(Comparator.comparing(Campaign::startsAt).thenComparing(c -> c.id().value()));
	}

	/** The banner of the campaign giving discounts in a region now, from the cache (no query). */
	public Optional<CampaignBanner> banner(com.linli.network.RegionId region, Instant at, ZoneId zone) {
		var promotions = book.of(region);
		return running(region, at).map(c -> new CampaignBanner(c, c.phaseAt(at, zone).orElse(null),
				promotions.reductions().stream().filter(r -> c.id().equals(r.campaignId()) && r.isOnAt(at))
					.map(Reduction::tiersText).toList()));
	}

	private static void checkDays(String field, int days, int min) {
		if (days < min || days > 60) {
			throw new InvalidInputException(field, Text.of("marketing.campaigns.problem.days", min, 60));
		}
	}
}
