package com.linli.supply;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import com.linli.identity.Actor;
import com.linli.shared.AdminChange;
import com.linli.shared.SupplierId;
import com.linli.supply.internal.PurchaseOrders;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supplier's answer to a sent purchase order, in the supplier portal: it confirms the order (in full or
 * short) and announces when the goods arrive at the central warehouse. A supplier reaches only its own
 * orders; another's is "not found".
 */
@Service
@Transactional(readOnly = true)
public class SupplierConfirmationManagement {

	private final PurchaseOrders orders;

	private final PurchaseOrderManagement purchaseOrders;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SupplierConfirmationManagement(PurchaseOrders orders, PurchaseOrderManagement purchaseOrders,
			ApplicationEventPublisher events, Clock clock) {
		this.orders = orders;
		this.purchaseOrders = purchaseOrders;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The supplier confirms a SENT order: every line in full, or with a shorter quantity for the lines in
	 * {@code quantities} (line id -> units it will deliver, 0 to the ordered quantity).
	 */
	@Transactional
	public PurchaseOrder confirm(SupplierId supplier, PurchaseOrderId id, Map<Long, Integer> quantities, Actor actor) {
		var po = purchaseOrders.getFor(supplier, id);
		var confirmed = orders.save(po, po.confirm(quantities, clock.instant()));
		StringBuilder shortLines = new StringBuilder();
		for (var line : confirmed.lines()) {
			if (line.confirmed() != null && line.confirmed() < line.ordered()) {
				shortLines.append(shortLines.isEmpty() ? "" : ", ").append(line.skuName()).append(' ')
					.append(line.confirmed()).append('/').append(line.ordered());
			}
		}
		// the supplier's word fixes what is paid and what residents get: on the audit log like a staff change
		events.publishEvent(new AdminChange(actor.actedBy(), "purchase-order.confirm", "purchase-order:" + id,
				po.poNo() + (shortLines.isEmpty() ? " confirmed in full" : " confirmed short: " + shortLines)));
		return confirmed;
	}

	/** The supplier announces when the goods will arrive at the central warehouse. */
	@Transactional
	public PurchaseOrder announce(SupplierId supplier, PurchaseOrderId id, Instant at) {
		var po = purchaseOrders.getFor(supplier, id);
		return orders.save(po, po.announce(at, clock.instant()));
	}
}
