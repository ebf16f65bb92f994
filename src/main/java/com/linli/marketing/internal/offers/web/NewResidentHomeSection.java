package com.linli.marketing.internal.offers.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.linli.catalog.Sku;
import com.linli.catalog.SkuId;
import com.linli.catalog.SkuManagement;
import com.linli.identity.AccountId;
import com.linli.marketing.Listing;
import com.linli.marketing.ListingId;
import com.linli.marketing.ListingManagement;
import com.linli.marketing.Offer;
import com.linli.marketing.OfferManagement;
import com.linli.marketing.internal.web.HomeSection;
import com.linli.network.PickupPoint;
import com.linli.shared.Money;

import org.springframework.stereotype.Component;

/**
 * The storefront home's new-resident section: for a resident without a paid order, the listings with a
 * first-order price, and the 1-yuan offers the resident may still take. Not shown to anyone else.
 */
@Component
class NewResidentHomeSection implements HomeSection {

	private final OfferManagement offers;

	private final ListingManagement listings;

	private final SkuManagement catalog;

	NewResidentHomeSection(OfferManagement offers, ListingManagement listings, SkuManagement catalog) {
		this.offers = offers;
		this.listings = listings;
		this.catalog = catalog;
	}

	/** One offer as the section shows it. */
	record Item(long listingId, String name, String spec, String imageUrl, Money price, Money groupPrice) {
	}

	record Model(List<Item> newResident, List<Item> oneYuan) {
	}

	@Override
	public int position() {
		return 20;
	}

	@Override
	public String template() {
		return "marketing/campaigns-home-offers";
	}

	@Override
	public Optional<Object> model(AccountId resident, PickupPoint point, Instant now, ZoneId zone) {
		List<Offer> firstOrder = offers.newResidentOffers(point.regionId(), now);
		List<Offer> oneYuan = offers.oneYuanOffersFor(resident, point.regionId(), now);
		List<Offer> shown = !firstOrder.isEmpty() && offers.isNewResident(resident) ? firstOrder : List.of();
		if (shown.isEmpty() && oneYuan.isEmpty()) {
			return Optional.empty();
		}
		var ids = java.util.stream.Stream.concat(shown.stream(), oneYuan.stream()).map(Offer::listingId).distinct().toList();
		Map<ListingId, Listing> byId = listings.cachedListings(ids);
		Map<SkuId, Sku> skus = catalog.skus(byId.values().stream().map(Listing::skuId).distinct().toList());
		var model = new Model(items(shown, byId, skus, now), items(oneYuan, byId, skus, now));
		return model.newResident().isEmpty() && model.oneYuan().isEmpty() ? Optional.empty() : Optional.of(model);
	}

	private static List<Item> items(List<Offer> offers, Map<ListingId, Listing> listings, Map<SkuId, Sku> skus, Instant now) {
		return offers.stream().filter(o -> listings.containsKey(o.listingId()) && listings.get(o.listingId()).isOpenAt(now))
			.map(o -> {
				Listing l = listings.get(o.listingId());
				Sku sku = skus.get(l.skuId());
				return new Item(l.id().value(), sku == null ? "" : sku.productName(), sku == null ? "" : sku.spec(),
						sku == null ? null : sku.imageUrl(), o.price(), l.groupPrice());
			}).toList();
	}
}
