package com.linli.marketing.internal.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.linli.catalog.StorageTemperature;
import com.linli.marketing.ListingId;
import com.linli.marketing.Storefront;
import com.linli.marketing.StorefrontItem;
import com.linli.marketing.StorefrontView;
import com.linli.network.PickupPoint;
import com.linli.network.PickupPointId;
import com.linli.network.PickupPointManagement;
import com.linli.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public storefront API a mini-program calls: what is open now at a pickup point's region,
 * search, and one product. No sign-in needed; money in integer fen.
 */
@RestController
@RequestMapping("/api/storefront")
@Tag(name = "storefront", description = "What residents see (public)")
class StorefrontRestController {

	private final Storefront storefront;

	private final PickupPointManagement network;

	private final Clock clock;

	private final com.linli.shared.Tracking tracking;

	StorefrontRestController(Storefront storefront, PickupPointManagement network, Clock clock,
			com.linli.shared.Tracking tracking) {
		this.tracking = tracking;
		this.storefront = storefront;
		this.network = network;
		this.clock = clock;
	}

	@GetMapping("/listings")
	@Operation(summary = "Listings open now for a pickup point's region",
			description = "Grouped by top-level category, with the 8 best sellers (hot) and the 8 newest (new: "
					+ "products of the last 14 days or listings opened in the last 24 hours).")
	StorefrontResponse listings(@RequestParam long pickupPointId) {
		PickupPoint point = activePickupPoint(pickupPointId);
		StorefrontView view = storefront.openNow(point.regionId(), point.id(), clock.instant());
		tracking.record(event(com.linli.shared.TrackedEvent.Kind.PAGE_VIEW).at(point.id().value(), point.regionId().value()));
		return new StorefrontResponse(PickupPointView.of(point), items(view.hot()), items(view.fresh()),
				view.sections().stream().map(SectionView::of).toList());
	}

	@GetMapping("/search")
	@Operation(summary = "Search the listings open now at a pickup point's region", description = "Matches product "
			+ "name, spec and tags, Chinese substrings included (苹果 finds 红富士苹果).")
	SearchResponse search(@RequestParam long pickupPointId, @RequestParam @NotBlank @Size(max = 50) String q) {
		PickupPoint point = activePickupPoint(pickupPointId);
		var found = storefront.search(point.regionId(), point.id(), q, clock.instant());
		tracking.record(event(com.linli.shared.TrackedEvent.Kind.SEARCH).at(point.id().value(), point.regionId().value())
			.search(q.trim(), found.size()));
		return new SearchResponse(PickupPointView.of(point), q.trim(), items(found));
	}

	@GetMapping("/listings/{id}")
	@Operation(summary = "One listing with its product: the product page",
			description = "phase tells whether residents may order now: UPCOMING, OPEN, CLOSED or WITHDRAWN.")
	ItemDetail listing(@PathVariable long id) {
		var item = storefront.item(new ListingId(id)).orElseThrow(() -> new NotFoundException("listing", id));
		tracking.record(event(com.linli.shared.TrackedEvent.Kind.PRODUCT_VIEW).at(null, item.listing().regionId().value())
			.product(id, item.listing().skuId().value()));
		return ItemDetail.of(item, clock.instant());
	}

	/** An event of the API storefront: the signed-in resident, or anonymous (public browsing). */
	private com.linli.shared.TrackedEvent event(com.linli.shared.TrackedEvent.Kind kind) {
		return com.linli.shared.TrackedEvent.of(kind, clock.instant(),
				com.linli.identity.CurrentUser.get().map(u -> u.id().value()).orElse(null),
				com.linli.shared.TrackedEvent.Client.API);
	}

	private PickupPoint activePickupPoint(long id) {
		PickupPoint point = network.getPickupPoint(new PickupPointId(id));
		if (!point.active()) {
			throw new NotFoundException("pickup point", id);
		}
		return point;
	}

	private static List<ItemView> items(List<StorefrontItem> items) {
		return items.stream().map(ItemView::of).toList();
	}

	record StorefrontResponse(PickupPointView pickupPoint, List<ItemView> hot,
			@JsonProperty("new") List<ItemView> fresh,
			List<SectionView> categories) {
	}

	record SearchResponse(PickupPointView pickupPoint, String q, List<ItemView> items) {
	}

	record PickupPointView(long id, long regionId, String name, String communityName, String address,
			LocalTime opensAt, LocalTime closesAt) {

		static PickupPointView of(PickupPoint p) {
			return new PickupPointView(p.id().value(), p.regionId().value(), p.name(), p.communityName(), p.address(),
					p.opensAt(), p.closesAt());
		}
	}

	record SectionView(Long categoryId, String name, List<ItemView> items) {

		static SectionView of(StorefrontView.Section s) {
			return new SectionView(s.category() == null ? null : s.category().id().value(),
					s.category() == null ? null : s.category().name(), StorefrontRestController.items(s.items()));
		}
	}

	/** One card of the storefront. */
	record ItemView(long listingId, long skuId, long productId, String name, String spec, String unit,
			String imageUrl, Long categoryId, long groupPriceFen, Long listPriceFen, int sold, int remaining,
			int perResidentLimit, Instant cutoffAt, LocalDate pickupDate) {

		static ItemView of(StorefrontItem i) {
			var l = i.listing();
			return new ItemView(l.id().value(), l.skuId().value(), i.sku().productId().value(), i.sku().productName(),
					i.sku().spec(), i.sku().unit(), i.sku().imageUrl(),
					i.category() == null ? null : i.category().id().value(), l.groupPrice().fen(),
					l.listPrice() == null ? null : l.listPrice().fen(), l.sold(), l.remaining(), l.perResidentLimit(),
					l.cutoffAt(), l.pickupDate());
		}
	}

	/** The product page. */
	record ItemDetail(long listingId, long regionId, long skuId, long productId, String name, String spec,
			String unit, String imageUrl, String category, long groupPriceFen, Long listPriceFen, int sold,
			int remaining, int perResidentLimit, Instant opensAt, Instant cutoffAt, LocalDate pickupDate, String phase,
			StorageTemperature storage, int shelfLifeDays, int weightGrams, String origin, String description) {

		static ItemDetail of(StorefrontItem i, Instant now) {
			var l = i.listing();
			var sku = i.sku();
			return new ItemDetail(l.id().value(), l.regionId().value(), sku.id().value(), sku.productId().value(),
					sku.productName(), sku.spec(), sku.unit(), sku.imageUrl(),
					i.category() == null ? null : i.category().name(), l.groupPrice().fen(),
					l.listPrice() == null ? null : l.listPrice().fen(), l.sold(), l.remaining(), l.perResidentLimit(),
					l.opensAt(), l.cutoffAt(), l.pickupDate(), l.phaseAt(now).name(), sku.storage(),
					sku.shelfLifeDays(), sku.weightGrams(), i.product().origin(), i.product().description());
		}
	}
}
