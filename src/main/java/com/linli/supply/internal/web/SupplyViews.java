package com.linli.supply.internal.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.linli.identity.CurrentUser;
import com.linli.shared.NotFoundException;
import com.linli.shared.SupplierId;
import com.linli.supply.Chargeback;
import com.linli.supply.PurchaseOrder;
import com.linli.supply.PurchaseOrderLine;
import com.linli.supply.Qualification;
import com.linli.supply.Scorecard;
import com.linli.supply.Statement;
import com.linli.supply.SupplierAlert;
import com.linli.supply.SupplierManagement;
import com.linli.supply.SupplierSku;
import com.linli.supply.SupplierTerms;

/** JSON shapes of the supply API (money in fen) and the signed-in supplier. */
final class SupplyViews {

	private SupplyViews() {
	}

	/** The supplier the signed-in SUPPLIER account works for; 403 if it is not linked to one. */
	static SupplierId mySupplier(SupplierManagement suppliers) {
		var me = CurrentUser.require();
		return suppliers.supplierOf(me.id()).map(s -> s.id())
			.orElseThrow(() -> new org.springframework.security.access.AccessDeniedException(
					"this account is not linked to a supplier"));
	}

	record LineView(long id, long skuId, String skuName, String unit, long priceFen, int ordered, Integer confirmed,
			int forDemand, Integer accepted, Integer rejected, String rejectReason, String batchNo,
			LocalDate productionDate, Instant receivedAt, long amountFen) {

		static LineView of(PurchaseOrderLine l, boolean staff) {
			return new LineView(l.id(), l.skuId().value(), l.skuName(), l.unit(), l.price().fen(), l.ordered(),
					l.confirmed(), staff ? l.forDemand() : 0, l.accepted(), l.rejected(),
					l.rejectReason() == null ? null : l.rejectReason().name(), l.batchNo(), l.productionDate(),
					l.receivedAt(), l.amount().fen());
		}
	}

	record ShortageView(long lineId, String skuName, int units, String rule, int refundedUnits, long refundedFen,
			int orders) {

		static ShortageView of(com.linli.supply.Shortage s) {
			return new ShortageView(s.lineId(), s.skuName(), s.units(), s.rule(), s.refundedUnits(), s.refunded().fen(),
					s.orders());
		}
	}

	record PurchaseOrderView(long id, String poNo, long supplierId, String supplierName, long regionId,
			long warehouseId, Long cutoffRunId, LocalDate pickupDate, String status, Instant expectedAt,
			Instant announcedAt, Instant createdAt, Instant sentAt, Instant confirmedAt, Instant deliveredAt,
			Instant settledAt, Instant cancelledAt, Long statementId, long amountFen, long acceptedFen,
			List<LineView> lines, List<ShortageView> shortages) {

		static PurchaseOrderView of(PurchaseOrder p, boolean staff, List<com.linli.supply.Shortage> shortages) {
			return new PurchaseOrderView(p.id().value(), p.poNo(), p.supplierId().value(), p.supplierName(),
					p.regionId().value(), p.warehouseId().value(), staff ? p.cutoffRunId() : null, p.pickupDate(),
					p.status().name(), p.expectedAt(), p.announcedAt(), p.createdAt(), p.sentAt(), p.confirmedAt(),
					p.deliveredAt(), p.settledAt(), p.cancelledAt(), p.statementId(), p.amount().fen(),
					p.acceptedAmount().fen(), p.lines().stream().map(l -> LineView.of(l, staff)).toList(),
					shortages == null ? null : shortages.stream().map(ShortageView::of).toList());
		}
	}

	record QualificationView(long id, long supplierId, String kind, String licenceNo, LocalDate validFrom,
			LocalDate validUntil, boolean expired) {

		static QualificationView of(Qualification q, LocalDate today) {
			return new QualificationView(q.id(), q.supplierId().value(), q.kind(), q.licenceNo(), q.validFrom(),
					q.validUntil(), q.expiredOn(today));
		}
	}

	record AlertView(long id, long supplierId, String supplierName, long qualificationId, String kind,
			String licenceKind, String licenceNo, LocalDate validUntil, Instant raisedAt) {

		static AlertView of(SupplierAlert a) {
			return new AlertView(a.id(), a.supplierId().value(), a.supplierName(), a.qualificationId(), a.kind(),
					a.licenceKind(), a.licenceNo(), a.validUntil(), a.raisedAt());
		}
	}

	record SkuView(long id, long supplierId, long skuId, String skuName, long priceFen, int leadTimeDays, int moq,
			boolean active) {

		static SkuView of(SupplierSku s) {
			return new SkuView(s.id(), s.supplierId().value(), s.skuId().value(), s.skuName(), s.price().fen(),
					s.leadTimeDays(), s.moq(), s.active());
		}
	}

	record TermsView(long supplierId, String tier, String paymentPeriod, Integer paymentDays) {

		static TermsView of(SupplierTerms t) {
			return new TermsView(t.supplierId().value(), t.tier().name(), t.paymentPeriod().name(), t.paymentDays());
		}
	}

	record ScorecardView(long supplierId, String supplierName, String period, LocalDate from, LocalDate to,
			int orders, Double onTimeRate, Double fillRate, Double qualityRate, Double complaintRate, Double score,
			boolean flagged) {

		static ScorecardView of(Scorecard c) {
			return new ScorecardView(c.supplierId().value(), c.supplierName(), c.period(), c.from(), c.to(), c.orders(),
					c.onTime(), c.fill(), c.quality(), c.complaint(), c.score(), c.flagged());
		}
	}

	record ChargebackView(long id, long supplierId, Long purchaseOrderId, long amountFen, String reason,
			Instant createdAt, Long statementId) {

		static ChargebackView of(Chargeback c) {
			return new ChargebackView(c.id(), c.supplierId().value(), c.purchaseOrderId(), c.amount().fen(),
					c.reason() == null ? null : com.linli.shared.Text.fromStored(c.reason()).inReadersLanguage(),
					c.createdAt(), c.statementId());
		}
	}

	record StatementView(long id, long supplierId, String supplierName, LocalDate periodStart, LocalDate periodEnd,
			long goodsFen, long chargebackFen, long totalFen, String status, Instant settledAt,
			List<PurchaseOrderView> purchaseOrders, List<ChargebackView> chargebacks) {

		static StatementView of(Statement s, boolean staff) {
			return new StatementView(s.id(), s.supplierId().value(), s.supplierName(), s.periodStart(), s.periodEnd(),
					s.goods().fen(), s.chargebacks().fen(), s.total().fen(), s.status(), s.settledAt(),
					s.orders().stream().map(p -> PurchaseOrderView.of(p, staff, null)).toList(),
					s.chargebackItems().stream().map(ChargebackView::of).toList());
		}
	}

	static NotFoundException notFound(String what, Object id) {
		return new NotFoundException(what, id);
	}
}
