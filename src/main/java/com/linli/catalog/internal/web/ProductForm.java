package com.linli.catalog.internal.web;

import java.util.ArrayList;
import java.util.List;

import com.linli.catalog.CategoryId;
import com.linli.catalog.NewProduct;
import com.linli.catalog.NewSku;
import com.linli.catalog.Product;
import com.linli.catalog.ProductEdit;
import com.linli.catalog.SkuEdit;
import com.linli.catalog.SkuId;
import com.linli.catalog.StorageTemperature;
import com.linli.catalog.internal.CatalogRules;
import com.linli.shared.SupplierId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The console's product form: the product's fields and a row per SKU, edited together. */
public class ProductForm {

	@NotNull(message = "{catalog.validation.required}")
	private Long categoryId;

	@NotBlank
	@Size(max = 60)
	private String name;

	@Size(max = 2000)
	private String description;

	@Size(max = 60)
	private String origin;

	@Size(max = 200)
	private String tags;

	private Long supplierId;

	private boolean active = true;

	@Size(min = 1, max = 20)
	private List<@Valid SkuForm> skus = new ArrayList<>();

	static ProductForm blank() {
		var form = new ProductForm();
		form.skus.add(new SkuForm());
		return form;
	}

	static ProductForm of(Product p, List<SkuEdit> skus) {
		var form = new ProductForm();
		form.categoryId = p.categoryId().value();
		form.name = p.name();
		form.description = p.description();
		form.origin = p.origin();
		form.tags = String.join(", ", p.seasonalTags());
		form.supplierId = p.supplierId() == null ? null : p.supplierId().value();
		form.active = p.active();
		skus.forEach(s -> form.skus.add(SkuForm.of(s)));
		return form;
	}

	NewProduct toNew() {
		return new NewProduct(new CategoryId(categoryId), name, description, origin, CatalogRules.parseTags(tags),
				supplierId == null ? null : new SupplierId(supplierId), skus.stream().filter(java.util.Objects::nonNull).map(SkuForm::toNew).toList());
	}

	ProductEdit toEdit() {
		return new ProductEdit(new CategoryId(categoryId), name, description, origin, CatalogRules.parseTags(tags),
				supplierId == null ? null : new SupplierId(supplierId), active,
				skus.stream().filter(java.util.Objects::nonNull).map(SkuForm::toEdit).toList());
	}

	public Long getCategoryId() {
		return categoryId;
	}

	public void setCategoryId(Long categoryId) {
		this.categoryId = categoryId;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public String getOrigin() {
		return origin;
	}

	public void setOrigin(String origin) {
		this.origin = origin;
	}

	public String getTags() {
		return tags;
	}

	public void setTags(String tags) {
		this.tags = tags;
	}

	public Long getSupplierId() {
		return supplierId;
	}

	public void setSupplierId(Long supplierId) {
		this.supplierId = supplierId;
	}

	public boolean isActive() {
		return active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	public List<SkuForm> getSkus() {
		return skus;
	}

	public void setSkus(List<SkuForm> skus) {
		this.skus = skus;
	}

	/** One SKU row; {@code id} is empty for a row added in this form. */
	public static class SkuForm {

		private Long id;

		@NotBlank
		@Size(max = 40)
		private String spec;

		@NotBlank
		@Size(max = 8)
		private String unit;

		@Pattern(regexp = "^([0-9]{8,14})?$", message = "{catalog.validation.barcode}")
		private String barcode;

		@NotNull(message = "{catalog.validation.required}")
		private StorageTemperature storage = StorageTemperature.AMBIENT;

		@NotNull(message = "{catalog.validation.required}")
		@Min(1)
		@Max(3650)
		private Integer shelfLifeDays;

		@NotNull(message = "{catalog.validation.required}")
		@Min(1)
		@Max(100_000)
		private Integer weightGrams;

		private boolean active = true;

		static SkuForm of(SkuEdit s) {
			var form = new SkuForm();
			form.id = s.id().value();
			form.spec = s.spec();
			form.unit = s.unit();
			form.barcode = s.barcode();
			form.storage = s.storage();
			form.shelfLifeDays = s.shelfLifeDays();
			form.weightGrams = s.weightGrams();
			form.active = s.active();
			return form;
		}

		NewSku toNew() {
			return new NewSku(spec, unit, barcode, storage, shelfLifeDays, weightGrams);
		}

		SkuEdit toEdit() {
			return new SkuEdit(id == null ? null : new SkuId(id), spec, unit, barcode, storage, shelfLifeDays,
					weightGrams, active);
		}

		public Long getId() {
			return id;
		}

		public void setId(Long id) {
			this.id = id;
		}

		public String getSpec() {
			return spec;
		}

		public void setSpec(String spec) {
			this.spec = spec;
		}

		public String getUnit() {
			return unit;
		}

		public void setUnit(String unit) {
			this.unit = unit;
		}

		public String getBarcode() {
			return barcode;
		}

		public void setBarcode(String barcode) {
			this.barcode = barcode;
		}

		public StorageTemperature getStorage() {
			return storage;
		}

		public void setStorage(StorageTemperature storage) {
			this.storage = storage;
		}

		public Integer getShelfLifeDays() {
			return shelfLifeDays;
		}

		public void setShelfLifeDays(Integer shelfLifeDays) {
			this.shelfLifeDays = shelfLifeDays;
		}

		public Integer getWeightGrams() {
			return weightGrams;
		}

		public void setWeightGrams(Integer weightGrams) {
			this.weightGrams = weightGrams;
		}

		public boolean isActive() {
			return active;
		}

		public void setActive(boolean active) {
			this.active = active;
		}
	}
}
