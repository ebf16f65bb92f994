package com.linli.marketing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.linli.catalog.Category;
import com.linli.catalog.CategoryId;
import com.linli.catalog.CategoryManagement;
import com.linli.catalog.Product;
import com.linli.catalog.ProductId;
import com.linli.catalog.ProductManagement;
import com.linli.catalog.Sku;
import com.linli.catalog.SkuId;
import com.linli.catalog.SkuManagement;
import com.linli.catalog.SkuMatch;
import com.linli.marketing.internal.Listings;
import com.linli.network.PickupPointId;
import com.linli.network.RegionId;

import org.springframework.stereotype.Service;

/**
 * The resident's shop window: the listings open in a region with what residents need to choose them,
 * the hot and new strips, and search. Read only.
 */
@Service
public class Storefront {

	/** Items in the hot and the new strip. */
	public static final int STRIP_SIZE = 8;

	/** A product counts as new this long after it entered the catalog... */
	public static final Duration NEW_PRODUCT = Duration.ofDays(14);

	/** ...and a listing this long after it opened. */
	public static final Duration NEW_LISTING = Duration.ofHours(24);

	private final Listings listings;

	private final SkuManagement catalog;

	private final CategoryManagement categories;

	private final ProductManagement productManagement;

	private final ListingControlManagement controls;

	Storefront(Listings listings, SkuManagement catalog, CategoryManagement categories,
			ProductManagement productManagement, ListingControlManagement controls) {
		this.controls = controls;
		this.listings = listings;
		this.catalog = catalog;
		this.categories = categories;
		this.productManagement = productManagement;
	}

	/** The listings open in the region at {@code at}, with the hot and new strips; leader-only items left out. */
	public StorefrontView openNow(RegionId region, Instant at) {
		return openNow(region, null, at);
	}

	/**
	 * The listings open in the region at {@code at} for residents of the pickup point (leader-only items
	 * of other pickup points left out; a null point leaves out every leader-only item), with the strips.
	 */
	public StorefrontView openNow(RegionId region, PickupPointId point, Instant at) {
		List<StorefrontItem> items = items(controls.soldAt(listings.openIn(region, at), point));
		var hot = items.stream()
			.filter(i -> i.listing().sold() > 0)
			.sorted(Comparator.comparingInt((StorefrontItem i) -> i.listing().sold()).reversed()
				.thenComparing(i -> i.listing().id().value()))
			.limit(STRIP_SIZE)
			.toList();
		var fresh = items.stream()
			.filter(i -> isNew(i, at))
			.sorted(Comparator.comparing(Storefront::newSince).reversed().thenComparing(i -> i.listing().id().value()))
			.limit(STRIP_SIZE)
			.toList();
		return new StorefrontView(hot, fresh, sections(items));
	}

	/**
	 * Open listings of the region whose product matches the query (name, spec, tags), best match first:
	 * the catalogue's class of match (exact name, name ending with the query, starting with it,
	 * containing it, spec or tags), then within a class the best sellers first.
	 */
	public List<StorefrontItem> search(RegionId region, String query, Instant at) {
		return search(region, null, query, at);
	}

	/** As {@link #search(RegionId, String, Instant)}, for residents of the pickup point (see {@link #openNow(RegionId, PickupPointId, Instant)}). */
	public List<StorefrontItem> search(RegionId region, PickupPointId point, String query, Instant at) {
		if (query == null || query.isBlank()) {
			return List.of();
		}
		var open = controls.soldAt(listings.openIn(region, at), point);
		Map<SkuId, Integer> relevance = new HashMap<>();
		for (SkuMatch match : catalog.rankSkus(query.trim(), open.stream().map(Listing::skuId).distinct().toList())) {
			relevance.putIfAbsent(match.skuId(), match.relevance());
		}
		return items(open.stream().filter(l -> relevance.containsKey(l.skuId())).toList()).stream()
			.sorted(Comparator.comparingInt((StorefrontItem i) -> relevance.get(i.listing().skuId()))
				.thenComparing(Comparator.comparingInt((StorefrontItem i) -> i.listing().sold()).reversed())
				.thenComparing(i -> i.listing().id().value()))
			.toList();
	}

	/** One listing with its SKU and product, whatever its phase (the product page shows closed ones as such). */
	public Optional<StorefrontItem> item(ListingId id) {
		return listings.find(id).map(l -> {
			Sku sku = catalog.getSku(l.skuId());
			return new StorefrontItem(l, sku, productManagement.getProduct(sku.productId()), topCategories().get(sku.categoryId()));
		});
	}

	static boolean isNew(StorefrontItem item, Instant at) {
		return !item.product().createdAt().isBefore(at.minus(NEW_PRODUCT))
				|| !item.listing().opensAt().isBefore(at.minus(NEW_LISTING));
	}

	private static Instant newSince(StorefrontItem item) {
		Instant product = item.product().createdAt();
		Instant listing = item.listing().opensAt();
		return product.isAfter(listing) ? product : listing;
	}

	/** Joins listings with their SKUs and products; listings whose SKU or product was deactivated are left out. */
	private List<StorefrontItem> items(List<Listing> open) {
		if (open.isEmpty()) {
			return List.of();
		}
		Map<SkuId, Sku> skus = catalog.skus(open.stream().map(Listing::skuId).distinct().toList());
		Map<ProductId, Product> products = new HashMap<>();
		Map<CategoryId, Category> top = topCategories();
		List<StorefrontItem> items = new ArrayList<>(open.size());
		for (Listing l : open) {
			Sku sku = skus.get(l.skuId());
			if (sku == null || !sku.active()) {
				continue;
			}
			Product product = products.computeIfAbsent(sku.productId(), productManagement::getProduct);
			if (!product.active()) {
				continue;
			}
			items.add(new StorefrontItem(l, sku, product, top.get(sku.categoryId())));
		}
		return items;
	}

	/** Sections in the catalog's category order; within one, best sellers first and sold-out items last. */
	private List<StorefrontView.Section> sections(List<StorefrontItem> items) {
		Map<CategoryId, List<StorefrontItem>> byCategory = new LinkedHashMap<>();
		List<StorefrontItem> uncategorised = new ArrayList<>();
		var ordered = items.stream()
			.sorted(Comparator.comparing((StorefrontItem i) -> i.listing().isSoldOut())
				.thenComparing(Comparator.comparingInt((StorefrontItem i) -> i.listing().sold()).reversed())
				.thenComparing(i -> i.listing().id().value()))
			.toList();
		for (var item : ordered) {
			if (item.category() == null) {
				uncategorised.add(item);
			}
			else {
				byCategory.computeIfAbsent(item.category().id(), k -> new ArrayList<>()).add(item);
			}
		}
		List<StorefrontView.Section> sections = new ArrayList<>();
		byCategory.values().stream()
			.sorted(Comparator.comparingInt((List<StorefrontItem> list) -> list.get(0).category().sortOrder())
				.thenComparing(list -> list.get(0).category().name()))
			.forEach(list -> sections.add(new StorefrontView.Section(list.get(0).category(), List.copyOf(list))));
		if (!uncategorised.isEmpty()) {
			sections.add(new StorefrontView.Section(null, List.copyOf(uncategorised)));
		}
		return sections;
	}

	/** Every category mapped to its top-level ancestor: residents browse by 水果, 蔬菜, 肉禽蛋... */
	private Map<CategoryId, Category> topCategories() {
		Map<CategoryId, Category> all = new HashMap<>();
		categories.categories().forEach(c -> all.put(c.id(), c));
		Map<CategoryId, Category> top = new HashMap<>();
		for (Category c : all.values()) {
			Category root = c;
			int depth = 0;
			while (root.parentId() != null && all.containsKey(root.parentId()) && depth++ < 10) {
				root = all.get(root.parentId());
			}
			top.put(c.id(), root);
		}
		return top;
	}
}
