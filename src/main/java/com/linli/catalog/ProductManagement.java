package com.linli.catalog;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.linli.catalog.internal.CatalogQueries;
import com.linli.catalog.internal.CatalogRules;
import com.linli.catalog.internal.Categories;
import com.linli.catalog.internal.CategoryTree;
import com.linli.catalog.internal.Products;
import com.linli.catalog.internal.Skus;
import com.linli.shared.ActedBy;
import com.linli.shared.AdminChange;
import com.linli.shared.InvalidInputException;
import com.linli.shared.NotFoundException;
import com.linli.shared.Page;
import com.linli.shared.SupplierDirectory;
import com.linli.shared.SupplierId;
import com.linli.shared.Text;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of products: creating one with its SKUs, editing a product and its SKUs in one form,
 * switching it on and off, and the console's product list (one SKU at a time is {@link SkuManagement}'s,
 * pictures are {@link ProductImageManagement}'s). Every change is audited through {@link AdminChange}
 * and announced as {@link ProductChanged}.
 */
@Service
@Transactional(readOnly = true)
public class ProductManagement {

	private final Categories categories;

	private final Products products;

	private final Skus skus;

	private final CatalogQueries queries;

	private final ObjectProvider<SupplierDirectory> suppliers;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ProductManagement(Categories categories, Products products, Skus skus, CatalogQueries queries,
			ObjectProvider<SupplierDirectory> suppliers, ApplicationEventPublisher events, Clock clock) {
		this.categories = categories;
		this.products = products;
		this.skus = skus;
		this.queries = queries;
		this.suppliers = suppliers;
		this.events = events;
		this.clock = clock;
	}

	/** Creates a product with its SKUs (at least one); barcodes must be unused. */
	@Transactional
	public Product createProduct(NewProduct p, ActedBy by) {
		var details = details(p.categoryId(), p.name(), p.description(), p.origin(), p.seasonalTags(), p.supplierId());
		var newSkus = CatalogRules.skus(p.skus());
		for (int i = 0; i < newSkus.size(); i++) {
			SkuManagement.checkBarcodeFree(skus, "skus[" + i + "].barcode", newSkus.get(i).barcode(), null);
		}
		var now = clock.instant();
		var id = products.insert(details, now);
		newSkus.forEach(s -> skus.insert(id, s, now));
		events.publishEvent(new AdminChange(by, "product.create", "product:" + id,
				details.name() + " skus=" + newSkus.stream().map(NewSku::spec).toList()));
		events.publishEvent(new ProductChanged(id));
		return getProduct(id);
	}

	/** Saves a product and its SKUs as edited in one form; see {@link ProductEdit}. */
	@Transactional
	public Product updateProduct(ProductId id, ProductEdit e, ActedBy by) {
		getProduct(id);
		var details = details(e.categoryId(), e.name(), e.description(), e.origin(), e.seasonalTags(), e.supplierId());
		List<SkuEdit> edits = e.skus() == null ? List.of() : e.skus();
		Map<SkuId, SkuEdit> current = skus.editable(id).stream()
			.collect(Collectors.toMap(SkuEdit::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
		if (current.isEmpty() && edits.isEmpty()) {
			throw new InvalidInputException("skus", Text.of("catalog.problem.productNeedsAtLeastOneSku"));
		}
		if (edits.size() > CatalogRules.MAX_SKUS) {
			throw new InvalidInputException("skus", Text.of("catalog.problem.atMost20SkusPerProduct"));
		}
		List<NewSku> checked = new ArrayList<>();
		Set<SkuId> mentioned = new HashSet<>();
		for (int i = 0; i < edits.size(); i++) {
			String prefix = "skus[" + i + "].";
			var edit = edits.get(i);
			if (edit == null) {
				throw new InvalidInputException("skus[" + i + "]", Text.of("catalog.problem.skuMissing"));
			}
			if (edit.id() != null && (!current.containsKey(edit.id()) || !mentioned.add(edit.id()))) {
				throw new InvalidInputException(prefix + "id", Text.of("catalog.problem.notSkuOfProduct", edit.id()));
			}
			checked.add(CatalogRules.sku(prefix, edit.asNew()));
		}
		checkDistinctSpecs(edits, checked, current);
		if (current.size() - mentioned.size() + edits.size() > CatalogRules.MAX_SKUS) {
			throw new InvalidInputException("skus", Text.of("catalog.problem.atMost20SkusPerProduct"));
		}
		for (int i = 0; i < edits.size(); i++) {
			SkuManagement.checkBarcodeFree(skus, "skus[" + i + "].barcode", checked.get(i).barcode(), edits.get(i).id());
		}
		var now = clock.instant();
		products.update(id, details, e.active(), now);
		for (int i = 0; i < edits.size(); i++) {
			var edit = edits.get(i);
			if (edit.id() == null) {
				var skuId = skus.insert(id, checked.get(i), now);
				if (!edit.active()) {
					skus.setActive(skuId, false);
				}
			}
			else {
				skus.update(edit.id(), checked.get(i), edit.active());
			}
		}
		events.publishEvent(new AdminChange(by, "product.update", "product:" + id,
				details.name() + " active=" + e.active() + " skus=" + checked.stream().map(NewSku::spec).toList()));
		events.publishEvent(new ProductChanged(id));
		return getProduct(id);
	}

	/** Specs stay distinct within a product: among the edited rows and against the SKUs not edited. */
	private static void checkDistinctSpecs(List<SkuEdit> edits, List<NewSku> checked, Map<SkuId, SkuEdit> current) {
		Map<String, SkuId> taken = new HashMap<>();
		current.values().stream().filter(s -> edits.stream().noneMatch(e -> s.id().equals(e.id())))
			.forEach(s -> taken.put(s.spec().toLowerCase(), s.id()));
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < checked.size(); i++) {
			String spec = checked.get(i).spec().toLowerCase();
			if (!seen.add(spec) || taken.containsKey(spec)) {
				throw new InvalidInputException("skus[" + i + "].spec",
						Text.of("catalog.problem.specTwice", checked.get(i).spec()));
			}
		}
	}

	@Transactional
	public Product setProductActive(ProductId id, boolean active, ActedBy by) {
		getProduct(id);
		products.setActive(id, active, clock.instant());
		events.publishEvent(new AdminChange(by, active ? "product.activate" : "product.deactivate", "product:" + id, null));
		events.publishEvent(new ProductChanged(id));
		return getProduct(id);
	}

	private Products.Details details(CategoryId categoryId, String name, String description, String origin,
			Set<String> tags, SupplierId supplierId) {
		if (categoryId == null) {
			throw new InvalidInputException("categoryId", Text.of("catalog.problem.categoryRequired"));
		}
		if (categories.find(categoryId).isEmpty()) {
			throw new InvalidInputException("categoryId", Text.of("catalog.problem.categoryMissing", categoryId));
		}
		var checkedName = CatalogRules.productName(name);
		var checkedDescription = CatalogRules.description(description);
		var checkedOrigin = CatalogRules.origin(origin);
		var checkedTags = CatalogRules.tags(tags);
		if (supplierId != null) {
			var directory = suppliers.getIfAvailable();
			if (directory != null && directory.find(supplierId).isEmpty()) {
				throw new InvalidInputException("supplierId", Text.of("catalog.problem.supplierMissing", supplierId));
			}
		}
		return new Products.Details(categoryId, checkedName, checkedDescription, checkedOrigin, checkedTags, supplierId);
	}

	public Product getProduct(ProductId id) {
		return products.find(id).orElseThrow(() -> new NotFoundException("product", id));
	}

	/** All SKUs of a product, oldest first; {@link Sku#active()} is false when the SKU or the product is inactive. */
	public List<Sku> skusOf(ProductId id) {
		getProduct(id);
		return skus.ofProduct(id);
	}

	/** The SKUs of a product with their own active flags, as the product editor shows them. */
	public List<SkuEdit> editableSkus(ProductId id) {
		getProduct(id);
		return skus.editable(id);
	}

	/** One page of the console's product list, newest first; a category filter includes its subcategories. */
	public Page<ProductSummary> searchProducts(ProductSearch search, int page, int size) {
		Set<CategoryId> scope = search.categoryId() == null ? null
				: new CategoryTree(categories.all()).withDescendants(search.categoryId());
		return queries.products(search, scope, Math.max(page, 0), Page.size(size));
	}
}
