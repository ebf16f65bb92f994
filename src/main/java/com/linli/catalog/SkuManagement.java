package com.linli.catalog;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.linli.catalog.internal.CatalogQueries;
import com.linli.catalog.internal.CatalogRules;
import com.linli.catalog.internal.Products;
import com.linli.catalog.internal.Skus;
import com.linli.shared.ActedBy;
import com.linli.shared.AdminChange;
import com.linli.shared.BusinessRuleException;
import com.linli.shared.InvalidInputException;
import com.linli.shared.NotFoundException;
import com.linli.shared.ReadCache;
import com.linli.shared.Text;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of SKUs (what is sold: a product in one spec): adding one to a product, editing and switching
 * it on and off, reading SKUs (with a cache for the order path) and searching them. Every change is
 * audited through {@link AdminChange} and announced as {@link ProductChanged}.
 */
@Service
@Transactional(readOnly = true)
public class SkuManagement {

	private final Products products;

	private final Skus skus;

	private final CatalogQueries queries;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ReadCache<SkuId, Sku> skuCache = new ReadCache<>("catalog.sku", Duration.ofMinutes(1), 50_000);

	SkuManagement(Products products, Skus skus, CatalogQueries queries, ApplicationEventPublisher events, Clock clock) {
		this.products = products;
		this.skus = skus;
		this.queries = queries;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public Sku addSku(ProductId productId, NewSku s, ActedBy by) {
		products.find(productId).orElseThrow(() -> new NotFoundException("product", productId));
		var sku = CatalogRules.sku("", s);
		if (skus.withSpec(productId, sku.spec()).isPresent()) {
			throw new BusinessRuleException("spec-taken", "spec", Text.of("catalog.problem.specTaken", sku.spec()));
		}
		checkBarcodeFree(skus, "barcode", sku.barcode(), null);
		var id = skus.insert(productId, sku, clock.instant());
		events.publishEvent(new AdminChange(by, "sku.create", "sku:" + id, "product:" + productId + " " + sku.spec()));
		events.publishEvent(new ProductChanged(productId));
		return getSku(id);
	}

	/** Changes one SKU (its id is {@code edit.id()}). */
	@Transactional
	public Sku updateSku(SkuEdit edit, ActedBy by) {
		if (edit.id() == null) {
			throw new InvalidInputException("id", Text.of("catalog.problem.skuIdRequired"));
		}
		var before = getSku(edit.id());
		var sku = CatalogRules.sku("", edit.asNew());
		var sameSpec = skus.withSpec(before.productId(), sku.spec());
		if (sameSpec.isPresent() && !sameSpec.get().equals(edit.id())) {
			throw new BusinessRuleException("spec-taken", "spec", Text.of("catalog.problem.specTaken", sku.spec()));
		}
		checkBarcodeFree(skus, "barcode", sku.barcode(), edit.id());
		skus.update(edit.id(), sku, edit.active());
		events.publishEvent(new AdminChange(by, "sku.update", "sku:" + edit.id(), sku.spec() + " active=" + edit.active()));
		events.publishEvent(new ProductChanged(before.productId()));
		return getSku(edit.id());
	}

	@Transactional
	public Sku setSkuActive(SkuId id, boolean active, ActedBy by) {
		var sku = getSku(id);
		skus.setActive(id, active);
		events.publishEvent(new AdminChange(by, active ? "sku.activate" : "sku.deactivate", "sku:" + id, null));
		events.publishEvent(new ProductChanged(sku.productId()));
		return getSku(id);
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

	@EventListener
	void forgetSkus(AdminChange change) {
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
	public List<SkuMatch> rankSkus(String query, Collection<SkuId> among) {
		return queries.rankSkus(query, among, among.size());
	}

	/** {@link #searchSkus} with the SKUs themselves, in the same order. */
	public List<Sku> findSkus(String query, int limit) {
		var ids = searchSkus(query, limit);
		var found = skus(ids);
		return ids.stream().map(found::get).filter(Objects::nonNull).toList();
	}

	/** A barcode belongs to one SKU at most ({@code except}: the SKU being edited). */
	static void checkBarcodeFree(Skus skus, String field, String barcode, SkuId except) {
		if (barcode == null) {
			return;
		}
		var owner = skus.withBarcode(barcode);
		if (owner.isPresent() && !owner.get().equals(except)) {
			throw new BusinessRuleException("barcode-taken", field,
					Text.of("catalog.problem.barcodeTaken", barcode, owner.get()));
		}
	}
}
