package com.linli.catalog.internal.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.linli.catalog.Category;
import com.linli.catalog.Product;
import com.linli.catalog.ProductSummary;
import com.linli.catalog.Sku;
import com.linli.catalog.SkuEdit;
import com.linli.catalog.StorageTemperature;

/** The JSON shapes of the catalogue API: ids as plain numbers, image URLs ready for {@code <img src>}. */
final class CatalogViews {

	private CatalogViews() {
	}

	record CategoryView(long id, Long parentId, String name, int sortOrder) {

		static CategoryView of(Category c) {
			return new CategoryView(c.id().value(), c.parentId() == null ? null : c.parentId().value(), c.name(),
					c.sortOrder());
		}
	}

	record ProductView(long id, long categoryId, String name, String description, String origin,
			Set<String> seasonalTags, Long supplierId, boolean active, Instant createdAt, String imageUrl,
			boolean hasImage, List<SkuRow> skus) {

		static ProductView of(Product p, boolean hasImage, List<SkuEdit> skus) {
			return new ProductView(p.id().value(), p.categoryId().value(), p.name(), p.description(), p.origin(),
					p.seasonalTags(), p.supplierId() == null ? null : p.supplierId().value(), p.active(), p.createdAt(),
					p.imageUrl(), hasImage, skus.stream().map(SkuRow::of).toList());
		}
	}

	/** A SKU inside its product: {@code active} is the SKU's own flag. */
	record SkuRow(long id, String spec, String unit, String barcode, StorageTemperature storage, int shelfLifeDays,
			int weightGrams, boolean active) {

		static SkuRow of(SkuEdit s) {
			return new SkuRow(s.id().value(), s.spec(), s.unit(), s.barcode(), s.storage(), s.shelfLifeDays(),
					s.weightGrams(), s.active());
		}
	}

	/** A SKU on its own, with its product's name: {@code active} means sellable (SKU and product active). */
	record SkuView(long id, long productId, String productName, long categoryId, String spec, String unit,
			String barcode, StorageTemperature storage, int shelfLifeDays, int weightGrams, String imageUrl,
			Set<String> seasonalTags, boolean active) {

		static SkuView of(Sku s) {
			return new SkuView(s.id().value(), s.productId().value(), s.productName(), s.categoryId().value(), s.spec(),
					s.unit(), s.barcode(), s.storage(), s.shelfLifeDays(), s.weightGrams(), s.imageUrl(),
					s.seasonalTags(), s.active());
		}
	}

	record ProductRow(long id, String name, long categoryId, String categoryName, String origin, Long supplierId,
			boolean active, int skuCount, String specs, String imageUrl, boolean hasImage, Instant createdAt) {

		static ProductRow of(ProductSummary p) {
			return new ProductRow(p.id().value(), p.name(), p.categoryId().value(), p.categoryName(), p.origin(),
					p.supplierId() == null ? null : p.supplierId().value(), p.active(), p.skuCount(), p.specs(),
					p.imageUrl(), p.hasImage(), p.createdAt());
		}
	}
}
