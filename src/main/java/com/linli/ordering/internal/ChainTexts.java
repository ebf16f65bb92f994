package com.linli.ordering.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.linli.catalog.Sku;
import com.linli.catalog.SkuId;
import com.linli.catalog.SkuManagement;
import com.linli.marketing.Listing;
import com.linli.marketing.ListingControlManagement;
import com.linli.marketing.ListingId;
import com.linli.marketing.ListingManagement;
import com.linli.marketing.ReferralManagement;
import com.linli.network.PickupPoint;
import com.linli.shared.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The 接龙 a leader copies into the community chat: the listings open now at the leader's pickup point
 * with their prices, and who at this pickup point ordered what (paid orders, names masked: "张** 西红柿×2"),
 * in the order they were paid. Only the leader's own pickup point: the query is keyed by it.
 */
@Component
public class ChainTexts {

	/** Most orders listed; the chat would not take more. */
	static final int MAX_ENTRIES = 300;

	private final JdbcClient jdbc;

	private final ListingManagement listings;

	private final ListingControlManagement controls;

	private final SkuManagement catalog;

	ChainTexts(JdbcClient jdbc, ListingManagement listings, ListingControlManagement controls, SkuManagement catalog) {
		this.jdbc = jdbc;
		this.listings = listings;
		this.controls = controls;
		this.catalog = catalog;
	}

	/** One listing of the day: product, spec, group price. */
	public record Item(ListingId listingId, String name, String spec, Money price) {
	}

	/** One ordered line: the masked name of the resident, the product and how many. */
	public record Entry(String maskedName, String product, int quantity) {
	}

	/** The day's chain at one pickup point. */
	public record Chain(PickupPoint point, LocalDate day, List<Item> items, List<Entry> entries) {
	}

	/** The chain of the pickup point now: open listings sold there, and the paid orders of them at this point. */
	public Chain chain(PickupPoint point, LocalDate day, Instant now) {
		List<Listing> open = controls.soldAt(listings.openListings(point.regionId(), now), point.id());
		Map<SkuId, Sku> skus = catalog.cachedSkus(open.stream().map(Listing::skuId).distinct().toList());
		List<Item> items = new ArrayList<>();
		for (Listing l : open) {
			Sku sku = skus.get(l.skuId());
			if (sku != null) {
				items.add(new Item(l.id(), sku.productName(), sku.spec(), l.groupPrice()));
			}
		}
		List<Entry> entries = open.isEmpty() ? List.of() : jdbc.sql("""
				select o.recipient_name, l.sku_name, l.quantity - l.refunded_quantity as quantity
				  from ordering.orders o join ordering.order_line l on l.order_id = o.id
				 where o.pickup_point_id = :point and l.listing_id = any(:listings)
				   and o.status not in ('PENDING_PAYMENT', 'CANCELLED') and l.quantity > l.refunded_quantity
				 order by o.paid_at, o.id, l.id
				 limit :limit""")
			.param("point", point.id().value())
			.param("listings", open.stream().map(l -> l.id().value()).toArray(Long[]::new))
			.param("limit", MAX_ENTRIES)
			.query((rs, n) -> new Entry(ReferralManagement.mask(rs.getString(1)), rs.getString(2), rs.getInt(3)))
			.list();
		return new Chain(point, day, List.copyOf(items), entries);
	}
}
