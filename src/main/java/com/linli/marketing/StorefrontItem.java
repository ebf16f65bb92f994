package com.linli.marketing;

import com.linli.catalog.Category;
import com.linli.catalog.Product;
import com.linli.catalog.Sku;

/**
 * A listing as residents see it: the offer with the SKU and product it sells and the top-level
 * category it is shown under ({@code category} may be null when the catalog has none for it).
 */
public record StorefrontItem(Listing listing, Sku sku, Product product, Category category) {
}
