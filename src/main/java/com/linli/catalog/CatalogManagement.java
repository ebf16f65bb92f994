package com.linli.catalog;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
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
import com.linli.shared.AdminChange;
import com.linli.shared.BusinessRuleException;
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
 * Use cases of the catalogue: the category tree, products with their SKUs, and search (pictures are
 * {@link ProductImageManagement}'s).
 * Every change is checked here (whoever calls), audited through {@link AdminChange} and announced as
 * {@link ProductChanged}. Roles are checked by the web layer; the demo simulator calls with no user.
 */
@Service
@Transactional(readOnly = true)
public class CatalogManagement {

	private final Categories categories;

	private final Products products;

	private final Skus skus;

	private final CatalogQueries queries;

	private final ObjectProvider<SupplierDirectory> suppliers;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final com.linli.shared.ReadCache<SkuId, Sku> skuCache = new com.linli.shared.ReadCache<>(
			java.time.Duration.ofMinutes(1), 50_000);

	CatalogManagement(Categories categories, Products products, Skus skus, CatalogQueries queries, ObjectProvider<SupplierDirectory> suppliers, ApplicationEventPublisher events,
			Clock clock) {
		this.categories = categories;
		this.products = products;
		this.skus = skus;
		this.queries = queries;
		this.suppliers = suppliers;
		this.events = events;
		this.clock = clock;
	}

	// ---------------------------------------------------------------- categories

	@Transactional
	public Category createCategory(NewCategory c) {
		var category = CatalogRules.category(c);
		categories.lockTree();
		checkParent(category.parentId());
		checkSiblingName(category, null);
		var id = categories.insert(category);
		events.publishEvent(new AdminChange("category.create", "category:" + id, category.name()));
		return getCategory(id);
	}

	/** Renames, moves and re-sorts a category in one step; moving it below itself or a descendant is refused. */
	@Transactional
	public Category updateCategory(CategoryId id, NewCategory c) {
		var before = getCategory(id);
		var category = CatalogRules.category(c);
		categories.lockTree();
		checkParent(category.parentId());
		if (new CategoryTree(categories.all()).wouldCreateCycle(id, category.parentId())) {
			throw new BusinessRuleException("category-cycle", "parentId",
					Text.of("catalog.problem.categoryCannotMoveBelowItselfOne"));
		}
		checkSiblingName(category, id);
		categories.update(id, category);
		events.publishEvent(new AdminChange("category.update", "category:" + id,
				before.name() + " -> " + category.name() + " parent=" + category.parentId()));
		return getCategory(id);
	}

	@Transactional
	public Category renameCategory(CategoryId id, String name) {
		var c = getCategory(id);
		return updateCategory(id, new NewCategory(name, c.parentId(), c.sortOrder()));
	}

	@Transactional
	public Category moveCategory(CategoryId id, CategoryId newParent, int sortOrder) {
		return updateCategory(id, new NewCategory(getCategory(id).name(), newParent, sortOrder));
	}

	public Category getCategory(CategoryId id) {
		return categories.find(id).orElseThrow(() -> new NotFoundException("category", id));
	}

	/** The whole tree: parents before their children, siblings by sort order (then name). */
	public List<Category> categories() {
		return new CategoryTree(categories.all()).inOrder();
	}

	private void checkParent(CategoryId parent) {
		if (parent != null && categories.find(parent).isEmpty()) {
			throw new InvalidInputException("parentId", Text.of("catalog.problem.parentMissing", parent));
		}
	}

	private void checkSiblingName(NewCategory c, CategoryId except) {
		if (categories.siblingNamed(c.parentId(), c.name(), except)) {
			throw new BusinessRuleException("category-name-taken", "name",
					Text.of("catalog.problem.siblingNameTaken", c.name()));
		}
	}

	// ---------------------------------------------------------------- products and SKUs

	/** Creates a product with its SKUs (at least one); barcodes must be unused. */
	@Transactional
	public Product createProduct(NewProduct p) {
		var details = details(p.categoryId(), p.name(), p.description(), p.origin(), p.seasonalTags(), p.supplierId());
		var newSkus = CatalogRules.skus(p.skus());
		for (int i = 0; i < newSkus.size(); i++) {
			checkBarcodeFree("skus[" + i + "].barcode", newSkus.get(i).barcode(), null);
		}
		var now = clock.instant();
		var id = products.insert(details, now);
		newSkus.forEach(s -> skus.insert(id, s, now));
		events.publishEvent(new AdminChange("product.create", "product:" + id,
				details.name() + " skus=" + newSkus.stream().map(NewSku::spec).toList()));
		events.publishEvent(new ProductChanged(id));
		return getProduct(id);
	}

	/** Saves a product and its SKUs as edited in one form; see {@link ProductEdit}. */
	@Transactional
	public Product updateProduct(ProductId id, ProductEdit e) {
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
			checkBarcodeFree("skus[" + i + "].barcode", checked.get(i).barcode(), edits.get(i).id());
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
		events.publishEvent(new AdminChange("product.update", "product:" + id,
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
	public Product setProductActive(ProductId id, boolean active) {
		getProduct(id);
		products.setActive(id, active, clock.instant());
		events.publishEvent(new AdminChange(active ? "product.activate" : "product.deactivate", "product:" + id, null));
		events.publishEvent(new ProductChanged(id));
		return getProduct(id);
	}

	@Transactional
	public Sku addSku(ProductId productId, NewSku s) {
		getProduct(productId);
		var sku = CatalogRules.sku("", s);
		if (skus.withSpec(productId, sku.spec()).isPresent()) {
			throw new BusinessRuleException("spec-taken", "spec", Text.of("catalog.problem.specTaken", sku.spec()));
		}
		checkBarcodeFree("barcode", sku.barcode(), null);
		var id = skus.insert(productId, sku, clock.instant());
		events.publishEvent(new AdminChange("sku.create", "sku:" + id, "product:" + productId + " " + sku.spec()));
		events.publishEvent(new ProductChanged(productId));
		return getSku(id);
	}

	/** Changes one SKU (its id is {@code edit.id()}). */
	@Transactional
	public Sku updateSku(SkuEdit edit) {
		if (edit.id() == null) {
			throw new InvalidInputException("id", Text.of("catalog.problem.skuIdRequired"));
		}
		var before = getSku(edit.id());
		var sku = CatalogRules.sku("", edit.asNew());
		var sameSpec = skus.withSpec(before.productId(), sku.spec());
		if (sameSpec.isPresent() && !sameSpec.get().equals(edit.id())) {
			throw new BusinessRuleException("spec-taken", "spec", Text.of("catalog.problem.specTaken", sku.spec()));
		}
		checkBarcodeFree("barcode", sku.barcode(), edit.id());
		skus.update(edit.id(), sku, edit.active());
		events.publishEvent(new AdminChange("sku.update", "sku:" + edit.id(), sku.spec() + " active=" + edit.active()));
		events.publishEvent(new ProductChanged(before.productId()));
		return getSku(edit.id());
	}

	@Transactional
	public Sku setSkuActive(SkuId id, boolean active) {
		var sku = getSku(id);
		skus.setActive(id, active);
		events.publishEvent(new AdminChange(active ? "sku.activate" : "sku.deactivate", "sku:" + id, null));
		events.publishEvent(new ProductChanged(sku.productId()));
		return getSku(id);
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

	private void checkBarcodeFree(String field, String barcode, SkuId except) {
		if (barcode == null) {
			return;
		}
		var owner = skus.withBarcode(barcode);
		if (owner.isPresent() && !owner.get().equals(except)) {
			throw new BusinessRuleException("barcode-taken", field,
					Text.of("catalog.problem.barcodeTaken", barcode, owner.get()));
		}
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

	public Sku getSku(SkuId id) {
		return skus.find(id).orElseThrow(() -> new NotFoundException("sku", id));
	}

	/** The SKUs with these ids; unknown ids are left out. */
	public Map<SkuId, Sku> skus(Collection<SkuId> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return skus.findAll(ids).stream()
			.collect(Collectors.toMap(Sku::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
	}

	/**
	 * As {@link #skus(Collection)}, from a cache for the order path (names, spec, unit, category: what an
	 * order line copies). Any catalog change clears it; entries live at most a minute.
	 */
	public Map<SkuId, Sku> cachedSkus(Collection<SkuId> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return skuCache.getAll(ids, this::skus);
	}

	@org.springframework.context.event.EventListener
	void forgetSkus(com.linli.shared.AdminChange change) {
		if (change.action().startsWith("sku.") || change.action().startsWith("product.")
				|| change.action().startsWith("category.")) {
			skuCache.clear();
		}
	}

	/**
	 * Sellable SKUs matching every word of the query in product name, spec or seasonal tags, best
	 * matches first. Chinese substrings match: "苹果" finds "红富士苹果".
	 */
	public List<SkuId> searchSkus(String query, int limit) {
		return queries.searchSkus(query, limit);
	}

	/**
	 * The SKUs among {@code among} that match the query, best first, each with its class of match
	 * (exact name, name ending with the query, starting with it, containing it, spec or tags only): for
	 * a caller that orders matches of one class by what it knows (the storefront, by sales).
	 */
	public List<SkuMatch> rankSkus(String query, java.util.Collection<SkuId> among) {
		return queries.rankSkus(query, among, among.size());
	}

	/** {@link #searchSkus} with the SKUs themselves, in the same order. */
	public List<Sku> findSkus(String query, int limit) {
		var ids = searchSkus(query, limit);
		var found = skus(ids);
		return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
	}

	/** One page of the console's product list, newest first; a category filter includes its subcategories. */
	public Page<ProductSummary> searchProducts(ProductSearch search, int page, int size) {
		Set<CategoryId> scope = search.categoryId() == null ? null
				: new CategoryTree(categories.all()).withDescendants(search.categoryId());
		return queries.products(search, scope, Math.max(page, 0), Page.size(size));
	}
}
