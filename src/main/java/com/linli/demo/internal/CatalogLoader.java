package com.linli.demo.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.linli.catalog.ProductManagement;
import com.linli.catalog.CategoryManagement;
import com.linli.catalog.Category;
import com.linli.catalog.CategoryId;
import com.linli.catalog.NewCategory;
import com.linli.catalog.NewProduct;
import com.linli.catalog.NewSku;
import com.linli.catalog.Sku;
import com.linli.catalog.SkuId;
import com.linli.catalog.StorageTemperature;
import com.linli.demo.CityPlan;
import com.linli.identity.Actor;
import com.linli.shared.SupplierId;
import com.linli.supply.NewQualification;
import com.linli.supply.NewSupplier;
import com.linli.supply.NewSupplierSku;
import com.linli.supply.PaymentPeriod;
import com.linli.supply.SupplierTerms;
import com.linli.supply.SupplierTier;
import com.linli.shared.Money;
import java.time.LocalDate;
import com.linli.supply.QualificationManagement;
import com.linli.supply.SupplierManagement;
import com.linli.supply.SupplierSkuManagement;

import org.springframework.stereotype.Component;

/**
 * Puts a plan's suppliers and catalog in through supply's and catalog's APIs. Suppliers and categories
 * that exist already (same name; same parent for a category) are reused, products are always created.
 */
@Component
public class CatalogLoader {

	/** Progress units (see {@link Progress}): a supplier, a product with its SKUs. */
	public static final int SUPPLIER = 3, PRODUCT = 20;

	private static final Actor DEMO = Actor.system("demo");

	private final ProductManagement catalog;

	private final CategoryManagement categoryManagement;

	private final SupplierManagement suppliers;

	private final QualificationManagement qualifications;

	private final SupplierSkuManagement supplierSkus;

	private final java.time.Clock clock;

	CatalogLoader(ProductManagement catalog, CategoryManagement categoryManagement, SupplierManagement suppliers, QualificationManagement qualifications,
			SupplierSkuManagement supplierSkus, java.time.Clock clock) {
		this.catalog = catalog;
		this.categoryManagement = categoryManagement;
		this.suppliers = suppliers;
		this.qualifications = qualifications;
		this.supplierSkus = supplierSkus;
		this.clock = clock;
	}

	/** The ids the catalog handed out, by the plan's indexes. */
	public record LoadedCatalog(List<SupplierId> suppliers, List<List<SkuId>> skus) {

		public SkuId sku(CityPlan.Listing listing) {
			return skus.get(listing.product()).get(listing.sku());
		}
	}

	public LoadedCatalog load(CityPlan plan, Progress progress) {
		var supplierIds = loadSuppliers(plan, progress);
		return new LoadedCatalog(supplierIds, loadProducts(plan, supplierIds, progress));
	}

	private List<SupplierId> loadSuppliers(CityPlan plan, Progress progress) {
		Map<String, SupplierId> existing = new HashMap<>();
		suppliers.all().forEach(s -> existing.put(s.name().toLowerCase(Locale.ROOT), s.id()));
		List<SupplierId> ids = new ArrayList<>();
		for (var s : plan.suppliers()) {
			var id = existing.get(s.name().toLowerCase(Locale.ROOT));
			if (id == null) {
				id = suppliers.create(new NewSupplier(s.name(), s.contactName(), s.contactPhone(), s.address()), DEMO).id();
				equip(id, ids.size(), plan.suppliers().size());
			}
			ids.add(id);
			progress.advance(SUPPLIER, "suppliers");
		}
		return ids;
	}

	/**
	 * Categories in sheet order (which gives their sort order), then products in reverse: the sheet
	 * starts with fresh produce, and the newest products lead the storefront's "new" strip and the
	 * console's product list, as a group-buy's fruit and vegetables would.
	 */
	private List<List<SkuId>> loadProducts(CityPlan plan, List<SupplierId> supplierIds, Progress progress) {
		var leaves = loadCategories(plan);
		List<List<SkuId>> skuIds = new ArrayList<>();
		plan.products().forEach(p -> skuIds.add(null));
		for (int p = plan.products().size() - 1; p >= 0; p--) {
			var product = plan.products().get(p);
			var skus = product.skus().stream()
				.map(s -> new NewSku(s.spec(), s.unit(), s.barcode(), StorageTemperature.valueOf(s.storage().name()),
						s.shelfLifeDays(), s.weightGrams()))
				.toList();
			var created = catalog.createProduct(new NewProduct(leaves.get(p), product.name(), product.description(),
					product.origin(), product.seasonalTags(), supplierIds.get(product.supplier()), skus), DEMO.actedBy());
			Map<String, SkuId> bySpec = new HashMap<>();
			for (Sku sku : catalog.skusOf(created.id())) {
				bySpec.put(sku.spec(), sku.id());
			}
			skuIds.set(p, product.skus().stream().map(s -> bySpec.get(s.spec())).toList());
			offer(product, skuIds.get(p), supplierIds);
			progress.advance(PRODUCT, "catalog");
		}
		return skuIds;
	}

	/**
	 * A new demo supplier's tier, terms and licences: the first is strategic, the last an emergency
	 * supplier, the others preferred; the second one's food licence runs out in three weeks (an alert).
	 */
	private void equip(SupplierId id, int index, int count) {
		var tier = index == 0 ? SupplierTier.STRATEGIC : index == count - 1 && count > 2 ? SupplierTier.EMERGENCY
				: SupplierTier.PREFERRED;
		var period = index % 3 == 2 ? PaymentPeriod.MONTHLY : PaymentPeriod.WEEKLY;
		supplierSkus.setTerms(new SupplierTerms(id, tier, period, null), DEMO);
		LocalDate today = LocalDate.now(clock);
		String no = String.format("%06d", 913700 + index * 37);
		qualifications.addQualification(id, new NewQualification("营业执照", "91370214MA3" + no, today.minusYears(4),
				today.plusYears(6)), DEMO);
		qualifications.addQualification(id, new NewQualification("食品经营许可证", "JY1370214" + no,
				today.minusYears(2), index == 1 ? today.plusDays(21) : today.plusYears(3)), DEMO);
	}

	/**
	 * The product's supplier offers its SKUs at about 70% of the group price (MOQ 1 for fresh produce, 6 for
	 * goods kept longer); the next supplier stands by at 75%.
	 */
	private void offer(CityPlan.Product product, List<SkuId> skus, List<SupplierId> supplierIds) {
		for (int i = 0; i < skus.size(); i++) {
			var sku = product.skus().get(i);
			int moq = sku.shelfLifeDays() > 30 ? 6 : 1;
			SupplierId main = supplierIds.get(product.supplier());
			supplierSkus.offerSku(main, new NewSupplierSku(skus.get(i), share(sku.groupPrice(), 70), 1, moq, true), DEMO);
			if (supplierIds.size() > 1) {
				SupplierId backup = supplierIds.get((product.supplier() + 1) % supplierIds.size());
				supplierSkus.offerSku(backup, new NewSupplierSku(skus.get(i), share(sku.groupPrice(), 75), 1, moq, true), DEMO);
			}
		}
	}

	private static Money share(Money price, int percent) {
		return Money.ofFen(Math.max(1, price.fen() * percent / 100));
	}

	/** The leaf category of each product, creating the missing ones of its path. */
	private List<CategoryId> loadCategories(CityPlan plan) {
		Map<String, CategoryId> categories = new HashMap<>();
		for (Category c : categoryManagement.categories()) {
			categories.put(key(c.parentId(), c.name()), c.id());
		}
		Map<Long, Integer> children = new HashMap<>();
		List<CategoryId> leaves = new ArrayList<>();
		for (var product : plan.products()) {
			CategoryId parent = null;
			for (String name : product.categoryPath()) {
				CategoryId above = parent;
				parent = categories.computeIfAbsent(key(above, name), k -> {
					int order = children.merge(above == null ? 0 : above.value(), 1, Integer::sum) * 10;
					return categoryManagement.createCategory(new NewCategory(name, above, order), DEMO.actedBy()).id();
				});
			}
			leaves.add(parent);
		}
		return leaves;
	}

	private static String key(CategoryId parent, String name) {
		return (parent == null ? 0 : parent.value()) + "/" + name.toLowerCase(Locale.ROOT);
	}
}
