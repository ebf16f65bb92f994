package com.linli.catalog;

import java.util.Set;

/**
 * A sellable unit of a product (规格), such as "500g/盒", with what logistics need to know about it.
 * {@code imageUrl} is always usable in {@code <img src>}: the product's image or a generated SVG tile.
 * {@code active} means sellable: the SKU and its product are both active.
 */
public record Sku(SkuId id, ProductId productId, String productName, CategoryId categoryId, String spec, String unit,
		String barcode, StorageTemperature storage, int shelfLifeDays, int weightGrams, String imageUrl,
		Set<String> seasonalTags, boolean active) {

	/** "红富士苹果 500g/盒", the way a SKU is named on a list. */
	public String displayName() {
		return productName + " " + spec;
	}
}
