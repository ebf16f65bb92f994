package com.linli.supply;

import com.linli.shared.SupplierId;

/**
 * A company that delivers goods to the central warehouse (供应商), with the person to call; {@code vmi} when it
 * manages the stock of its SKUs itself (供应商管理库存: it sees stock and forecasts and proposes replenishment).
 */
public record Supplier(SupplierId id, String name, String contactName, String contactPhone, String address,
		boolean active, boolean vmi) {
}
