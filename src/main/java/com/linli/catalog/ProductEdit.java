package com.linli.catalog;

import java.util.List;
import java.util.Set;

import com.linli.shared.SupplierId;

/**
 * The edited state of a product and its SKUs, as one form saves it. SKUs with an id are updated, SKUs
 * without one are added; SKUs not mentioned stay as they are (SKUs are deactivated, never deleted,
 * because listings and orders refer to them).
 */
public record ProductEdit(CategoryId categoryId, String name, String description, String origin,
		Set<String> seasonalTags, SupplierId supplierId, boolean active, List<SkuEdit> skus) {
}
