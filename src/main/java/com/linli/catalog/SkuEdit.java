package com.linli.catalog;

/** The edited state of a SKU; {@code id} is null for a SKU to add. */
public record SkuEdit(SkuId id, String spec, String unit, String barcode, StorageTemperature storage,
		int shelfLifeDays, int weightGrams, boolean active) {

	public NewSku asNew() {
		return new NewSku(spec, unit, barcode, storage, shelfLifeDays, weightGrams);
	}
}
