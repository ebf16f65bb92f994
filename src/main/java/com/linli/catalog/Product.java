package com.linli.catalog;

import java.time.Instant;
import java.util.Set;

import com.linli.shared.SupplierId;

/**
 * A product (SPU, 商品): what residents recognise by name; it is sold as one or more {@link Sku}s.
 * {@code supplierId} is the default supplier and may be null.
 */
public record Product(ProductId id, CategoryId categoryId, String name, String description, String origin,
		Set<String> seasonalTags, SupplierId supplierId, boolean active, Instant createdAt) {

	/** Where the product's picture is served: the uploaded image or a generated tile. */
	public String imageUrl() {
		return imageUrl(id);
	}

	static String imageUrl(ProductId id) {
		return "/media/products/" + id.value();
	}
}
