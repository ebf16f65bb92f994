package com.linli.marketing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.linli.identity.Actor;
import com.linli.marketing.internal.controls.ListingControls;
import com.linli.network.PickupPoint;
import com.linli.network.PickupPointId;
import com.linli.network.PickupPointManagement;
import com.linli.shared.AdminChange;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.ReadCache;
import com.linli.shared.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Controls on single listings: leader-only items (团长专供, sold only at chosen pickup points of the
 * listing's region: the storefront hides them elsewhere and order placement refuses them) and the
 * leader's commission rate on the listing instead of the scheme's. Both change only while the listing
 * is active and before its cutoff, so every order of the listing saw the same terms. The order path reads
 * them from a cache (a change here clears it at once; another node's within 10 seconds).
 */
@Service
public class ListingControlManagement {

	/** The highest per-listing rate: the leader's ledger accepts at most 50%. */
	public static final int MAX_COMMISSION_BP = 5000;

	public static final int MAX_PICKUP_POINTS = 200;

	private final ListingControls controls;

	private final ListingManagement listings;

	private final PickupPointManagement pickupPoints;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ReadCache<ListingId, Set<PickupPointId>> restrictions = new ReadCache<>("marketing.listing-restriction", Duration.ofSeconds(10), 100_000);

	ListingControlManagement(ListingControls controls, ListingManagement listings, PickupPointManagement pickupPoints,
			ApplicationEventPublisher events, Clock clock) {
		this.controls = controls;
		this.listings = listings;
		this.pickupPoints = pickupPoints;
		this.events = events;
		this.clock = clock;
	}

	/** Restricts the listing to the pickup points (empty: sold at every pickup point of its region again). */
	@Transactional
	public Set<PickupPointId> restrictToPickupPoints(Actor actor, ListingId id, Collection<PickupPointId> points) {
		Listing listing = editable(actor, id);
		Set<PickupPointId> chosen = Set.copyOf(points);
		if (chosen.size() > MAX_PICKUP_POINTS) {
			throw new InvalidInputException("pickupPointIds", Text.of("marketing.controls.problem.tooManyPoints", MAX_PICKUP_POINTS));
		}
		Map<PickupPointId, PickupPoint> found = pickupPoints.pickupPoints(chosen);
		for (PickupPointId p : chosen) {
			PickupPoint point = found.get(p);
			if (point == null || !point.regionId().equals(listing.regionId())) {
				throw new InvalidInputException("pickupPointIds",
						Text.of("marketing.controls.problem.pointNotInRegion", p.value()));
			}
		}
		controls.restrict(id, chosen);
		restrictions.clear();
		events.publishEvent(new AdminChange(actor.actedBy(), "listing.pickup-points", "listing:" + id,
				chosen.stream().map(p -> String.valueOf(p.value())).sorted().collect(Collectors.joining(","))));
		return chosen;
	}

	/** As {@link #pickupPointsOf(ListingId)}, for an operator of the listing's region. */
	public Set<PickupPointId> pickupPointsOf(Actor actor, ListingId id) {
		actor.checkRegion(listings.get(id).regionId().value());
		return controls.pickupPoints(List.of(id)).getOrDefault(id, Set.of());
	}

	/** The pickup points the listing is restricted to; empty when it is sold everywhere in its region. */
	public Set<PickupPointId> pickupPointsOf(ListingId id) {
		return restrictionsOf(List.of(id)).getOrDefault(id, Set.of());
	}

	/** Whether residents of the pickup point may see and buy the listing (from the cache). */
	public boolean isSoldAt(ListingId id, PickupPointId point) {
		Set<PickupPointId> only = pickupPointsOf(id);
		return only.isEmpty() || only.contains(point);
	}

	/** The listings of {@code ids} residents of the pickup point may see and buy (from the cache). */
	public List<Listing> soldAt(List<Listing> candidates, PickupPointId point) {
		var only = restrictionsOf(candidates.stream().map(Listing::id).toList());
		return candidates.stream().filter(l -> {
			Set<PickupPointId> points = only.getOrDefault(l.id(), Set.of());
			return points.isEmpty() || points.contains(point);
		}).toList();
	}

	/**
	 * For order placement: throws a 409 naming the item's field when the listing is leader-only and not
	 * sold at the resident's pickup point.
	 */
	public void refuseUnlessSoldAt(ListingId id, PickupPointId point, String field) {
		if (!isSoldAt(id, point)) {
			throw new BusinessRuleException("listing-not-at-pickup-point", field,
					Text.of("marketing.controls.problem.notAtYourPoint"));
		}
	}

	/** Sets the leader's commission rate on the listing, in basis points (null: the scheme's usual rate). */
	@Transactional
	public Optional<Integer> setCommissionRate(Actor actor, ListingId id, Integer basisPoints) {
		editable(actor, id);
		if (basisPoints != null && (basisPoints < 0 || basisPoints > MAX_COMMISSION_BP)) {
			throw new InvalidInputException("commissionRateBasisPoints",
					Text.of("marketing.controls.problem.commissionRate", MAX_COMMISSION_BP));
		}
		controls.setCommissionRate(id, basisPoints, clock.instant());
		events.publishEvent(new AdminChange(actor.actedBy(), "listing.commission", "listing:" + id, String.valueOf(basisPoints)));
		return Optional.ofNullable(basisPoints);
	}

	/** The leader's commission rate (basis points) of each listing that sets one; the others are absent. */
	public Map<ListingId, Integer> commissionRates(Collection<ListingId> ids) {
		return controls.commissionRates(ids);
	}

	private Map<ListingId, Set<PickupPointId>> restrictionsOf(Collection<ListingId> ids) {
		return restrictions.getAll(ids, missing -> {
			Map<ListingId, Set<PickupPointId>> loaded = new HashMap<>(controls.pickupPoints(missing));
			missing.forEach(k -> loaded.putIfAbsent(k, Set.of()));
			return loaded;
		});
	}

	private Listing editable(Actor actor, ListingId id) {
		Listing listing = listings.get(id);
		actor.checkRegion(listing.regionId().value());
		Instant now = clock.instant();
		if (!listing.isEditableAt(now)) {
			throw new BusinessRuleException("listing-closed", Text.of("marketing.problem.listingPastCutoff", id));
		}
		return listing;
	}
}
