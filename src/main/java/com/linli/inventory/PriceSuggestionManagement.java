package com.linli.inventory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.linli.catalog.SkuId;
import com.linli.catalog.SkuManagement;
import com.linli.identity.Actor;
import com.linli.inventory.internal.pricing.CompetitorPrices;
import com.linli.inventory.internal.pricing.Elasticity;
import com.linli.inventory.internal.pricing.PriceRule;
import com.linli.inventory.internal.pricing.PriceSuggestions;
import com.linli.inventory.internal.pricing.PricingFacts;
import com.linli.marketing.Listing;
import com.linli.marketing.ListingChanges;
import com.linli.marketing.ListingDiscount;
import com.linli.marketing.ListingId;
import com.linli.marketing.ListingManagement;
import com.linli.marketing.ListingStatus;
import com.linli.marketing.NewListingDiscount;
import com.linli.marketing.ReductionManagement;
import com.linli.network.Region;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.network.Warehouse;
import com.linli.network.WarehouseManagement;
import com.linli.shared.AdminChange;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Price suggestions (动态定价) for the region's listings of the next pickup days: from the central warehouse's
 * stock and its batches' expiry and cost, the forecast's expected daily demand ({@link ForecastManagement#outlook}),
 * the price elasticity measured from the region's past promotions and the competitor prices recorded
 * ({@link PriceRule} decides). The operator accepts one with a click: a discount becomes a marketing listing
 * discount, a raise the listing's new group price; the report shows the units sold at the new price, the margin
 * made and the waste avoided. Staff see and act only in their regions.
 */
@Service
@Transactional(readOnly = true)
public class PriceSuggestionManagement {

	/** Pickup days (from the first still on sale) whose listings get suggestions. */
	static final int LISTING_DAYS = 3;

	/** Forecast days whose mean is the expected daily demand. */
	static final int OUTLOOK_DAYS = 14;

	/** Days of history over which promotions are measured (as the forecaster's lift). */
	static final int PROMOTION_DAYS = 182;

	/** At most this many promoted days are looked up for their listings' depth. */
	static final int PROMOTION_DAYS_PRICED = 60;

	/** How far back the report goes. */
	static final int REPORT_DAYS = 60;

	private final PriceSuggestions suggestions;

	private final PricingFacts facts;

	private final CompetitorPrices competitors;

	private final ForecastManagement forecasts;

	private final StockManagement stock;

	private final ListingManagement listings;

	private final ReductionManagement reductions;

	private final RegionManagement network;

	private final WarehouseManagement warehouses;

	private final SkuManagement catalog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final int promotionPercent;

	private final PriceRule rule = new PriceRule();

	PriceSuggestionManagement(PriceSuggestions suggestions, PricingFacts facts, CompetitorPrices competitors,
			ForecastManagement forecasts, StockManagement stock, ListingManagement listings,
			ReductionManagement reductions, RegionManagement network, WarehouseManagement warehouses,
			SkuManagement catalog, ApplicationEventPublisher events, Clock clock,
			@Value("${linli.inventory.forecast.promotion-discount-percent:30}") int promotionPercent) {
		this.suggestions = suggestions;
		this.facts = facts;
		this.competitors = competitors;
		this.forecasts = forecasts;
		this.stock = stock;
		this.listings = listings;
		this.reductions = reductions;
		this.network = network;
		this.warehouses = warehouses;
		this.catalog = catalog;
		this.events = events;
		this.clock = clock;
		this.promotionPercent = promotionPercent;
	}

	/**
	 * Computes the suggestions of the region's active listings of the next {@value #LISTING_DAYS} pickup days
	 * still on sale; the region's earlier open suggestions expire. Listings whose SKU has no forecast, and
	 * those the rule would hold, get none. A listing that already carries a discount gets no raise.
	 */
	@Transactional
	public List<PriceSuggestion> compute(RegionId regionId, Actor actor) {
		Region region = region(network, regionId, actor);
		Warehouse central = central(region).orElseThrow(() -> new BusinessRuleException("no-central-warehouse",
				Text.of("inventory.problem.noCentralWarehouse")));
		Instant now = clock.instant();
		LocalDate today = LocalDate.now(clock.withZone(region.zone()));
		LocalDate first = firstPickupDateOnSale(region);
		List<Listing> candidates = new ArrayList<>();
		for (int d = 0; d < LISTING_DAYS; d++) {
			listings.listingsFor(region.id(), first.plusDays(d)).stream()
				.filter(l -> l.status() == ListingStatus.ACTIVE && l.isEditableAt(now))
				.sorted(Comparator.comparing((Listing l) -> l.id().value()))
				.forEach(candidates::add);
		}
		suggestions.expireOpen(region.id(), now);
		if (candidates.isEmpty()) {
			return List.of();
		}
		Set<SkuId> skus = new LinkedHashSet<>(candidates.stream().map(Listing::skuId).toList());
		Map<SkuId, DemandOutlook> outlooks = forecasts.outlook(region.id(), skus, OUTLOOK_DAYS, actor);
		Map<SkuId, List<PricingFacts.Batch>> batches = facts.batches(central.id(), skus);
		Map<SkuId, Money> lowest = competitors.lowestSince(region.id(), skus,
				today.minusDays(CompetitorPriceManagement.RECENT_DAYS - 1));
		Map<ListingId, Money> discounted = activeDiscounts(region, now, actor);
		Elasticity.Estimate elasticity = elasticity(region, today);
		var names = catalog.skus(skus);
		List<PriceSuggestion> made = new ArrayList<>();
		for (Listing listing : candidates) {
			DemandOutlook outlook = outlooks.get(listing.skuId());
			if (outlook == null || outlook.days().isEmpty()) {
				continue;
			}
			double daily = outlook.totalMean() / outlook.days().size();
			long reserved = stock.stock(central.id(), listing.skuId()).reserved();
			List<PricingFacts.Batch> held = batches.getOrDefault(listing.skuId(), List.of());
			Money discount = discounted.get(listing.id());
			Money current = discount != null && discount.compareTo(listing.groupPrice()) < 0 ? discount
					: listing.groupPrice();
			Money competitor = lowest.get(listing.skuId());
			Long cost = unitCost(held);
			var s = rule.suggest(new PriceRule.Input(current.fen(),
					listing.listPrice() == null ? null : listing.listPrice().fen(), cost, daily, lots(held, reserved, first),
					elasticity.value(), competitor == null ? null : competitor.fen()));
			if (s.kind() == PriceRule.Kind.HOLD || s.kind() == PriceRule.Kind.RAISE && discount != null) {
				continue;
			}
			var sku = names.get(listing.skuId());
			var suggestion = new PriceSuggestion(0, region.id(), listing.id(), listing.skuId(),
					sku == null ? listing.skuId().toString() : sku.displayName(), listing.pickupDate(),
					PriceSuggestion.Kind.valueOf(s.kind().name()), PriceSuggestion.Reason.valueOf(s.reason().name()),
					current, Money.ofFen(s.priceFen()), cost == null ? null : Money.ofFen(cost), s.available(), daily,
					s.coverDays(), s.shelfDays(), elasticity.value(), elasticity.measured(), elasticity.lift(),
					elasticity.ratio(), competitor, s.horizonDays(), s.riskDays() == null ? null : first.plusDays(s.riskDays()),
					s.now().sold(), s.now().wasted(), s.suggested().sold(), s.suggested().wasted(),
					s.now().marginFen() == null ? null : Money.ofFen(s.now().marginFen()),
					s.suggested().marginFen() == null ? null : Money.ofFen(s.suggested().marginFen()),
					PriceSuggestionStatus.PROPOSED, now, null, null, null, null);
			made.add(suggestions.find(suggestions.insert(suggestion)).orElseThrow());
		}
		return made;
	}

	/** The region's suggestions in a status (PROPOSED when null), newest first. */
	public List<PriceSuggestion> list(RegionId regionId, PriceSuggestionStatus status, Actor actor) {
		Region region = region(network, regionId, actor);
		return suggestions.of(region.id(), status == null ? PriceSuggestionStatus.PROPOSED : status);
	}

	public PriceSuggestion get(long id, Actor actor) {
		PriceSuggestion s = suggestions.find(id).orElseThrow(() -> new NotFoundException("price suggestion", id));
		actor.checkRegion(s.regionId().value());
		return s;
	}

	/**
	 * Accepts a proposed suggestion: a DISCOUNT becomes a listing discount through marketing for the listing's
	 * sales window (replacing one an earlier accepted suggestion put there), a RAISE the listing's group price.
	 * The row is locked and its status moves once: a second acceptance is refused (409), never a second discount.
	 */
	@Transactional
	public PriceSuggestion accept(long id, Actor actor) {
		PriceSuggestion s = suggestions.lock(id).orElseThrow(() -> new NotFoundException("price suggestion", id));
		actor.checkRegion(s.regionId().value());
		s.status().becomes(PriceSuggestionStatus.ACCEPTED);
		Instant now = clock.instant();
		Listing listing = listings.get(s.listingId());
		if (!listing.isEditableAt(now)) {
			throw new BusinessRuleException("listing-closed", Text.of("inventory.pricing.problem.listingClosed"));
		}
		Long discountId = null;
		if (s.kind() == PriceSuggestion.Kind.DISCOUNT) {
			if (s.suggestedPrice().compareTo(listing.groupPrice()) >= 0) {
				throw new BusinessRuleException("price-changed", Text.of("inventory.pricing.problem.priceChanged"));
			}
			for (PriceSuggestion earlier : suggestions.acceptedDiscounts(listing.id())) {
				reductions.deactivateDiscount(actor, earlier.discountId());
			}
			ListingDiscount discount = reductions.discount(actor,
					new NewListingDiscount(listing.id(), null, s.suggestedPrice(), null, null));
			discountId = discount.id();
		}
		else {
			if (!listing.groupPrice().equals(s.currentPrice())) {
				throw new BusinessRuleException("price-changed", Text.of("inventory.pricing.problem.priceChanged"));
			}
			listings.update(actor, listing.id(), new ListingChanges(s.suggestedPrice(), listing.listPrice(),
					listing.stockCap(), listing.perResidentLimit(), null, null));
		}
		if (!suggestions.accepted(id, actor.accountIdOrNull(), now, discountId, listing.sold())) {
			throw new BusinessRuleException("suggestion-changed", Text.of("inventory.pricing.problem.changedMeanwhile"));
		}
		events.publishEvent(new AdminChange(actor.actedBy(), "inventory.price-suggestion.accept", "price-suggestion:" + id,
				"listing:" + listing.id() + " " + s.currentPrice() + " -> " + s.suggestedPrice()
						+ (discountId == null ? "" : " listing-discount:" + discountId)));
		return suggestions.find(id).orElseThrow();
	}

	/** Dismisses a proposed suggestion (409 when it is no longer proposed). */
	@Transactional
	public PriceSuggestion dismiss(long id, Actor actor) {
		PriceSuggestion s = suggestions.lock(id).orElseThrow(() -> new NotFoundException("price suggestion", id));
		actor.checkRegion(s.regionId().value());
		s.status().becomes(PriceSuggestionStatus.DISMISSED);
		if (!suggestions.closed(id, PriceSuggestionStatus.DISMISSED, actor.accountIdOrNull(), clock.instant())) {
			throw new BusinessRuleException("suggestion-changed", Text.of("inventory.pricing.problem.changedMeanwhile"));
		}
		return suggestions.find(id).orElseThrow();
	}

	/**
	 * What the region's suggestions accepted in the last {@value #REPORT_DAYS} days did: units sold at the new
	 * price (the listing's sold units since the acceptance), the margin on them, and the waste avoided (see
	 * {@link PriceOutcome}).
	 */
	public List<PriceOutcome> report(RegionId regionId, Actor actor) {
		Region region = region(network, regionId, actor);
		LocalDate today = LocalDate.now(clock.withZone(region.zone()));
		Optional<Warehouse> central = central(region);
		Instant since = clock.instant().minus(REPORT_DAYS, ChronoUnit.DAYS);
		List<PriceSuggestion> accepted = suggestions.of(region.id(), PriceSuggestionStatus.ACCEPTED).stream()
			.filter(s -> s.decidedAt().isAfter(since)).toList();
		Map<ListingId, Listing> now = listings.listings(accepted.stream().map(PriceSuggestion::listingId).toList());
		List<PriceOutcome> outcomes = new ArrayList<>();
		for (PriceSuggestion s : accepted) {
			Listing listing = now.get(s.listingId());
			long units = listing == null ? 0 : Math.max(0, listing.sold() - s.soldAtAccept());
			Money margin = s.unitCost() == null ? null : s.suggestedPrice().minus(s.unitCost()).times(units);
			long wasted = s.riskUntil() == null || central.isEmpty() ? 0
					: facts.wasted(central.get().id(), s.skuId(), s.riskUntil(), s.decidedAt(), today);
			boolean done = s.riskUntil() == null || !today.isBefore(s.riskUntil());
			outcomes.add(new PriceOutcome(s, units, margin, s.wasteNow(), wasted, s.wasteNow() - wasted, done));
		}
		return outcomes;
	}

	/** The regions the caller works in. */
	public List<Region> regions(Actor actor) {
		return network.regions().stream().filter(r -> actor.worksIn(r.id().value())).toList();
	}

	/**
	 * The region's elasticity: the pooled lift of its promoted days over the SKUs' usual days, and the depth
	 * of those promotions (the promoted listings' group price over their list price; the promotion threshold
	 * when none of those listings is known, e.g. history recorded from elsewhere).
	 */
	Elasticity.Estimate elasticity(Region region, LocalDate today) {
		var history = facts.history(region.id(), today.minusDays(PROMOTION_DAYS - 1), today);
		Double lift = Elasticity.lift(history.series());
		if (lift == null) {
			return Elasticity.fromLift(null, null);
		}
		double ratios = 0;
		int priced = 0;
		List<LocalDate> days = new ArrayList<>(history.promoted().keySet());
		days.sort(Comparator.reverseOrder());
		for (LocalDate day : days.subList(0, Math.min(PROMOTION_DAYS_PRICED, days.size()))) {
			Set<SkuId> promoted = history.promoted().get(day);
			for (Listing l : listings.listingsFor(region.id(), day)) {
				if (promoted.contains(l.skuId()) && l.listPrice() != null && l.listPrice().fen() > 0) {
					ratios += (double) l.groupPrice().fen() / l.listPrice().fen();
					priced++;
				}
			}
		}
		double ratio = priced > 0 ? ratios / priced : 1 - promotionPercent / 100.0;
		return Elasticity.fromLift(lift, ratio);
	}

	/** Per listing, the lowest promotional price on now or later. */
	private Map<ListingId, Money> activeDiscounts(Region region, Instant now, Actor actor) {
		Map<ListingId, Money> found = new HashMap<>();
		for (ListingDiscount d : reductions.discounts(actor, region.id().value())) {
			if (d.active() && d.endsAt().isAfter(now)) {
				found.merge(d.listingId(), d.price(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
			}
		}
		return found;
	}

	/** The batches as lots: reserved units leave the first-expiring ones; selling days count from {@code first}. */
	static List<PriceRule.Lot> lots(List<PricingFacts.Batch> batches, long reserved, LocalDate first) {
		List<PriceRule.Lot> lots = new ArrayList<>();
		long toSkip = Math.max(reserved, 0);
		for (PricingFacts.Batch b : batches) {
			long units = b.remaining();
			long skipped = Math.min(units, toSkip);
			toSkip -= skipped;
			units -= skipped;
			if (units > 0) {
				lots.add(new PriceRule.Lot(b.expiresOn() == null ? null
						: (int) Math.max(Math.min(ChronoUnit.DAYS.between(first, b.expiresOn()), 10_000), -1), units));
			}
		}
		return lots;
	}

	/** The unit cost of the units held, weighted by units, over the batches whose cost is known; null when none. */
	static Long unitCost(List<PricingFacts.Batch> batches) {
		long units = 0;
		long fen = 0;
		for (PricingFacts.Batch b : batches) {
			if (b.unitCostFen() != null) {
				units += b.remaining();
				fen += b.unitCostFen() * b.remaining();
			}
		}
		return units == 0 ? null : Math.round((double) fen / units);
	}

	private Optional<Warehouse> central(Region region) {
		return warehouses.purchasingCentral(region.id());
	}

	/** Tomorrow, unless tomorrow's cutoff (the evening before, today) has passed: then the day after. */
	private LocalDate firstPickupDateOnSale(Region region) {
		LocalDate tomorrow = LocalDate.now(clock.withZone(region.zone())).plusDays(1);
		return listings.defaultCutoff(region.id(), tomorrow).isAfter(clock.instant()) ? tomorrow : tomorrow.plusDays(1);
	}

	/** The region, once the actor is known to work in it. */
	static Region region(RegionManagement network, RegionId regionId, Actor actor) {
		if (regionId == null) {
			throw new InvalidInputException("regionId", Text.of("inventory.problem.chooseRegion"));
		}
		Region region = network.regions().stream().filter(r -> r.id().equals(regionId)).findFirst()
			.orElseThrow(() -> new InvalidInputException("regionId", Text.of("inventory.problem.unknownRegion", regionId)));
		actor.checkRegion(region.id().value());
		return region;
	}
}
