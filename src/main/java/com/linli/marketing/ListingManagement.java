package com.linli.marketing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.linli.catalog.Sku;
import com.linli.catalog.SkuId;
import com.linli.catalog.SkuManagement;
import com.linli.identity.Actor;
import com.linli.marketing.internal.Listings;
import com.linli.marketing.internal.controls.ClosedDays;
import com.linli.network.Region;
import com.linli.network.RegionId;
import com.linli.network.RegionManagement;
import com.linli.shared.AdminChange;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.NotFoundException;
import com.linli.shared.Page;
import com.linli.shared.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of listings: operators publish a SKU for a region and pickup date, change it or withdraw
 * it before the cutoff; other modules read what is open. An operator acts only in their regions;
 * the platform itself (a system {@link Actor}: the demo simulator) acts in every region.
 */
@Service
public class ListingManagement {

	static final int TEXT_SEARCH_LIMIT = 1000;

	private final Listings listings;

	private final RegionManagement network;

	private final SkuManagement catalog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ClosedDays closedDays;

	private final com.linli.shared.ReadCache<ListingId, Listing> listingCache = new com.linli.shared.ReadCache<>("marketing.listing", 
			java.time.Duration.ofSeconds(10), 100_000);

	ListingManagement(Listings listings, RegionManagement network, SkuManagement catalog,
			ApplicationEventPublisher events, Clock clock, ClosedDays closedDays) {
		this.closedDays = closedDays;
		this.listings = listings;
		this.network = network;
		this.catalog = catalog;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Puts a SKU on sale. Checks that the pickup date is not past, the cutoff (default 23:00 the day
	 * before pickup in the region's zone) is before the pickup day and in the future, the opening before
	 * the cutoff, the group price above zero and the list price not below it, the cap not negative and
	 * the limit at least one; and that the region and an active SKU exist. One active listing per SKU,
	 * region and pickup date; none for a day the region's market is closed (休市).
	 */
	@Transactional
	public Listing publish(Actor actor, NewListing l) {
		Region region = region(l.regionId());
		actor.checkRegion(region.id().value());
		Sku sku = activeSku(l.skuId());
		Instant now = clock.instant();
		ListingTerms terms = ListingTerms.forNew(l, region.zone(), now);
		closedDays.refuseIfClosed(region.id(), terms.pickupDate());
		if (listings.activeExists(region.id(), sku.id(), terms.pickupDate())) {
			throw duplicate(sku, terms.pickupDate());
		}
		ListingId id;
		try {
			id = listings.insert(region.id(), sku.id(), terms, now, actor.accountIdOrNull());
		}
		catch (DuplicateKeyException e) {
			throw duplicate(sku, terms.pickupDate());
		}
		events.publishEvent(new ListingPublished(id, region.id(), sku.id(), terms.pickupDate()));
		events.publishEvent(new AdminChange(actor.actedBy(), "listing.publish", "listing:" + id, region.name() + " " + sku.productName()
				+ " " + sku.spec() + " pickup=" + terms.pickupDate() + " price=" + terms.groupPrice() + " cap="
				+ terms.stockCap()));
		return get(id);
	}

	/** Changes prices, cap, limit or window of an active listing before its cutoff; the cap never drops below what is sold. */
	@Transactional
	public Listing update(Actor actor, ListingId id, ListingChanges changes) {
		Listing current = get(id);
		actor.checkRegion(current.regionId().value());
		Region region = network.getRegion(current.regionId());
		Instant now = clock.instant();
		Listing revised = current.revise(changes, region.zone(), now);
		if (!listings.revise(revised, now)) {
			// sold, withdrawn or closed meanwhile: the fresh row explains why
			get(id).revise(changes, region.zone(), now);
			throw new BusinessRuleException("listing-changed", Text.of("marketing.problem.listingChangedMeanwhileTryAgain"));
		}
		events.publishEvent(new AdminChange(actor.actedBy(), "listing.update", "listing:" + id, "price=" + revised.groupPrice() + " list="
				+ revised.listPrice() + " cap=" + revised.stockCap() + " limit=" + revised.perResidentLimit()
				+ " opens=" + revised.opensAt() + " cutoff=" + revised.cutoffAt()));
		return get(id);
	}

	/** Takes an active listing off sale before its cutoff. */
	@Transactional
	public Listing withdraw(Actor actor, ListingId id) {
		Listing current = get(id);
		actor.checkRegion(current.regionId().value());
		Instant now = clock.instant();
		current.withdraw(now);
		if (!listings.withdraw(id, now)) {
			get(id).withdraw(now);
			throw new BusinessRuleException("listing-changed", Text.of("marketing.problem.listingChangedMeanwhileTryAgain"));
		}
		events.publishEvent(new ListingWithdrawn(id, current.regionId(), current.skuId(), current.pickupDate()));
		events.publishEvent(new AdminChange(actor.actedBy(), "listing.withdraw", "listing:" + id, null));
		return get(id);
	}

	public Listing get(ListingId id) {
		return find(id).orElseThrow(() -> new NotFoundException("listing", id));
	}

	public Optional<Listing> find(ListingId id) {
		return listings.find(id);
	}

	public Map<ListingId, Listing> listings(Collection<ListingId> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return listings.findAll(ids).stream().collect(Collectors.toMap(Listing::id, Function.identity()));
	}

	/**
	 * As {@link #listings(Collection)}, from a cache for the order path: the terms an order copies
	 * (region, SKU, price, window, pickup date, status). {@code sold} may lag: the reservation is what
	 * counts units, and it checks status and window again in the database. A change to a listing clears it
	 * on this node at once and on the others through the cache bus; entries live at most 10 seconds.
	 */
	public Map<ListingId, Listing> cachedListings(Collection<ListingId> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return listingCache.getAll(ids, this::listings);
	}

	@org.springframework.context.event.EventListener
	void forgetListings(AdminChange change) {
		if (change.action().startsWith("listing.")) {
			listingCache.clear();
		}
	}

	/** Active listings of the region that residents may order at {@code at}: {@code opensAt <= at < cutoffAt}. */
	public List<Listing> openListings(RegionId region, Instant at) {
		return listings.openIn(region, at);
	}

	/** Every listing (active or withdrawn) of the region for a pickup date. */
	public List<Listing> listingsFor(RegionId region, LocalDate pickupDate) {
		return listings.forPickupDate(region, pickupDate);
	}

	/**
	 * The console list: filters, newest pickup date first. An operator sees only their regions; asking
	 * for another region is refused.
	 */
	public Page<Listing> search(Actor actor, ListingSearch search, int page, int size) {
		int pageSize = Page.size(size);
		int pageNumber = Math.max(page, 0);
		Set<Long> scope = actor.regions().idsOrNull();
		if (search.regionId() != null) {
			actor.checkRegion(search.regionId().value());
		}
		List<SkuId> skus = null;
		if (search.text() != null && !search.text().isBlank()) {
			skus = catalog.searchSkus(search.text().trim(), TEXT_SEARCH_LIMIT);
			if (skus.isEmpty()) {
				return new Page<>(List.of(), 0, pageNumber, pageSize);
			}
		}
		return listings.search(search.regionId(), search.pickupDate(), search.status(), scope, skus, pageNumber,
				pageSize);
	}

	/** The cutoff a new listing gets when none is given: 23:00 the day before pickup in the region's zone. */
	public Instant defaultCutoff(RegionId regionId, LocalDate pickupDate) {
		return ListingTerms.defaultCutoff(pickupDate, network.getRegion(regionId).zone());
	}

	private Region region(RegionId id) {
		if (id == null) {
			throw new InvalidInputException("regionId", Text.of("marketing.problem.regionRequired"));
		}
		Region region;
		try {
			region = network.getRegion(id);
		}
		catch (NotFoundException e) {
			throw new InvalidInputException("regionId", Text.of("marketing.problem.unknownRegion", id));
		}
		if (!region.active()) {
			throw new InvalidInputException("regionId", Text.of("marketing.problem.regionInactive", region.name()));
		}
		return region;
	}

	private Sku activeSku(SkuId id) {
		if (id == null) {
			throw new InvalidInputException("skuId", Text.of("marketing.problem.skuRequired"));
		}
		Sku sku;
		try {
			sku = catalog.getSku(id);
		}
		catch (NotFoundException e) {
			throw new InvalidInputException("skuId", Text.of("marketing.problem.unknownSku", id));
		}
		if (!sku.active()) {
			throw new InvalidInputException("skuId", Text.of("marketing.problem.skuInactive", id));
		}
		return sku;
	}

	private static BusinessRuleException duplicate(Sku sku, LocalDate pickupDate) {
		return new BusinessRuleException("listing-exists", "skuId", Text.of("marketing.problem.alreadyListed", sku.productName(), pickupDate));
	}
}
