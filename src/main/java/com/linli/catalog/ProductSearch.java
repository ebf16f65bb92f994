package com.linli.catalog;

/**
 * Filters of the console's product list: a category (its subcategories included), a text found in
 * the name, a spec or a barcode, and active or not. Null means "any".
 */
public record ProductSearch(CategoryId categoryId, String text, Boolean active) {

	public static ProductSearch all() {
		return new ProductSearch(null, null, null);
	}
}
