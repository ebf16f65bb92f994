package com.linli.catalog;

import java.time.Instant;

import com.linli.shared.SupplierId;

/** One row of the product list: the product, its category's name, and its SKUs in brief. */
public record ProductSummary(ProductId id, String name, CategoryId categoryId, String categoryName, String origin,
		SupplierId supplierId, boolean active, int skuCount, String specs, boolean hasImage, Instant createdAt) {

	public String imageUrl() {
		return Product.imageUrl(id);
	}
}
