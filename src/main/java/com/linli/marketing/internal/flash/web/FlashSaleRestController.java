package com.linli.marketing.internal.flash.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.linli.identity.Actor;
import com.linli.marketing.FlashSale;
import com.linli.marketing.FlashSaleManagement;
import com.linli.marketing.ListingId;
import com.linli.marketing.ListingManagement;
import com.linli.marketing.NewFlashSale;
import com.linli.network.RegionId;
import com.linli.network.ResidentBindingManagement;
import com.linli.shared.Money;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Flash sales (秒杀): residents see those of their region with the server's time (to count down from);
 * operators turn listings of their regions into flash sales.
 */
@RestController
@Tag(name = "flash sales", description = "秒杀: time-boxed listings at a flash price")
class FlashSaleRestController {

	private final FlashSaleManagement sales;

	private final ListingManagement listings;

	private final ResidentBindingManagement bindings;

	private final Clock clock;

	FlashSaleRestController(FlashSaleManagement sales, ListingManagement listings, ResidentBindingManagement bindings,
			Clock clock) {
		this.sales = sales;
		this.listings = listings;
		this.bindings = bindings;
		this.clock = clock;
	}

	/** A flash sale on the API: money in fen; cap, sold and limit are the listing's. */
	record FlashSaleView(long listingId, long flashPriceFen, long groupPriceFen, Instant startsAt, Instant endsAt,
			int earlyAccessMinutes, Integer earlyAccessRank, int cap, int sold, int perResidentLimit, String phase) {
	}

	/** The sales and the server's time: a client counts down from {@code serverNow}, not from the phone's clock. */
	record FlashSales(Instant serverNow, List<FlashSaleView> sales) {
	}

	@GetMapping("/api/marketing/flash-sales")
	@Operation(summary = "Flash sales of the caller's region not yet ended, with the server's time")
	FlashSales ofMyRegion(Actor actor) {
		Instant now = clock.instant();
		var point = actor.accountId().flatMap(bindings::cachedPickupPointOf);
		return new FlashSales(now, point.map(p -> views(sales.notEnded(p.regionId(), 20), now)).orElse(List.of()));
	}

	record FlashSaleRequest(@NotNull @Positive Long flashPriceFen, @NotNull Instant startsAt, Instant endsAt,
			@Min(0) @Max(FlashSaleManagement.MAX_EARLY_ACCESS_MINUTES) int earlyAccessMinutes,
			@Min(0) Integer earlyAccessRank) {
	}

	@PutMapping("/api/admin/marketing/flash-sales/{listingId}")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "Make a listing a flash sale (or change it) before its cutoff",
			description = "Flash price below the group price; endsAt defaults to the listing's cutoff; the listing's cap "
					+ "and per-resident limit are the sale's. earlyAccessMinutes before the start for levels of rank >= "
					+ "earlyAccessRank.")
	FlashSaleView save(Actor actor, @PathVariable long listingId, @Valid @RequestBody FlashSaleRequest request) {
		var sale = sales.save(actor, new NewFlashSale(new ListingId(listingId), Money.ofFen(request.flashPriceFen()),
				request.startsAt(), request.endsAt(), request.earlyAccessMinutes(), request.earlyAccessRank()));
		return views(List.of(sale), clock.instant()).get(0);
	}

	@GetMapping("/api/admin/marketing/flash-sales")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
	@Operation(summary = "The flash sales of a region not yet ended")
	List<FlashSaleView> ofRegion(Actor actor, @RequestParam long regionId) {
		return views(sales.notEnded(actor, new RegionId(regionId)), clock.instant());
	}

	private List<FlashSaleView> views(List<FlashSale> list, Instant now) {
		var found = listings.cachedListings(list.stream().map(FlashSale::listing).toList());
		return list.stream().map(s -> {
			var l = found.get(s.listing());
			String phase = s.endedAt(now) ? "ENDED" : s.runningAt(now) ? "RUNNING" : "UPCOMING";
			return new FlashSaleView(s.listing().value(), s.flashPrice().fen(), l == null ? 0 : l.groupPrice().fen(),
					s.startsAt(), s.endsAt(), s.earlyAccessMinutes(), s.earlyAccessRank(), l == null ? 0 : l.stockCap(),
					l == null ? 0 : l.sold(), l == null ? 0 : l.perResidentLimit(), phase);
		}).toList();
	}
}
