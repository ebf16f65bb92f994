package com.linli.marketing;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.linli.identity.Actor;
import com.linli.marketing.internal.campaigns.Campaigns;
import com.linli.marketing.internal.campaigns.PromotionBook;
import com.linli.marketing.internal.campaigns.Reductions;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.shared.AdminChange;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Full reductions (满减, in tiers, order-wide or per category) and listing discounts (a promotional price
 * between a start and an end), alone in a region or in a campaign (then in its region, by default for its
 * dates, and paid from its budget). The price engine reads them from a cache that every change here clears.
 */
@Service
public class ReductionManagement {

	static final int MAX_TIERS = 5;

	private final Reductions reductions;

	private final Campaigns campaigns;

	private final PromotionBook book;

	private final ListingManagement listings;

	private final RegionManagement network;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ReductionManagement(Reductions reductions, Campaigns campaigns, PromotionBook book, ListingManagement listings,
			RegionManagement network, ApplicationEventPublisher events, Clock clock) {
		this.reductions = reductions;
		this.campaigns = campaigns;
		this.book = book;
		this.listings = listings;
		this.network = network;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Creates a full reduction. Tiers: 1 to 5, thresholds distinct, each amount below its threshold, and a
	 * higher threshold never gives less. In a campaign: the campaign's region and, by default, dates.
	 */
	@Transactional
	public Reduction create(Actor actor, NewReduction r) {
		Campaign campaign = r.campaignId() == null ? null : openCampaign(r.campaignId());
		RegionId region = campaign != null ? campaign.regionId() : r.regionId();
		if (region == null) {
			throw new InvalidInputException("regionId", Text.of("marketing.campaigns.problem.required"));
		}
		actor.checkManagesRegion(region.value());
		network.getRegion(region);
		if (r.name() == null || r.name().isBlank() || r.name().strip().length() > 60) {
			throw new InvalidInputException("name", Text.of("marketing.campaigns.problem.name"));
		}
		checkTiers(r.tiers());
		Instant startsAt = r.startsAt() != null ? r.startsAt() : campaign != null ? campaign.startsAt() : clock.instant();
		Instant endsAt = r.endsAt() != null ? r.endsAt() : campaign != null ? campaign.endsAt() : null;
		checkPeriod(startsAt, endsAt);
		long id = reductions.insert(region, r.campaignId(), r.categoryId(), r.name().strip(), r.tiers(), startsAt, endsAt,
				clock.instant());
		book.changed();
		Reduction created = reductions.find(id).orElseThrow();
		events.publishEvent(new AdminChange(actor.actedBy(), "reduction.create", "reduction:" + id,
				created.name() + " " + created.tiersText() + (r.campaignId() == null ? "" : " campaign=" + r.campaignId())));
		return created;
	}

	/** Stops a full reduction at once. */
	@Transactional
	public void deactivate(Actor actor, long id) {
		Reduction r = reductions.find(id).orElseThrow(() -> new NotFoundException("reduction", id));
		actor.checkManagesRegion(r.regionId().value());
		reductions.deactivate(id);
		book.changed();
		events.publishEvent(new AdminChange(actor.actedBy(), "reduction.deactivate", "reduction:" + id, null));
	}

	public List<Reduction> list(Actor actor, Long regionId) {
		return reductions.list(actor.regionFilter(regionId).idsOrNull());
	}

	public List<Reduction> ofCampaign(CampaignId campaign) {
		return reductions.ofCampaign(campaign);
	}

	/**
	 * Puts a promotional price on a listing: above zero and below its group price; by default for the
	 * campaign's dates, else for the listing's sales window. In a campaign: a listing of the campaign's region.
	 */
	@Transactional
	public ListingDiscount discount(Actor actor, NewListingDiscount d) {
		if (d.listingId() == null) {
			throw new InvalidInputException("listingId", Text.of("marketing.campaigns.problem.required"));
		}
		Listing listing = listings.find(d.listingId())
			.orElseThrow(() -> new InvalidInputException("listingId", Text.of("marketing.campaigns.problem.noListing", d.listingId())));
		actor.checkManagesRegion(listing.regionId().value());
		Campaign campaign = d.campaignId() == null ? null : openCampaign(d.campaignId());
		if (campaign != null && !campaign.regionId().equals(listing.regionId())) {
			throw new InvalidInputException("listingId", Text.of("marketing.campaigns.problem.otherRegion"));
		}
		if (d.price() == null || d.price().fen() <= 0 || d.price().compareTo(listing.groupPrice()) >= 0) {
			throw new InvalidInputException("price", Text.of("marketing.campaigns.problem.discountPrice", listing.groupPrice()));
		}
		Instant startsAt = d.startsAt() != null ? d.startsAt() : campaign != null ? campaign.startsAt() : listing.opensAt();
		Instant endsAt = d.endsAt() != null ? d.endsAt() : campaign != null ? campaign.endsAt() : listing.cutoffAt();
		checkPeriod(startsAt, endsAt);
		long id = reductions.insertDiscount(listing.regionId(), listing.id(), d.campaignId(), d.price(), startsAt, endsAt,
				clock.instant());
		book.changed();
		events.publishEvent(new AdminChange(actor.actedBy(), "listing-discount.create", "listing-discount:" + id,
				"listing=" + listing.id() + " price=" + d.price()));
		return reductions.findDiscount(id).orElseThrow();
	}

	@Transactional
	public void deactivateDiscount(Actor actor, long id) {
		ListingDiscount d = reductions.findDiscount(id).orElseThrow(() -> new NotFoundException("listing discount", id));
		actor.checkManagesRegion(d.regionId().value());
		reductions.deactivateDiscount(id);
		book.changed();
		events.publishEvent(new AdminChange(actor.actedBy(), "listing-discount.deactivate", "listing-discount:" + id, null));
	}

	public List<ListingDiscount> discounts(Actor actor, Long regionId) {
		return reductions.discounts(actor.regionFilter(regionId).idsOrNull());
	}

	public List<ListingDiscount> discountsOf(CampaignId campaign) {
		return reductions.discountsOfCampaign(campaign);
	}

	private Campaign openCampaign(CampaignId id) {
		Campaign c = campaigns.find(id)
			.orElseThrow(() -> new InvalidInputException("campaignId", Text.of("marketing.campaigns.problem.noCampaign", id)));
		if (c.status() == CampaignStatus.ENDED || c.status() == CampaignStatus.CANCELLED) {
			throw new BusinessRuleException("campaign-closed", "campaignId",
					Text.of("marketing.campaigns.problem.closed", c.name(), c.status()));
		}
		return c;
	}

	static void checkTiers(List<Reduction.Tier> tiers) {
		if (tiers.isEmpty() || tiers.size() > MAX_TIERS) {
			throw new InvalidInputException("tiers", Text.of("marketing.campaigns.problem.tierCount", MAX_TIERS));
		}
		Set<Money> thresholds = new HashSet<>();
		for (Reduction.Tier t : tiers) {
			if (t == null || t.threshold() == null || t.amount() == null || t.amount().fen() <= 0
					|| t.amount().compareTo(t.threshold()) >= 0 || !thresholds.add(t.threshold())) {
				throw new InvalidInputException("tiers", Text.of("marketing.campaigns.problem.tier"));
			}
		}
		var sorted = tiers.stream().sorted(java.util.Comparator.comparing(Reduction.Tier::threshold)).toList();
		for (int i = 1; i < sorted.size(); i++) {
			if (sorted.get(i).amount().compareTo(sorted.get(i - 1).amount()) < 0) {
				throw new InvalidInputException("tiers", Text.of("marketing.campaigns.problem.tierOrder"));
			}
		}
	}

	private static void checkPeriod(Instant startsAt, Instant endsAt) {
		if (endsAt == null) {
			throw new InvalidInputException("endsAt", Text.of("marketing.campaigns.problem.required"));
		}
		if (!endsAt.isAfter(startsAt)) {
			throw new InvalidInputException("endsAt", Text.of("marketing.campaigns.problem.period"));
		}
	}
}
