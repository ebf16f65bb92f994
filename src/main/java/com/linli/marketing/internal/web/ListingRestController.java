package com.linli.marketing.internal.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.linli.catalog.SkuManagement;
import com.linli.catalog.Sku;
import com.linli.catalog.SkuId;
import com.linli.identity.Actor;
import com.linli.marketing.Listing;
import com.linli.marketing.ListingChanges;
import com.linli.marketing.ListingId;
import com.linli.marketing.ListingManagement;
import com.linli.marketing.ListingSearch;
import com.linli.marketing.ListingStatus;
import com.linli.marketing.NewListing;
import com.linli.network.RegionId;
import com.linli.identity.CurrentUser;
import com.linli.shared.InvalidInputException;
import com.linli.shared.Money;
import com.linli.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operators and admins publish, change, withdraw and search listings in their regions. */
@RestController
@RequestMapping("/api/listings")
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'OPERATOR')")
@Tag(name = "listings", description = "团购上架: a SKU on sale in a region for a pickup date (operators)")
class ListingRestController {

	private final ListingManagement listings;

	private final SkuManagement catalog;

	private final Clock clock;

	ListingRestController(ListingManagement listings, SkuManagement catalog, Clock clock) {
		this.listings = listings;
		this.catalog = catalog;
		this.clock = clock;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Publish a listing", description = "cutoffAt defaults to 23:00 the day before pickup in the "
			+ "region's zone, opensAt to now. 400 names the wrong field; 403 outside the operator's regions; "
			+ "409 when the SKU is already listed in the region for that pickup date.")
	ListingView publish(Actor actor, @Valid @RequestBody PublishListing request) {
		var listing = withApiFieldNames(() -> listings.publish(actor, new NewListing(new RegionId(request.regionId()),
				new SkuId(request.skuId()), Money.ofFen(request.groupPriceFen()), money(request.listPriceFen()),
				request.stockCap(), request.perResidentLimit(), request.opensAt(), request.cutoffAt(),
				request.pickupDate())));
		return view(listing);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change prices, cap, limit or the sales window before the cutoff",
			description = "The cap never drops below the units sold. Omitted opensAt/cutoffAt keep their values.")
	ListingView update(Actor actor, @PathVariable long id, @Valid @RequestBody UpdateListing request) {
		var listing = withApiFieldNames(() -> listings.update(actor, new ListingId(id),
				new ListingChanges(Money.ofFen(request.groupPriceFen()), money(request.listPriceFen()),
						request.stockCap(), request.perResidentLimit(), request.opensAt(), request.cutoffAt())));
		return view(listing);
	}

	@PostMapping("/{id}/withdraw")
	@Operation(summary = "Take a listing off sale before its cutoff")
	ListingView withdraw(Actor actor, @PathVariable long id) {
		return view(listings.withdraw(actor, new ListingId(id)));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One listing (only in the operator's regions)")
	ListingView get(@PathVariable long id) {
		var listing = listings.get(new ListingId(id));
		CurrentUser.require().checkManagesRegion(listing.regionId().value());
		return view(listing);
	}

	@GetMapping
	@Operation(summary = "Search listings", description = "Filters: region, pickup date, status, text (product "
			+ "name, spec, tags). Operators see their regions only. Newest pickup date first.")
	Page<ListingView> search(Actor actor, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate pickupDate,
			@RequestParam(required = false) ListingStatus status, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		var result = listings.search(actor,
				new ListingSearch(regionId == null ? null : new RegionId(regionId), pickupDate, status, q), page, size);
		Map<SkuId, Sku> skus = catalog.skus(result.items().stream().map(Listing::skuId).distinct().toList());
		Instant now = clock.instant();
		return new Page<>(result.items().stream().map(l -> ListingView.of(l, skus.get(l.skuId()), now)).toList(),
				result.total(), result.page(), result.size());
	}

	private ListingView view(Listing listing) {
		return ListingView.of(listing, catalog.getSku(listing.skuId()), clock.instant());
	}

	private static Money money(Long fen) {
		return fen == null ? null : Money.ofFen(fen);
	}

	/** The service names money fields as the domain does; clients send them as ...Fen. */
	private static <T> T withApiFieldNames(Supplier<T> call) {
		try {
			return call.get();
		}
		catch (InvalidInputException e) {
			if (List.of("groupPrice", "listPrice").contains(e.field())) {
				throw new InvalidInputException(e.field() + "Fen", e.getMessage());
			}
			throw e;
		}
	}

	record PublishListing(@NotNull Long regionId, @NotNull Long skuId, @NotNull @Positive Long groupPriceFen,
			@Positive Long listPriceFen, @NotNull @PositiveOrZero Integer stockCap,
			@NotNull @Min(1) Integer perResidentLimit, Instant opensAt, Instant cutoffAt, @NotNull LocalDate pickupDate) {
	}

	record UpdateListing(@NotNull @Positive Long groupPriceFen, @Positive Long listPriceFen,
			@NotNull @PositiveOrZero Integer stockCap, @NotNull @Min(1) Integer perResidentLimit, Instant opensAt,
			Instant cutoffAt) {
	}

	/** A listing as the API returns it; money in integer fen. */
	record ListingView(long id, long regionId, long skuId, long productId, String name, String spec, String unit,
			String imageUrl, long groupPriceFen, Long listPriceFen, int stockCap, int perResidentLimit, int sold,
			int remaining, Instant opensAt, Instant cutoffAt, LocalDate pickupDate, ListingStatus status, String phase,
			Instant createdAt) {

		static ListingView of(Listing l, Sku sku, Instant now) {
			return new ListingView(l.id().value(), l.regionId().value(), l.skuId().value(),
					sku == null ? 0 : sku.productId().value(), sku == null ? null : sku.productName(),
					sku == null ? null : sku.spec(), sku == null ? null : sku.unit(), sku == null ? null : sku.imageUrl(),
					l.groupPrice().fen(), l.listPrice() == null ? null : l.listPrice().fen(), l.stockCap(),
					l.perResidentLimit(), l.sold(), l.remaining(), l.opensAt(), l.cutoffAt(), l.pickupDate(), l.status(),
					l.phaseAt(now).name(), l.createdAt());
		}
	}
}
