package com.linli.marketing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.linli.identity.Actor;
import com.linli.marketing.internal.flash.FlashSales;
import com.linli.network.RegionId;
import com.linli.shared.AdminChange;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Flash sales (秒杀): an operator turns a listing into one (flash price, start, optional end, early access
 * for higher levels); the listing's cap and per-resident limit are the sale's. The price engine applies
 * the flash price while it runs and refuses a purchase before its start.
 */
@Service
public class FlashSaleManagement {

	public static final int MAX_EARLY_ACCESS_MINUTES = 24 * 60;

	private final FlashSales sales;

	private final ListingManagement listings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	FlashSaleManagement(FlashSales sales, ListingManagement listings, ApplicationEventPublisher events, Clock clock) {
		this.sales = sales;
		this.listings = listings;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Makes the listing (active, before its cutoff, in the operator's regions) a flash sale, or changes its
	 * terms. The flash price is below the group price; the sale starts before it ends and ends at the
	 * latest at the listing's cutoff (the default).
	 */
	@Transactional
	public FlashSale save(Actor actor, NewFlashSale request) {
		Listing listing = listings.get(request.listing());
		actor.checkManagesRegion(listing.regionId().value());
		Instant now = clock.instant();
		if (!listing.isEditableAt(now)) {
			throw new BusinessRuleException("listing-closed", "listingId",
					Text.of("marketing.problem.listingPastCutoff", listing.id()));
		}
		if (request.flashPrice() == null || request.flashPrice().fen() <= 0
				|| request.flashPrice().fen() >= listing.groupPrice().fen()) {
			throw new InvalidInputException("flashPriceFen", Text.of("marketing.flash.problem.price", listing.groupPrice()));
		}
		if (request.startsAt() == null || !request.startsAt().isBefore(listing.cutoffAt())) {
			throw new InvalidInputException("startsAt", Text.of("marketing.flash.problem.startsAt", listing.cutoffAt()));
		}
		Instant ends = request.endsAt() == null ? listing.cutoffAt() : request.endsAt();
		if (!ends.isAfter(request.startsAt()) || ends.isAfter(listing.cutoffAt())) {
			throw new InvalidInputException("endsAt", Text.of("marketing.flash.problem.endsAt", listing.cutoffAt()));
		}
		if (request.earlyAccessMinutes() < 0 || request.earlyAccessMinutes() > MAX_EARLY_ACCESS_MINUTES) {
			throw new InvalidInputException("earlyAccessMinutes",
					Text.of("marketing.flash.problem.earlyMinutes", MAX_EARLY_ACCESS_MINUTES));
		}
		if (request.earlyAccessMinutes() > 0 && (request.earlyAccessRank() == null || request.earlyAccessRank() < 0)) {
			throw new InvalidInputException("earlyAccessRank", Text.of("marketing.flash.problem.earlyRank"));
		}
		var sale = new FlashSale(listing.id(), listing.regionId(), request.flashPrice(), request.startsAt(), ends,
				request.earlyAccessMinutes(), request.earlyAccessMinutes() > 0 ? request.earlyAccessRank() : null);
		sales.save(sale, now);
		events.publishEvent(new AdminChange(actor.actedBy(), "flash.save", "listing:" + listing.id().value(),
				"price=" + sale.flashPrice() + " starts=" + sale.startsAt() + " ends=" + sale.endsAt() + " early="
						+ sale.earlyAccessMinutes() + "min rank>=" + sale.earlyAccessRank()));
		return sale;
	}

	public FlashSale get(ListingId listing) {
		return sales.find(listing).orElseThrow(() -> new NotFoundException("flash sale", listing));
	}

	/** The listing's flash sale from the engine's snapshot (pages ask this per card). */
	public Optional<FlashSale> cached(ListingId listing) {
		return sales.cached(listing);
	}

	/** The region's sales not yet ended, soonest start first (the storefront and the console). */
	public List<FlashSale> notEnded(RegionId region, int limit) {
		return sales.notEnded(region, clock.instant(), Math.min(Math.max(limit, 1), 200));
	}

	/** As {@link #notEnded(RegionId, int)}, for an operator of the region. */
	public List<FlashSale> notEnded(Actor actor, RegionId region) {
		actor.checkRegion(region.value());
		return notEnded(region, 200);
	}
}
