package com.linli.catalog;

import java.util.List;
import java.util.Set;

import com.linli.shared.SupplierId;

/** A product to create together with its SKUs (at least one); {@code supplierId} may be null. */
public record NewProduct(CategoryId categoryId, String name, String description, String origin,
		Set<String> seasonalTags, SupplierId supplierId, List<NewSku> skus) {
}
