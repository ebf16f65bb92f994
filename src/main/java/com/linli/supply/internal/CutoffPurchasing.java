package com.linli.supply.internal;

import com.linli.fulfilment.CutoffCompleted;
import com.linli.supply.PurchaseOrderDraftingManagement;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * After every cutoff, drafts the purchase orders for its demand. Runs after fulfilment committed, in its
 * own transaction; a redelivered event finds the run's orders (unique per run and supplier) and drafts nothing.
 */
@Component
class CutoffPurchasing {

	private final PurchaseOrderDraftingManagement purchaseOrders;

	CutoffPurchasing(PurchaseOrderDraftingManagement purchaseOrders) {
		this.purchaseOrders = purchaseOrders;
	}

	@ApplicationModuleListener
	void on(CutoffCompleted event) {
		purchaseOrders.draftForCutoff(event);
	}
}
