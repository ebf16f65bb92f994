package com.linli.supply;

import java.util.List;

import com.linli.catalog.SkuManagement;
import com.linli.catalog.SkuId;
import com.linli.identity.Actor;
import com.linli.shared.AdminChange;
import com.linli.shared.InvalidInputException;
import com.linli.shared.NotFoundException;
import com.linli.shared.SupplierId;
import com.linli.shared.Text;
import com.linli.supply.internal.SupplierSkus;
import com.linli.supply.internal.Suppliers;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a supplier delivers and on which terms: its SKUs (purchase price, lead time, MOQ) and its contract
 * terms (tier, payment period). Drafting chooses among these offers. Roles are checked by the web layer.
 */
@Service
@Transactional(readOnly = true)
public class SupplierSkuManagement {

	private final SupplierManagement supplierManagement;

	private final Suppliers suppliers;

	private final SupplierSkus skus;

	private final SkuManagement catalog;

	private final ApplicationEventPublisher events;

	SupplierSkuManagement(SupplierManagement supplierManagement, Suppliers suppliers, SupplierSkus skus,
			SkuManagement catalog, ApplicationEventPublisher events) {
		this.supplierManagement = supplierManagement;
		this.suppliers = suppliers;
		this.skus = skus;
		this.catalog = catalog;
		this.events = events;
	}

	public SupplierTerms terms(SupplierId id) {
		return suppliers.terms(id).orElseThrow(() -> new NotFoundException("supplier", id));
	}

	@Transactional
	public SupplierTerms setTerms(SupplierTerms t, Actor actor) {
		get(t.supplierId());
		if (t.tier() == null) {
			throw new InvalidInputException("tier", Text.of("supply.problem.required"));
		}
		if (t.paymentPeriod() == null) {
			throw new InvalidInputException("paymentPeriod", Text.of("supply.problem.required"));
		}
		Integer days = t.paymentPeriod() == PaymentPeriod.DAYS ? t.paymentDays() : null;
		if (t.paymentPeriod() == PaymentPeriod.DAYS && (days == null || days < 1 || days > 180)) {
			throw new InvalidInputException("paymentDays", Text.of("supply.problem.paymentPeriod1180Days"));
		}
		var terms = new SupplierTerms(t.supplierId(), t.tier(), t.paymentPeriod(), days);
		suppliers.setTerms(terms);
		events.publishEvent(new AdminChange(actor.actedBy(), "supplier.terms", "supplier:" + t.supplierId(),
				terms.tier() + " " + terms.paymentPeriod() + (days == null ? "" : " " + days)));
		return terms;
	}

	/** The SKUs the supplier delivers, with their names from the catalog. */
	public List<SupplierSku> skus(SupplierId id) {
		get(id);
		return named(skus.of(id));
	}

	/** Active offers of active suppliers for these SKUs, named. */
	public List<SupplierSku> offers(java.util.Collection<SkuId> skuIds) {
		return skuIds.isEmpty() ? List.of() : named(skus.offers(skuIds));
	}

	@Transactional
	public SupplierSku offerSku(SupplierId id, NewSupplierSku s, Actor actor) {
		get(id);
		if (s.skuId() == null) {
			throw new InvalidInputException("skuId", Text.of("supply.problem.required"));
		}
		try {
			catalog.getSku(s.skuId());
		}
		catch (NotFoundException e) {
			throw new InvalidInputException("skuId", Text.of("supply.problem.noSuchSku", s.skuId()));
		}
		if (s.price() == null || s.price().fen() <= 0) {
			throw new InvalidInputException("priceFen", Text.of("supply.problem.purchasePriceMustMoreThanZero"));
		}
		if (s.leadTimeDays() < 0 || s.leadTimeDays() > 60) {
			throw new InvalidInputException("leadTimeDays", Text.of("supply.problem.leadTime060Days"));
		}
		if (s.moq() < 1 || s.moq() > 100_000) {
			throw new InvalidInputException("moq", Text.of("supply.problem.minimumOrderQuantity1100000"));
		}
		long sid = skus.upsert(id, s);
		events.publishEvent(new AdminChange(actor.actedBy(), "supplier.sku", "supplier:" + id,
				"sku:" + s.skuId() + " " + s.price() + " moq " + s.moq() + (s.active() ? "" : " inactive")));
		return named(List.of(skus.find(sid).orElseThrow())).get(0);
	}

	private List<SupplierSku> named(List<SupplierSku> list) {
		var names = catalog.skus(list.stream().map(SupplierSku::skuId).distinct().toList());
		return list.stream().map(o -> {
			var sku = names.get(o.skuId());
			return new SupplierSku(o.id(), o.supplierId(), o.skuId(), sku == null ? "SKU " + o.skuId() : sku.displayName(),
					o.price(), o.leadTimeDays(), o.moq(), o.active());
		}).toList();
	}

	private void get(SupplierId id) {
		supplierManagement.get(id);
	}
}
