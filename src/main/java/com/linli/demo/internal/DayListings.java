package com.linli.demo.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.linli.catalog.Category;
import com.linli.catalog.CategoryId;
import com.linli.catalog.CategoryManagement;
import com.linli.catalog.SkuManagement;
import com.linli.identity.Actor;
import com.linli.marketing.Listing;
import com.linli.marketing.ListingManagement;
import com.linli.marketing.MarketClosedDayManagement;
import com.linli.marketing.ListingStatus;
import com.linli.marketing.NewListing;
import com.linli.network.RegionId;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The listings of a simulated day: those already published for the pickup date, or else the
 * assortment of the nearest day that has one (the same SKUs, prices, caps and limits), published
 * through marketing for the day's session, in one transaction.
 */
@Component
public class DayListings {

	/** How far from the pickup date to look for an assortment to copy. */
	static final int NEAREST_DAYS = 14;

	/** The demo city is run by the platform itself. */
	private static final Actor DEMO = Actor.system("demo");

	private final ListingManagement listings;

	private final SkuManagement catalog;

	private final CategoryManagement categoryManagement;

	private final TransactionTemplate transaction;

	private final MarketClosedDayManagement closedDays;

	DayListings(ListingManagement listings, SkuManagement catalog, CategoryManagement categoryManagement,
			PlatformTransactionManager transactions, MarketClosedDayManagement closedDays) {
		this.closedDays = closedDays;
		this.listings = listings;
		this.catalog = catalog;
		this.categoryManagement = categoryManagement;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** The active listings for the date, published now from the nearest assortment if there are none. */
	public List<Listing> listingsFor(RegionId region, LocalDate pickupDate, Instant opensAt, Instant cutoffAt) {
		if (closedDays.isClosed(region, pickupDate)) {
			return List.of(); // 休市: nothing may be listed, residents see why on the storefront
		}
		var existing = active(region, pickupDate);
		if (!existing.isEmpty()) {
			return existing;
		}
		var template = nearestAssortment(region, pickupDate);
		// a SKU taken off sale since is not repeated
		var skus = catalog.skus(template.stream().map(Listing::skuId).toList());
		var repeated = template.stream().filter(l -> skus.containsKey(l.skuId()) && skus.get(l.skuId()).active()).toList();
		return transaction.execute(status -> repeated.stream()
			.map(l -> listings.publish(DEMO, new NewListing(region, l.skuId(), l.groupPrice(), l.listPrice(), l.stockCap(),
					l.perResidentLimit(), opensAt, cutoffAt, pickupDate)))
			.toList());
	}

	/** What residents choose from: product name, top-level category, price and limit of each listing. */
	public List<Baskets.Option> options(List<Listing> day) {
		var skus = catalog.skus(day.stream().map(Listing::skuId).toList());
		Map<CategoryId, Category> categories = new HashMap<>();
		categoryManagement.categories().forEach(c -> categories.put(c.id(), c));
		List<Baskets.Option> options = new ArrayList<>();
		for (Listing l : day) {
			var sku = skus.get(l.skuId());
			options.add(new Baskets.Option(sku.productName(), topLevel(categories, sku.categoryId()), l.groupPrice().fen(),
					l.perResidentLimit()));
		}
		return options;
	}

	private List<Listing> active(RegionId region, LocalDate pickupDate) {
		return listings.listingsFor(region, pickupDate).stream().filter(l -> l.status() == ListingStatus.ACTIVE)
			.sorted(Comparator.comparingLong(l -> l.id().value())).toList();
	}

	private List<Listing> nearestAssortment(RegionId region, LocalDate pickupDate) {
		for (int days = 1; days <= NEAREST_DAYS; days++) {
			for (LocalDate date : List.of(pickupDate.minusDays(days), pickupDate.plusDays(days))) {
				var found = active(region, date);
				if (!found.isEmpty()) {
					return found;
				}
			}
		}
		throw new IllegalStateException("region " + region + " has no listings within " + NEAREST_DAYS + " days of "
				+ pickupDate + " to repeat for that day: publish some first");
	}

	private static String topLevel(Map<CategoryId, Category> categories, CategoryId id) {
		Category category = categories.get(id);
		for (int depth = 0; category != null && category.parentId() != null && depth < 10; depth++) {
			category = categories.get(category.parentId());
		}
		return category == null ? "" : category.name();
	}
}
