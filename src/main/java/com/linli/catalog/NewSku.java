package com.linli.catalog;

/** A SKU to add to a product; {@code barcode} is optional (loose produce has none). */
public record NewSku(String spec, String unit, String barcode, StorageTemperature storage, int shelfLifeDays,
		int weightGrams) {
}
