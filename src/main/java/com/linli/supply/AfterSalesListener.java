package com.linli.supply;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import com.linli.aftersales.AfterSalesRequestUpdated;
import com.linli.aftersales.AfterSalesRequested;
import com.linli.aftersales.ComplaintFiled;
import com.linli.aftersales.ComplaintSubject;
import com.linli.aftersales.RefundApproved;
import com.linli.aftersales.RequestStatus;
import com.linli.catalog.ProductManagement;
import com.linli.catalog.SkuId;
import com.linli.catalog.SkuManagement;
import com.linli.shared.Money;
import com.linli.shared.NotFoundException;
import com.linli.shared.Text;
import com.linli.supply.internal.AfterSalesCases;
import com.linli.supply.internal.AfterSalesCases.Source;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Reacts to after-sales: a refund for a cause the supplier answers for ({@code reason.supplierCause()}) charges
 * the supplier who delivered the goods back, once per request, on its next statement; requests and product
 * complaints are kept as cases for the supplier's scorecard ({@link ScorecardManagement}). The supplier of the
 * goods is the one of the received purchase order of the region for the pickup date that carried the SKU, else
 * the product's default supplier in the catalog. Runs after after-sales' transaction committed, in its own; an
 * event delivered twice changes nothing.
 */
@Component
class AfterSalesListener {

	private static final Logger log = LoggerFactory.getLogger(AfterSalesListener.class);

	private final AfterSalesCases cases;

	private final SkuManagement skus;

	private final ProductManagement products;

	private final Clock clock;

	AfterSalesListener(AfterSalesCases cases, SkuManagement skus, ProductManagement products, Clock clock) {
		this.cases = cases;
		this.skus = skus;
		this.products = products;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(AfterSalesRequested event) {
		source(event.regionId().value(), event.pickupDate(), event.skuId())
			.ifPresent(source -> cases.recordCase(event.requestId().value(), source, event.regionId().value(),
					event.skuId().value(), day(event.pickupDate()), event.reason().name(), event.reason().productCause(),
					event.quantity()));
	}

	@ApplicationModuleListener
	void on(AfterSalesRequestUpdated event) {
		if (event.status() == RequestStatus.REJECTED || event.status() == RequestStatus.WITHDRAWN) {
			cases.drop(event.requestId().value());
		}
	}

	@ApplicationModuleListener
	void on(RefundApproved event) {
		var found = source(event.regionId().value(), event.pickupDate(), event.skuId());
		if (found.isEmpty()) {
			log.warn("after-sales request {}: no supplier found for SKU {}, nothing charged back", event.requestId(),
					event.skuId());
			return;
		}
		Source source = found.get();
		long request = event.requestId().value();
		// the case may not be recorded yet (its own event runs apart): the refund's event knows it as well
		cases.recordCase(request, source, event.regionId().value(), event.skuId().value(), day(event.pickupDate()),
				event.reason().name(), event.reason().productCause(), event.quantity());
		if (!event.reason().supplierCause()) {
			return;
		}
		cases.recordQualityRefund(request, event.quantity());
		Money amount = source.priceFen() != null ? Money.ofFen(source.priceFen() * event.quantity()) : event.amount();
		if (amount == null || amount.fen() <= 0) {
			return;
		}
		String sku = event.skuName() == null ? "" : event.skuName().length() > 80 ? event.skuName().substring(0, 80)
				: event.skuName();
		String reason = Text.of("supply.chargeback.aftersales", event.requestId().value(), sku, event.quantity(),
				Text.of("supply.chargeback.aftersalesReason." + event.reason().name()))
			.stored();
		cases.addChargeback(request, source, amount, reason, clock.instant());
	}

	@ApplicationModuleListener
	void on(ComplaintFiled event) {
		if (event.subject() != ComplaintSubject.PRODUCT || event.skuId() == null || event.regionId() == null) {
			return;
		}
		Instant at = event.at() == null ? clock.instant() : event.at();
		var source = cases.lastPurchaseOrderOf(event.regionId().value(), event.skuId().value(), at)
			.or(() -> defaultSupplier(event.skuId()));
		source.ifPresent(s -> cases.recordComplaint(event.complaintId().value(), s, event.regionId().value(),
				event.skuId().value(), LocalDate.ofInstant(at, clock.getZone())));
	}

	/** Who delivered the SKU to the region for the pickup date: its purchase order, else the default supplier. */
	private Optional<Source> source(long regionId, LocalDate pickupDate, SkuId sku) {
		if (pickupDate != null) {
			var po = cases.purchaseOrderOf(regionId, pickupDate, sku.value());
			if (po.isPresent()) {
				return po;
			}
		}
		return defaultSupplier(sku);
	}

	private LocalDate day(LocalDate pickupDate) {
		return pickupDate != null ? pickupDate : LocalDate.now(clock);
	}

	private Optional<Source> defaultSupplier(SkuId sku) {
		try {
			var supplier = products.getProduct(skus.getSku(sku).productId()).supplierId();
			if (supplier == null || !cases.supplierExists(supplier)) {
				return Optional.empty();
			}
			return Optional.of(new Source(supplier, null, cases.offeredPrice(supplier, sku.value()).orElse(null)));
		}
		catch (NotFoundException e) {
			return Optional.empty();
		}
	}
}
