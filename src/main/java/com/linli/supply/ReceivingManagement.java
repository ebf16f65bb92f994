package com.linli.supply;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.linli.identity.Actor;
import com.linli.inventory.StockManagement;
import com.linli.network.RegionManagement;
import com.linli.ordering.OrderRefundManagement;
import com.linli.ordering.ShortageRule;
import com.linli.shared.AdminChange;
import com.linli.shared.Text;
import com.linli.supply.internal.PurchaseOrders;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receiving (收货) at the central warehouse: warehouse staff take in the lines of a sent or confirmed purchase
 * order. Accepted units go into stock; units of the cutoff's demand that did not come are refunded to
 * residents. Roles and region scope are checked by the web layer.
 */
@Service
@Transactional(readOnly = true)
public class ReceivingManagement {

	private final PurchaseOrders orders;

	private final PurchaseOrderManagement purchaseOrders;

	private final RegionManagement network;

	private final StockManagement stock;

	private final OrderRefundManagement fulfilmentOrders;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ReceivingManagement(PurchaseOrders orders, PurchaseOrderManagement purchaseOrders, RegionManagement network,
			StockManagement stock, OrderRefundManagement fulfilmentOrders, ApplicationEventPublisher events, Clock clock) {
		this.orders = orders;
		this.purchaseOrders = purchaseOrders;
		this.network = network;
		this.stock = stock;
		this.fulfilmentOrders = fulfilmentOrders;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Warehouse staff receive lines of a SENT or CONFIRMED order at its central warehouse. Accepted units go
	 * into stock as a batch (reserved for the cutoff's demand); units of the demand that did not come (short
	 * confirmed, short delivered or rejected) are refunded to residents by {@code rule}. Lines with nothing to
	 * deliver are received with the first call. The order is DELIVERED once every line is received; a line
	 * is received once (a second try is a 409).
	 */
	@Transactional
	public PurchaseOrder receive(PurchaseOrderId id, List<ReceiptLine> receipt, ShortageRule rule, Actor actor) {
		var po = purchaseOrders.get(id);
		ShortageRule chosen = rule == null ? ShortageRule.NEWEST_FIRST : rule;
		Instant now = clock.instant();
		LocalDate today = LocalDate.now(clock.withZone(network.getRegion(po.regionId()).zone()));
		var done = po.receive(receipt, today, now);
		// saved first: whoever received it meanwhile wins, and this receipt moves no stock and refunds nothing
		orders.save(po, done.order());
		for (var line : done.received()) {
			if (line.accepted() > 0) {
				var batch = stock.receive(po.warehouseId(), line.skuId(), line.accepted(), line.batchNo(),
						line.productionDate(), "po-line:" + line.id(), po.runReference(), line.price(), actor);
				orders.setBatch(line.id(), batch.id().value());
			}
			int missing = line.missingForDemand();
			if (missing > 0) {
				refund(po, line, missing, chosen, now);
			}
		}
		if (chosen != ShortageRule.NEWEST_FIRST) {
			orders.setShortageRule(id, chosen.name());
		}
		events.publishEvent(done.goodsReceived());
		events.publishEvent(new AdminChange(actor.actedBy(), "purchase-order.receive", "purchase-order:" + id, detail(po, done)));
		return purchaseOrders.get(id);
	}

	/** Refunds the demand's missing units of a line to residents and records the shortage. */
	private void refund(PurchaseOrder po, PurchaseOrderLine line, int missing, ShortageRule rule, Instant now) {
		String why = line.rejected() > 0 ? Text.of("supply.refund.rejectedAtReceiving").stored()
				: Text.of("supply.refund.shortFromSupplier").stored();
		var refund = fulfilmentOrders.refundShortage(po.regionId(), po.pickupDate(), line.skuId(), missing, rule,
				"po-line:" + line.id(), why);
		orders.recordShortage(line.id(), line.skuId(), missing, rule.name(), refund.units(), refund.amount(),
				refund.orders(), now);
		events.publishEvent(new ShortageFound(po.id(), po.supplierId(), po.regionId(), po.pickupDate(), line.skuId(),
				line.skuName(), missing, refund.units(), refund.amount(), refund.orders()));
	}

	private static String detail(PurchaseOrder po, PurchaseOrder.Receipt done) {
		StringBuilder detail = new StringBuilder(po.poNo()).append(" at warehouse ").append(po.warehouseId()).append(':');
		for (var line : done.received()) {
			detail.append(' ').append(line.skuName()).append(" accepted ").append(line.accepted());
			if (line.rejected() > 0) {
				detail.append(" rejected ").append(line.rejected()).append(" (").append(line.rejectReason()).append(')');
			}
			detail.append(';');
		}
		return detail.toString();
	}
}
