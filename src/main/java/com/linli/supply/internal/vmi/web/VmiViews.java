package com.linli.supply.internal.vmi.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.linli.catalog.Sku;
import com.linli.catalog.SkuId;
import com.linli.catalog.SkuManagement;
import com.linli.identity.CurrentUser;
import com.linli.inventory.DemandOutlook;
import com.linli.shared.SupplierId;
import com.linli.supply.SupplierManagement;
import com.linli.supply.VmiProposal;
import com.linli.supply.VmiStockLine;

import org.springframework.security.access.AccessDeniedException;

/** JSON shapes of the VMI API (money in fen) and the signed-in supplier. */
final class VmiViews {

	private VmiViews() {
	}

	/** The supplier the signed-in SUPPLIER account works for; 403 if it is not linked to one. */
	static SupplierId mySupplier(SupplierManagement suppliers) {
		var me = CurrentUser.require();
		return suppliers.supplierOf(me.id()).map(s -> s.id())
			.orElseThrow(() -> new AccessDeniedException("this account is not linked to a supplier"));
	}

	/** SKU names ("红富士苹果 500g/盒") of the proposals' SKUs. */
	static Map<SkuId, String> skuNames(SkuManagement catalog, Collection<VmiProposal> proposals) {
		var skus = catalog.skus(proposals.stream().map(VmiProposal::skuId).distinct().toList());
		return skus.values().stream().collect(Collectors.toMap(Sku::id, Sku::displayName));
	}

	record DayView(LocalDate date, double mean, double p80, double p95) {

		static DayView of(DemandOutlook.Day d) {
			return new DayView(d.date(), d.mean(), d.p80(), d.p95());
		}
	}

	record StockLineView(long regionId, String regionName, long warehouseId, String warehouseName, long skuId,
			String skuName, int moq, long priceFen, long onHand, long available, long onOrder, List<DayView> forecast,
			String method, double forecastMean, double spread, long cover, long suggested, Long openProposalId,
			boolean openElsewhere) {

		static StockLineView of(VmiStockLine l) {
			return new StockLineView(l.regionId().value(), l.regionName(), l.warehouseId().value(), l.warehouseName(),
					l.skuId().value(), l.skuName(), l.moq(), l.price().fen(), l.onHand(), l.available(), l.onOrder(),
					l.forecast().stream().map(DayView::of).toList(), l.method(), l.forecastMean(), l.spread(), l.cover(),
					l.suggested(), l.open() == null ? null : l.open().id(), l.openElsewhere());
		}
	}

	record ProposalView(long id, long supplierId, String supplierName, long skuId, String skuName, long regionId,
			long warehouseId, int units, LocalDate deliveryDate, String note, String status, Instant proposedAt,
			Instant decidedAt, String rejectReason, Long purchaseOrderId) {

		static ProposalView of(VmiProposal p, Map<SkuId, String> names) {
			return new ProposalView(p.id(), p.supplierId().value(), p.supplierName(), p.skuId().value(),
					names.getOrDefault(p.skuId(), "SKU " + p.skuId()), p.regionId().value(), p.warehouseId().value(),
					p.units(), p.deliveryDate(), p.note(), p.status().name(), p.proposedAt(), p.decidedAt(),
					p.rejectReason(), p.purchaseOrderId() == null ? null : p.purchaseOrderId().value());
		}
	}
}
