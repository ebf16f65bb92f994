package com.linli.marketing.internal.flash.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import com.linli.catalog.SkuManagement;
import com.linli.identity.AccountId;
import com.linli.marketing.FlashSale;
import com.linli.marketing.FlashSaleManagement;
import com.linli.marketing.ListingManagement;
import com.linli.marketing.internal.web.HomeSection;
import com.linli.network.PickupPoint;
import com.linli.shared.Money;

import org.springframework.stereotype.Component;

/**
 * The storefront's flash-sale strip: the region's sales not yet ended, each with a live countdown to its
 * start (or, running, to its end). The page carries the server's time and counts from it (an offset to the
 * phone's clock taken at load), so a phone whose clock is wrong still opens the sale on time.
 */
@Component
class FlashHomeSection implements HomeSection {

	private final FlashSaleManagement sales;

	private final ListingManagement listings;

	private final SkuManagement catalog;

	FlashHomeSection(FlashSaleManagement sales, ListingManagement listings, SkuManagement catalog) {
		this.sales = sales;
		this.listings = listings;
		this.catalog = catalog;
	}

	/** One sale on the strip; instants as epoch milliseconds for the countdown. */
	record Card(long listingId, String name, String imageUrl, Money flashPrice, Money groupPrice, long startsAt,
			long endsAt, boolean running, int remaining) {
	}

	record Model(long serverNow, List<Card> cards) {
	}

	@Override
	public int position() {
		return 10;
	}

	@Override
	public String template() {
		return "marketing/flash-home";
	}

	@Override
	public Optional<Object> model(AccountId resident, PickupPoint point, Instant now, ZoneId zone) {
		List<FlashSale> found = sales.notEnded(point.regionId(), 10);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		var byId = listings.cachedListings(found.stream().map(FlashSale::listing).toList());
		var skus = catalog.cachedSkus(byId.values().stream().map(l -> l.skuId()).distinct().toList());
		List<Card> cards = found.stream().filter(s -> byId.containsKey(s.listing())).map(s -> {
			var l = byId.get(s.listing());
			var sku = skus.get(l.skuId());
			return new Card(l.id().value(), sku == null ? "" : sku.productName(), sku == null ? null : sku.imageUrl(),
					s.flashPrice(), l.groupPrice(), s.startsAt().toEpochMilli(), s.endsAt().toEpochMilli(), s.runningAt(now),
					l.remaining());
		}).toList();
		return Optional.of(new Model(now.toEpochMilli(), cards));
	}
}
